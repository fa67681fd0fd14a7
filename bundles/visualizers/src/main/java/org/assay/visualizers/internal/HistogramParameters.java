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

/** The parameters of {@code histogram}. */
record HistogramParameters(
        @Param(description = "Numeric column to bin (integer or decimal).")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL}, pii = false,
                allowPiiParameter = ChartParameters.ALLOW_PII)
        String column,
        @Param(description = "Optional column with one outline per value (e.g. a segment), on the same bins. At most "
                + HistogramStep.MAX_SERIES + " values.")
        @Columns(pii = false, allowPiiParameter = ChartParameters.ALLOW_PII)
        Optional<String> series,
        @Param(description = "How the bin width is chosen.", defaultValue = "freedman-diaconis")
        BinRule rule,
        @Param(description = "A fixed number of equal-width bins between the minimum and the maximum; overrides"
                + " 'rule'.", min = 1, max = HistogramStep.MAX_BINS)
        Optional<Integer> bins,
        @Param(description = ChartParameters.TITLE_DOC + "'Distribution of <column>'.")
        Optional<String> title,
        AxisTitles axisTitles,
        ChartOptions options) implements AxisChartParameters, CheckedParameters {

    /** Parameter {@code rule}. */
    enum BinRule implements DescribedValue {
        FREEDMAN_DIACONIS("width 2 IQR / n^(1/3): robust to outliers and skew; Sturges when the IQR is 0"),
        STURGES("1 + log2(n) bins: for small, roughly normal data"),
        SQRT("sqrt(n) bins");

        private final String description;

        BinRule(String description) {
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
        if (series.isPresent() && series.get().equals(column)) {
            problems.add(ParameterProblem.of("series", "it names the same column as 'column'; pick a column such as a"
                    + " segment, or leave 'series' out"));
        }
        return problems;
    }
}
