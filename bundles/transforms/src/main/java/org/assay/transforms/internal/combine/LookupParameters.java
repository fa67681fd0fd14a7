package org.assay.transforms.internal.combine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code lookup}, and the rules between them. */
record LookupParameters(
        @Param(description = "The key columns of the input, e.g. [\"country_code\"]. A null key is a miss.")
        @Columns
        List<String> on,
        @Param(description = "The key columns of the reference, in the order of on; empty when they have the same "
                + "names as on.", defaultValue = "[]")
        @Columns(port = LookupStepType.REFERENCE)
        List<String> referenceOn,
        @Param(description = "The reference columns to add to every row, e.g. [\"country_name\", \"region\"].")
        @Columns(port = LookupStepType.REFERENCE)
        List<String> columns,
        @Param(description = "The value, as text, a column gets when the key has no reference row, e.g. "
                + "{\"region\": \"unknown\"}; a column not named here is null on a miss.", defaultValue = "{}")
        @Columns(port = LookupStepType.REFERENCE)
        Map<String, String> defaults,
        @Param(description = "What a reference key held by several rows does.", defaultValue = "fail")
        DuplicateKeys duplicates,
        @Param(description = "Most reference rows held in memory; a larger reference fails the step (use join for "
                + "two large tables).", defaultValue = "1000000", min = 1)
        int maxReferenceRows) implements CheckedParameters {

    List<String> referenceKeys() {
        return referenceOn.isEmpty() ? on : referenceOn;
    }

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (on.isEmpty()) {
            problems.add(ParameterProblem.of("on", "name at least one key column, e.g. \"on\": [\"country_code\"]"));
        }
        if (!referenceOn.isEmpty() && referenceOn.size() != on.size()) {
            problems.add(ParameterProblem.of("referenceOn", "names " + referenceOn.size() + " columns but on names "
                    + on.size() + "; give one reference key per input key, in the same order"));
        }
        if (columns.isEmpty()) {
            problems.add(ParameterProblem.of("columns", "name at least one reference column to add"));
        }
        if (new HashSet<>(columns).size() != columns.size()) {
            problems.add(ParameterProblem.of("columns", "a column is named twice in " + columns));
        }
        for (String column : defaults.keySet()) {
            if (!columns.contains(column)) {
                problems.add(ParameterProblem.of("defaults", "has a default for '" + column + "', which is not in "
                        + "columns " + columns + "; add it there or drop the default"));
            }
        }
        return problems;
    }
}
