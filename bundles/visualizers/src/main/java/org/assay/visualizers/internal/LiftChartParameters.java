package org.assay.visualizers.internal;

import java.util.List;
import java.util.Optional;

import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code lift-chart} (cumulative gains); the defaults name the columns of weka-classify's {@code curves} output. */
record LiftChartParameters(
        @Param(description = CurveParameters.CLASS_DOC, defaultValue = "class")
        @Columns(pii = false, allowPiiParameter = ChartParameters.ALLOW_PII)
        String classColumn,
        @Param(description = "Column with the share of rows targeted, best scores first (0 to 1).",
                defaultValue = "sample_share")
        @Columns(types = {FieldType.DECIMAL, FieldType.INTEGER}, pii = false,
                allowPiiParameter = ChartParameters.ALLOW_PII)
        String x,
        @Param(description = "Column with the share of the class found among them: recall, the true positive"
                + " rate (0 to 1).", defaultValue = "true_positive_rate")
        @Columns(types = {FieldType.DECIMAL, FieldType.INTEGER}, pii = false,
                allowPiiParameter = ChartParameters.ALLOW_PII)
        String y,
        @Param(description = CurveParameters.POSITIVE_DOC)
        Optional<String> positiveClass,
        @Param(description = CurveParameters.MAX_POINTS_DOC, defaultValue = "400", min = 10, max = 10_000)
        int maxPoints,
        @Param(description = ChartParameters.TITLE_DOC + "'Cumulative gains' (and the class).")
        Optional<String> title,
        AxisTitles axisTitles,
        ChartOptions options) implements CurveParameters, CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        return CurveChartStep.problems(this);
    }
}
