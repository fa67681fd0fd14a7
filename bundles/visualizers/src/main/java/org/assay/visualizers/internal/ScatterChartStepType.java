package org.assay.visualizers.internal;

import java.util.ArrayList;
import java.util.List;

import org.assay.api.step.ParameterSpec;
import org.assay.api.step.ParameterType;
import org.assay.api.step.Parameters;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.osgi.service.component.annotations.Component;

/** {@code scatter-chart}: one point per row (sampled beyond a limit), coloured by an optional series. */
@Component(service = StepType.class, property = StepType.TYPE_PROPERTY + "=" + ScatterChartStepType.TYPE_ID)
public final class ScatterChartStepType implements StepType {

    static final String TYPE_ID = "scatter-chart";

    static final String X = "x";
    static final String Y = "y";
    static final String X_TRANSFORM = "xTransform";
    static final String Y_TRANSFORM = "yTransform";
    static final String SERIES = "series";
    static final String MAX_POINTS = "maxPoints";

    static final String NONE = "none";
    static final String DAYS_AGO = "days-ago";

    private final StepDescriptor descriptor;

    public ScatterChartStepType() {
        StepDescriptor.Builder b = StepDescriptor.builder(TYPE_ID)
                .category(StepCategory.VISUALIZER)
                .title("Scatter chart")
                .description("Plots one point per row as a PNG, y against x, one colour per value of an optional"
                        + " series column (e.g. a cluster). Date columns plot as dates, or as days before the latest"
                        + " date in the data (recency). Beyond 'maxPoints' rows a fixed-seed random sample is"
                        + " plotted and the title says so. Rows without x or y are counted but not drawn.")
                .tags("chart", "png", "scatter")
                .input(PortSpec.streamed(PortSpec.IN, "The rows to plot; every row is consumed, in one pass."))
                .parameter(ParameterSpec.builder(X, ParameterType.STRING).required()
                        .description("Column for the horizontal axis: integer, decimal, date or timestamp.").build())
                .parameter(ParameterSpec.builder(Y, ParameterType.STRING).required()
                        .description("Column for the vertical axis: integer, decimal, date or timestamp.").build())
                .parameter(transform(X_TRANSFORM, "x"))
                .parameter(transform(Y_TRANSFORM, "y"))
                .parameter(ParameterSpec.builder(SERIES, ParameterType.STRING)
                        .description("Optional categorical column (e.g. cluster): one colour per value, with a legend."
                                + " At most " + ScatterChartStep.MAX_SERIES_SHOWN + " are drawn; the smallest are"
                                + " merged into 'Other'.").build())
                .parameter(ParameterSpec.builder(MAX_POINTS, ParameterType.INTEGER).defaultValue(20_000L)
                        .range(100, 1_000_000)
                        .description("Most points drawn. Beyond it a uniform random sample with a fixed seed is drawn"
                                + " (the same input gives the same chart) and the title states the sample size.")
                        .build());
        for (ParameterSpec p : ChartParameters.common("'<y> vs <x>' (and 'by <series>')")) {
            b.parameter(p);
        }
        this.descriptor = b.build();
    }

    private static ParameterSpec transform(String name, String axis) {
        return ParameterSpec.builder(name, ParameterType.ENUM).allowed(NONE, DAYS_AGO).defaultValue(NONE)
                .description("How '" + axis + "' is plotted: none (values as they are; dates as dates) or days-ago"
                        + " (for a date or timestamp column: days between each value and the latest value in the"
                        + " data, e.g. recency from a last-purchase date).")
                .build();
    }

    @Override
    public StepDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Step newStep() {
        return new ScatterChartStep();
    }

    @Override
    public List<String> validate(Parameters parameters) {
        return problems(parameters);
    }

    static List<String> problems(Parameters parameters) {
        List<String> problems = new ArrayList<>(ChartParameters.validate(parameters));
        if (parameters.has(SERIES) && (parameters.optionalString(SERIES).equals(parameters.optionalString(X))
                || parameters.optionalString(SERIES).equals(parameters.optionalString(Y)))) {
            problems.add("parameter 'series': it names the same column as 'x' or 'y'; pick a categorical column"
                    + " such as a cluster or segment, or leave 'series' out");
        }
        return problems;
    }
}
