package org.assay.visualizers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;
import org.assay.api.step.typed.ParameterBinder;
import org.assay.visualizers.internal.BarAggregation.Aggregate;
import org.assay.visualizers.internal.BarAggregation.Sort;

/** The parameters of {@code bar-chart}, and the rules between them. */
record BarChartParameters(
        @Param(description = "Column whose values become the bars (any type; missing values form a '(missing)'"
                + " bar).")
        @Columns(pii = false, allowPiiParameter = ChartParameters.ALLOW_PII)
        String category,
        @Param(description = "Numeric (integer, decimal or boolean) column to aggregate. Without it each bar is a"
                + " row count.")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL, FieldType.BOOLEAN}, pii = false,
                allowPiiParameter = ChartParameters.ALLOW_PII)
        Optional<String> value,
        @Param(description = "How rows become a bar's height. Default: count without 'value', sum"
                + " with it.")
        Optional<Aggregate> aggregate,
        @Param(description = "Bar order.", defaultValue = "category")
        Sort sort,
        @Param(description = "Optional second column (e.g. a segment or cluster): grouped bars, one colour per"
                + " value, with a legend. At most " + BarAggregation.MAX_SERIES_SHOWN + " are drawn; the smallest"
                + " are merged into 'Other'.")
        @Columns(pii = false, allowPiiParameter = ChartParameters.ALLOW_PII)
        Optional<String> series,
        @Param(description = "Most bars along the axis. Beyond it the smallest categories (by count or sum; by rows"
                + " for mean) are merged into one 'Other (n)' bar, drawn last.", defaultValue = "30", min = 2,
                max = 200)
        int maxCategories,
        @Param(description = "Whether the chart draws the 'Other (n)' bar. Set false for a top-N chart, where the"
                + " merged rest would dwarf the bars: then maxCategories bars are drawn; the CSV table keeps the"
                + " rest either way.", defaultValue = "true")
        boolean showOther,
        @Param(description = ChartParameters.TITLE_DOC + "'<Count|Sum of value|Mean of value> by <category>'.")
        Optional<String> title,
        AxisTitles axisTitles,
        ChartOptions options) implements AxisChartParameters, CheckedParameters {

    /** The aggregate to draw: the parameter, else count without a value column and sum with one. */
    Aggregate effectiveAggregate() {
        return aggregate.orElse(value.isEmpty() ? Aggregate.COUNT : Aggregate.SUM);
    }

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>(commonProblems());
        Aggregate a = aggregate.orElse(Aggregate.COUNT);
        if (value.isEmpty() && a != Aggregate.COUNT) {
            String name = ParameterBinder.jsonName(a);
            problems.add(ParameterProblem.of("aggregate", name + " needs parameter 'value', the numeric column to "
                    + name + "; set 'value' or use \"aggregate\": \"count\""));
        }
        if (series.isPresent() && series.get().equals(category)) {
            problems.add(ParameterProblem.of("series", "it names the same column as 'category'; pick a different"
                    + " column or leave 'series' out"));
        }
        return problems;
    }
}
