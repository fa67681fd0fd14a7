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

/** The parameters of {@code heatmap}. */
record HeatmapParameters(
        @Param(description = "Column across (any type with few values: a segment, a month, a binned amount)."
                + " Needed unless 'columns' asks for a correlation matrix.")
        @Columns(pii = false, allowPiiParameter = ChartParameters.ALLOW_PII)
        Optional<String> x,
        @Param(description = "Column down. At most " + BarAggregation.MAX_SERIES_SHOWN + " values are drawn; the"
                + " smallest are merged into 'Other'. Needed unless 'columns' asks for a correlation matrix.")
        @Columns(pii = false, allowPiiParameter = ChartParameters.ALLOW_PII)
        Optional<String> y,
        @Param(description = "Numeric columns for a correlation matrix instead of x and y (e.g. [\"orders\","
                + " \"spend\", \"tenure\"]): one cell per pair with Pearson's r, -1 blue through white to 1 red,"
                + " the value written in each cell. Nulls are deleted pairwise. From 2 to "
                + HeatmapStep.MAX_CORRELATION_COLUMNS + " columns. (For Spearman's rho and Cramér's V use"
                + " 'correlate'.)", defaultValue = "[]")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL}, pii = false,
                allowPiiParameter = ChartParameters.ALLOW_PII)
        List<String> columns,
        @Param(description = "Optional numeric column to aggregate in each cell. Without it each cell is a row count.")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL, FieldType.BOOLEAN}, pii = false,
                allowPiiParameter = ChartParameters.ALLOW_PII)
        Optional<String> value,
        @Param(description = "How the rows of a cell become its number. Default: count without 'value', mean with it.")
        Optional<Aggregate> aggregate,
        @Param(description = "Most columns across; beyond it the smallest are merged into 'Other (n)'.",
                defaultValue = "20", min = 2, max = 40)
        int maxCategories,
        @Param(description = ChartParameters.TITLE_DOC + "'<aggregate> by <x> and <y>', or 'Correlation (Pearson's"
                + " r) of <n> columns'.")
        Optional<String> title,
        AxisTitles axisTitles,
        ChartOptions options) implements AxisChartParameters, CheckedParameters {

    Aggregate effectiveAggregate() {
        return aggregate.orElse(value.isEmpty() ? Aggregate.COUNT : Aggregate.MEAN);
    }

    /** Whether this heat map is a correlation matrix of 'columns'. */
    boolean correlation() {
        return !columns.isEmpty();
    }

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>(commonProblems());
        if (correlation()) {
            for (String other : List.of("x", "y", "value", "aggregate")) {
                boolean set = switch (other) {
                    case "x" -> x.isPresent();
                    case "y" -> y.isPresent();
                    case "value" -> value.isPresent();
                    default -> aggregate.isPresent();
                };
                if (set) {
                    problems.add(ParameterProblem.of(other, "a correlation matrix ('columns') has no '" + other
                            + "'; leave it out, or leave out 'columns' for a heat map of x by y"));
                }
            }
            if (columns.size() < 2 || columns.size() > HeatmapStep.MAX_CORRELATION_COLUMNS) {
                problems.add(ParameterProblem.of("columns", "name from 2 to " + HeatmapStep.MAX_CORRELATION_COLUMNS
                        + " numeric columns, not " + columns.size() + " (use 'correlate' for a table of more)"));
            }
            if (columns.stream().distinct().count() < columns.size()) {
                problems.add(ParameterProblem.of("columns", "names a column twice; name each once"));
            }
            return problems;
        }
        if (x.isEmpty() || y.isEmpty()) {
            problems.add(ParameterProblem.of(x.isEmpty() ? "x" : "y", "a heat map needs 'x' and 'y' (two columns"
                    + " with few values), or 'columns' (numeric columns for a correlation matrix)"));
            return problems;
        }
        if (x.equals(y)) {
            problems.add(ParameterProblem.of("y", "it names the same column as 'x'; a heat map needs two columns"));
        }
        Aggregate a = aggregate.orElse(Aggregate.COUNT);
        if (value.isEmpty() && a != Aggregate.COUNT) {
            String name = ParameterBinder.jsonName(a);
            problems.add(ParameterProblem.of("aggregate", name + " needs parameter 'value', the numeric column to "
                    + name + "; set 'value' or use \"aggregate\": \"count\""));
        }
        return problems;
    }
}
