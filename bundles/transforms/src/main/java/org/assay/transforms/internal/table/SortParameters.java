package org.assay.transforms.internal.table;

import java.util.ArrayList;
import java.util.List;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code sort}: key columns in order, and which of them run high to low. */
record SortParameters(
        @Param(description = "Columns to sort by, most significant first, e.g. [\"city\", \"amount\"].")
        @Columns
        List<String> by,
        @Param(description = "Columns of by that sort high to low; the others sort low to high. Nulls come last "
                + "either way.", defaultValue = "[]")
        @Columns
        List<String> descending) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (by.isEmpty()) {
            problems.add(ParameterProblem.of("by", "name at least one column to sort by"));
        }
        if (by.stream().distinct().count() < by.size()) {
            problems.add(ParameterProblem.of("by", "a column is named twice"));
        }
        for (String d : descending) {
            if (!by.contains(d)) {
                problems.add(ParameterProblem.of("descending", "column '" + d + "' is not in by; add it to by "
                        + "where it should weigh"));
            }
        }
        return problems;
    }
}
