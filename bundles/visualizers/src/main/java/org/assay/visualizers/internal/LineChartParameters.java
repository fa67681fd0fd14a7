package org.assay.visualizers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;
import org.assay.visualizers.internal.BarAggregation.Aggregate;

/** The parameters of {@code line-chart}, and the rules between them. */
record LineChartParameters(
        @Param(description = "Column for the horizontal axis: date, timestamp, integer or decimal.")
        @Columns(types = {FieldType.DATE, FieldType.TIMESTAMP, FieldType.INTEGER, FieldType.DECIMAL}, pii = false,
                allowPiiParameter = ChartParameters.ALLOW_PII)
        String x,
        @Param(description = "Numeric columns to draw, one line each (e.g. [\"revenue\", \"cost\"]).")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL}, pii = false,
                allowPiiParameter = ChartParameters.ALLOW_PII)
        List<String> y,
        @Param(description = "Optional column that splits the one 'y' column into lines, one colour per value (e.g."
                + " a region, or a forecast's kind: history and forecast). At most " + LineChartStep.MAX_SERIES
                + " values.")
        @Columns(pii = false, allowPiiParameter = ChartParameters.ALLOW_PII)
        Optional<String> series,
        @Param(description = "How the rows at one x (or in one period) become a point; nulls are skipped.",
                defaultValue = "sum")
        Aggregate aggregate,
        @Param(description = "Group a date or timestamp axis by this period (a timestamp is first taken as its UTC"
                + " day).", defaultValue = "none")
        Period period,
        @Param(description = "Optional numeric column with the lower end of an interval (e.g. a forecast's lower"
                + " bound): with 'upper' it is drawn as a shaded band around the line. Aggregated like 'y'.")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL}, pii = false,
                allowPiiParameter = ChartParameters.ALLOW_PII)
        Optional<String> lower,
        @Param(description = "Optional numeric column with the upper end of the interval; needs 'lower'.")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL}, pii = false,
                allowPiiParameter = ChartParameters.ALLOW_PII)
        Optional<String> upper,
        @Param(description = "What the band is called in the legend, e.g. \"95% interval\". Default: '<line>"
                + " interval (<lower> to <upper>)', the column names with underscores read as spaces.")
        Optional<String> bandLabel,
        @Param(description = "Most points per line. Beyond it, consecutive x values are merged into this many"
                + " buckets of equal count (their rows aggregated together) and the title says so.",
                defaultValue = "1000", min = 10, max = 10_000)
        int maxPoints,
        @Param(description = ChartParameters.TITLE_DOC + "'<aggregate> of <y> by <x>'.")
        Optional<String> title,
        AxisTitles axisTitles,
        ChartOptions options) implements AxisChartParameters, CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>(commonProblems());
        if (y.isEmpty()) {
            problems.add(ParameterProblem.of("y", "name at least one numeric column, e.g. [\"amount\"]"));
        }
        if (series.isPresent() && y.size() > 1) {
            problems.add(ParameterProblem.of("series", "a series column splits one 'y' column; with " + y.size()
                    + " y columns each is already a line. Leave 'series' out or name one 'y'"));
        }
        if (lower.isPresent() != upper.isPresent()) {
            problems.add(ParameterProblem.of(lower.isPresent() ? "upper" : "lower", "a band needs both 'lower' and"
                    + " 'upper'; set the other one or leave both out"));
        }
        if (bandLabel.isPresent() && lower.isEmpty()) {
            problems.add(ParameterProblem.of("bandLabel", "it names the band, and there is none; set 'lower' and"
                    + " 'upper', or leave 'bandLabel' out"));
        }
        if (lower.isPresent() && y.size() > 1) {
            problems.add(ParameterProblem.of("lower", "a band belongs to one line; name one 'y' column"));
        }
        if (aggregate == Aggregate.COUNT && lower.isPresent()) {
            problems.add(ParameterProblem.of("aggregate", "count draws row counts, which have no band; use sum or"
                    + " mean with 'lower' and 'upper'"));
        }
        if (series.isPresent() && (series.get().equals(x) || y.contains(series.get()))) {
            problems.add(ParameterProblem.of("series", "it names the same column as 'x' or 'y'; pick a column such"
                    + " as a region or a kind, or leave 'series' out"));
        }
        return problems;
    }
}
