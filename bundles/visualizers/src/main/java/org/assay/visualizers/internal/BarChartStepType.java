package org.assay.visualizers.internal;

import java.util.Map;
import java.util.Optional;

import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/** {@code bar-chart}: bars per category (row counts, sums or means), optionally grouped by a series. */
@Component(service = StepType.class)
@AssayStepType("bar-chart")
public final class BarChartStepType extends TypedStepType<BarChartParameters> {

    public BarChartStepType() {
        super(BarChartParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.VISUALIZER).title("Bar chart").tags("chart", "png", "aggregate")
                .description("Draws one bar per value of a column as a PNG: the rows of each category, or the sum or"
                        + " mean of a numeric column, optionally grouped by a second column with a legend. Also writes"
                        + " the plotted numbers as a CSV table. Streams its input, so any number of rows fits.")
                // One pass, memory bounded by the distinct (category, series) pairs: see BarAggregation.
                .input(PortSpec.streamed(PortSpec.IN, "The rows to aggregate; every row is consumed."));
    }

    /** No dataset output: the chart's files are its result. */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(BarChartParameters p, Map<String, Schema> inputs) {
        return Optional.of(Map.of());
    }

    @Override
    protected Step newStep(BarChartParameters p) {
        return new BarChartStep(p, descriptor());
    }
}
