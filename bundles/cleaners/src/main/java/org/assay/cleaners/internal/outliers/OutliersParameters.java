package org.assay.cleaners.internal.outliers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code outliers}, and the rules between them. */
record OutliersParameters(
        @Param(description = "How outliers are found.", defaultValue = "robust-z")
        OutlierMethod method,
        @Param(description = "The numeric columns to check; empty: every integer and decimal column not tagged id.",
                defaultValue = "[]")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL})
        List<String> columns,
        @Param(description = "The method's threshold; its default depends on the method (see method).", min = 0)
        Optional<Double> threshold,
        @Param(description = "What is done to an outlier.", defaultValue = "flag")
        OutlierAction action,
        @Param(description = "z-score, robust-z and iqr: compute the statistics per value of this column (e.g. per"
                + " city), so a value ordinary in one group is not an outlier for another. Groups with fewer than "
                + "minGroupSize values are not checked.")
        @Columns(types = {FieldType.STRING, FieldType.CATEGORICAL, FieldType.INTEGER, FieldType.BOOLEAN}, pii = false)
        Optional<String> groupBy,
        @Param(description = "The fewest values a column (or a group) needs before it is checked.",
                defaultValue = "10", min = 3)
        int minGroupSize,
        @Param(description = "isolation-forest: the number of trees.", defaultValue = "100", min = 10, max = 1000)
        int trees,
        @Param(description = "isolation-forest: the seed of the random splits, so a run can be repeated.",
                defaultValue = "42")
        long seed) implements CheckedParameters {

    double effectiveThreshold() {
        return threshold.orElse(method.defaultThreshold());
    }

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (!method.univariate()) {
            if (action == OutlierAction.CAP || action == OutlierAction.SET_NULL) {
                problems.add(ParameterProblem.of("action", "isolation-forest scores a whole row, not a value: use "
                        + "flag or quarantine (or a per-column method to cap or set null)"));
            }
            if (groupBy.isPresent()) {
                problems.add(ParameterProblem.of("groupBy", "isolation-forest does not group; add the group column to "
                        + "a per-column method, or split the table first"));
            }
            if (threshold.isPresent() && (threshold.get() <= 0.5 || threshold.get() >= 1)) {
                problems.add(ParameterProblem.of("threshold", "an isolation-forest score lies between 0 and 1 and "
                        + "0.5 is an ordinary row: give a threshold between 0.5 and 1, e.g. 0.65"));
            }
        }
        return problems;
    }
}
