package org.assay.visualizers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/** {@code line-chart}: lines over a date or number axis, aggregated per x or period, with an optional band. */
@Component(service = StepType.class)
@AssayStepType("line-chart")
public final class LineChartStepType extends TypedStepType<LineChartParameters> {

    public LineChartStepType() {
        super(LineChartParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.VISUALIZER).title("Line chart").tags("chart", "png", "svg", "trend", "forecast")
                .description("Draws one line per numeric 'y' column, or per value of a 'series' column, over a date"
                        + " or number axis: the sum, mean or count of the rows at each x, or in each day, week,"
                        + " month, quarter or year. 'lower' and 'upper' add a shaded band (a forecast interval); a line with"
                        + " a band that starts after another line ends (forecast after history) is drawn from that"
                        + " line's last point, so there is no gap. A date axis has calendar ticks (days, weeks,"
                        + " months, quarters or years, by the span and never finer than 'period')."
                        + " Writes PNG, SVG and the plotted points as CSV. Streams its input; beyond 'maxPoints'"
                        + " points per line consecutive points are merged and the title says so.")
                .input(PortSpec.streamed(PortSpec.IN, "The rows to draw; every row is consumed."));
    }

    @Override
    protected List<ParameterProblem> check(LineChartParameters p, Map<String, Schema> inputs) {
        List<ParameterProblem> problems = new ArrayList<>();
        Schema in = inputs.get(PortSpec.IN);
        int x = in == null ? -1 : in.indexOf(p.x());
        if (x >= 0 && p.period() != Period.NONE && !LineChartStep.isTime(in.field(x).type())) {
            problems.add(ParameterProblem.of("period", periodProblem(p.x(), in.field(x).type())));
        }
        return problems;
    }

    static String periodProblem(String x, FieldType type) {
        return "a period groups dates, but '" + x + "' is " + type.jsonName() + "; use \"period\": \"none\" or a"
                + " date column";
    }

    /** No dataset output: the chart's files are its result. */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(LineChartParameters p, Map<String, Schema> inputs) {
        return Optional.of(Map.of());
    }

    @Override
    protected Step newStep(LineChartParameters p) {
        return new LineChartStep(p, descriptor());
    }
}
