package org.assay.privacy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code mask}. */
record MaskParameters(
        @Param(description = "Column to its mask: " + MaskRule.KINDS + ", e.g. {\"email\": \"email\", \"phone\": "
                + "\"phone\", \"name\": \"name\"}.")
        @Columns
        Map<String, String> columns) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (columns.isEmpty()) {
            problems.add(ParameterProblem.of("columns", "name at least one column and its mask, e.g. {\"email\": "
                    + "\"email\"}"));
        }
        for (Map.Entry<String, String> e : columns.entrySet()) {
            try {
                MaskRule.parse(e.getValue());
            } catch (IllegalArgumentException bad) {
                problems.add(ParameterProblem.of("columns", "column '" + e.getKey() + "': " + bad.getMessage()));
            }
        }
        return problems;
    }
}
