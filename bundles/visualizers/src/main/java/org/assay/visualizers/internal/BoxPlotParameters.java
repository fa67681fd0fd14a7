package org.assay.visualizers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code box-plot}. */
record BoxPlotParameters(
        @Param(description = "Numeric column whose distribution each box shows (integer or decimal).")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL}, pii = false,
                allowPiiParameter = ChartParameters.ALLOW_PII)
        String value,
        @Param(description = "Optional column with one box per value (e.g. a segment); without it one box for all"
                + " rows.")
        @Columns(pii = false, allowPiiParameter = ChartParameters.ALLOW_PII)
        Optional<String> category,
        @Param(description = "Most boxes drawn: the categories with the most rows, in their natural order; the"
                + " title says how many were left out (the CSV lists every category held).", defaultValue = "12",
                min = 1, max = 30)
        int maxCategories,
        @Param(description = ChartParameters.TITLE_DOC + "'Distribution of <value> by <category>'.")
        Optional<String> title,
        AxisTitles axisTitles,
        ChartOptions options) implements AxisChartParameters, CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>(commonProblems());
        if (category.isPresent() && category.get().equals(value)) {
            problems.add(ParameterProblem.of("category", "it names the same column as 'value'; pick a column such as"
                    + " a segment, or leave 'category' out"));
        }
        return problems;
    }
}
