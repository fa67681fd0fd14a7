package org.assay.visualizers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.DescribedValue;
import org.assay.api.step.typed.Param;

/** The parameters of {@code confusion-matrix}; the defaults name weka-classify's {@code confusion} output. */
record ConfusionMatrixParameters(
        @Param(description = "Column with the actual class.", defaultValue = "actual")
        @Columns(pii = false, allowPiiParameter = ChartParameters.ALLOW_PII)
        String actual,
        @Param(description = "Column with the predicted class.", defaultValue = "predicted")
        @Columns(pii = false, allowPiiParameter = ChartParameters.ALLOW_PII)
        String predicted,
        @Param(description = "Numeric column with the number of rows in each (actual, predicted) cell, as"
                + " weka-classify's 'confusion' output has. Without it every input row counts once, so scored rows"
                + " (actual and prediction columns) can be charted directly.")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL}, pii = false,
                allowPiiParameter = ChartParameters.ALLOW_PII)
        Optional<String> count,
        @Param(description = "What a cell shows and its colour scales with.", defaultValue = "count")
        Normalize normalize,
        @Param(description = ChartParameters.TITLE_DOC + "'Confusion matrix'.")
        Optional<String> title,
        AxisTitles axisTitles,
        ChartOptions options) implements AxisChartParameters, CheckedParameters {

    /** Parameter {@code normalize}. */
    enum Normalize implements DescribedValue {
        COUNT("the number of rows"),
        ACTUAL("the share of the actual class's rows (each row of the matrix adds up to 100%: recall on the"
                + " diagonal)");

        private final String description;

        Normalize(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>(commonProblems());
        if (actual.equals(predicted)) {
            problems.add(ParameterProblem.of("predicted", "it names the same column as 'actual'"));
        }
        return problems;
    }
}
