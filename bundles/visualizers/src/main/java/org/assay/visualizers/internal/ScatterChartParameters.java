package org.assay.visualizers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code scatter-chart}, and the rules between them. */
record ScatterChartParameters(
        @Param(description = "Column for the horizontal axis: integer, decimal, date or timestamp.")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE, FieldType.TIMESTAMP}, pii = false,
                allowPiiParameter = ChartParameters.ALLOW_PII)
        String x,
        @Param(description = "Column for the vertical axis: integer, decimal, date or timestamp.")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE, FieldType.TIMESTAMP}, pii = false,
                allowPiiParameter = ChartParameters.ALLOW_PII)
        String y,
        @Param(description = "How 'x' is plotted.", defaultValue = "none")
        AxisTransform xTransform,
        @Param(description = "How 'y' is plotted.", defaultValue = "none")
        AxisTransform yTransform,
        @Param(description = "Optional categorical column (e.g. cluster): one colour per value, with a legend."
                + " At most " + ScatterChartStep.MAX_SERIES_SHOWN + " are drawn; the smallest are merged into"
                + " 'Other'.")
        @Columns(pii = false, allowPiiParameter = ChartParameters.ALLOW_PII)
        Optional<String> series,
        @Param(description = "Most points drawn. Beyond it a uniform random sample with a fixed seed is drawn (the"
                + " same input gives the same chart) and the title states the sample size. The SVG draws at most "
                + ScatterChartStep.SVG_MAX_POINTS + " of them (a uniform sample of the sample, its title saying so),"
                + " so it stays under 1 MB.", defaultValue = "15000",
                min = 100, max = 1_000_000)
        int maxPoints,
        @Param(description = ChartParameters.TITLE_DOC + "'<y> vs <x>' (and 'by <series>').")
        Optional<String> title,
        AxisTitles axisTitles,
        ChartOptions options) implements AxisChartParameters, CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>(commonProblems());
        if (series.isPresent() && (series.get().equals(x) || series.get().equals(y))) {
            problems.add(ParameterProblem.of("series", "it names the same column as 'x' or 'y'; pick a categorical"
                    + " column such as a cluster or segment, or leave 'series' out"));
        }
        return problems;
    }
}
