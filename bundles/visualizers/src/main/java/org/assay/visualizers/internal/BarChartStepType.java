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

/** {@code bar-chart}: bars per category (row counts, sums or means), optionally grouped by a series. */
@Component(service = StepType.class, property = StepType.TYPE_PROPERTY + "=" + BarChartStepType.TYPE_ID)
public final class BarChartStepType implements StepType {

    static final String TYPE_ID = "bar-chart";

    static final String CATEGORY = "category";
    static final String VALUE = "value";
    static final String AGGREGATE = "aggregate";
    static final String SORT = "sort";
    static final String SERIES = "series";
    static final String MAX_CATEGORIES = "maxCategories";
    static final String SHOW_OTHER = "showOther";

    private final StepDescriptor descriptor;

    public BarChartStepType() {
        StepDescriptor.Builder b = StepDescriptor.builder(TYPE_ID)
                .category(StepCategory.VISUALIZER)
                .title("Bar chart")
                .description("Draws one bar per value of a column as a PNG: the rows of each category, or the sum or"
                        + " mean of a numeric column, optionally grouped by a second column with a legend. Also writes"
                        + " the plotted numbers as a CSV table. Streams its input, so any number of rows fits.")
                .tags("chart", "png", "aggregate")
                .input(PortSpec.streamed(PortSpec.IN, "The rows to aggregate; every row is consumed, in one pass."))
                .parameter(ParameterSpec.builder(CATEGORY, ParameterType.STRING).required()
                        .description("Column whose values become the bars (any type; missing values form a"
                                + " '(missing)' bar).").build())
                .parameter(ParameterSpec.builder(VALUE, ParameterType.STRING)
                        .description("Numeric (integer, decimal or boolean) column to aggregate. Without it each bar"
                                + " is a row count.").build())
                .parameter(ParameterSpec.builder(AGGREGATE, ParameterType.ENUM).allowed("count", "sum", "mean")
                        .description("How rows become a bar's height: count (rows, or rows with a value when 'value'"
                                + " is set), sum or mean of 'value' (nulls skipped). Default: count without 'value',"
                                + " sum with it.").build())
                .parameter(ParameterSpec.builder(SORT, ParameterType.ENUM).allowed("category", "value-desc")
                        .defaultValue("category")
                        .description("Bar order: the category's natural order (declared categories, numbers, dates,"
                                + " text) or largest value first.").build())
                .parameter(ParameterSpec.builder(SERIES, ParameterType.STRING)
                        .description("Optional second column (e.g. a segment or cluster): grouped bars, one colour per"
                                + " value, with a legend. At most " + BarAggregation.MAX_SERIES_SHOWN + " are drawn;"
                                + " the smallest are merged into 'Other'.").build())
                .parameter(ParameterSpec.builder(MAX_CATEGORIES, ParameterType.INTEGER).defaultValue(30L)
                        .range(2, 200)
                        .description("Most bars along the axis. Beyond it the smallest categories (by count or sum; by"
                                + " rows for mean) are merged into one 'Other (n)' bar, drawn last.").build())
                .parameter(ParameterSpec.builder(SHOW_OTHER, ParameterType.BOOLEAN).defaultValue(true)
                        .description("Whether the chart draws the 'Other (n)' bar. Set false for a top-N chart, where"
                                + " the merged rest would dwarf the bars; the CSV table keeps it either way.").build());
        for (ParameterSpec p : ChartParameters.common("'<Count|Sum of value|Mean of value> by <category>'")) {
            b.parameter(p);
        }
        this.descriptor = b.build();
    }

    @Override
    public StepDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Step newStep() {
        return new BarChartStep();
    }

    @Override
    public List<String> validate(Parameters parameters) {
        return problems(parameters);
    }

    static List<String> problems(Parameters parameters) {
        List<String> problems = new ArrayList<>(ChartParameters.validate(parameters));
        String aggregate = parameters.optionalString(AGGREGATE).orElse("");
        if (!parameters.has(VALUE) && (aggregate.equals("sum") || aggregate.equals("mean"))) {
            problems.add("parameter 'aggregate': " + aggregate + " needs parameter 'value', the numeric column to "
                    + aggregate + "; set 'value' or use \"aggregate\": \"count\"");
        }
        if (parameters.has(SERIES) && parameters.optionalString(SERIES).equals(parameters.optionalString(CATEGORY))) {
            problems.add("parameter 'series': it names the same column as 'category'; pick a different column or"
                    + " leave 'series' out");
        }
        return problems;
    }
}
