package org.assay.visualizers.internal;

import java.util.List;
import java.util.Optional;

import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code pie-chart}. A pie has no axes, so it has no xLabel or yLabel. */
record PieChartParameters(
        @Param(description = "Column whose values become the slices (any type; missing values form a '(missing)'"
                + " slice).")
        @Columns(pii = false, allowPiiParameter = ChartParameters.ALLOW_PII)
        String category,
        @Param(description = "Optional numeric column whose sum sizes each slice (e.g. revenue); without it each"
                + " slice is a row count. Negative sums cannot be drawn as slices and fail the step.")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL}, pii = false,
                allowPiiParameter = ChartParameters.ALLOW_PII)
        Optional<String> value,
        @Param(description = "Most slices. Beyond it the smallest categories are merged into one 'Other (n)' slice,"
                + " drawn grey and last.", defaultValue = "8", min = 2, max = 20)
        int maxSlices,
        @Param(description = "Draw a ring (donut) with the total in the middle instead of a full pie.",
                defaultValue = "false")
        boolean donut,
        @Param(description = ChartParameters.TITLE_DOC + "'Share of <rows|value> by <category>'.")
        Optional<String> title,
        ChartOptions options) implements ChartParameters, CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        return commonProblems();
    }
}
