package org.assay.transforms.internal.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/**
 * The parameters of {@code select}. Every column is named as it is in the input: rename, cast
 * and retag all refer to the input's names, whatever the others do.
 */
record SelectParameters(
        @Param(description = "Columns to keep, in output order; empty keeps every column in input order. Not "
                + "with drop.", defaultValue = "[]")
        @Columns
        List<String> keep,
        @Param(description = "Columns to leave out; the rest keep their input order. Not with keep.",
                defaultValue = "[]")
        @Columns
        List<String> drop,
        @Param(description = "Input column name to its new name, e.g. {\"cust_id\": \"customer_id\"}.",
                defaultValue = "{}")
        @Columns
        Map<String, String> rename,
        @Param(description = "Input column name to a type: string, categorical, integer, decimal, boolean, date, "
                + "timestamp, e.g. {\"age\": \"integer\"}. A row whose value does not cast is quarantined with "
                + "the reason; blank text becomes null.", defaultValue = "{}")
        @Columns
        Map<String, String> cast,
        @Param(description = "Input column name to its tags, replacing the ones it has: a comma-separated list "
                + "of id, target and pii, or \"\" to clear them, e.g. {\"email\": \"pii\", \"churned\": "
                + "\"target\"}.", defaultValue = "{}")
        @Columns
        Map<String, String> retag) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (!keep.isEmpty() && !drop.isEmpty()) {
            problems.add(ParameterProblem.of("drop", "give keep or drop, not both: keep already leaves out every "
                    + "column it does not name"));
        }
        if (keep.stream().distinct().count() < keep.size()) {
            problems.add(ParameterProblem.of("keep", "a column is named twice"));
        }
        Map<String, String> targets = new HashMap<>();
        for (Map.Entry<String, String> e : rename.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                problems.add(ParameterProblem.of("rename", "column '" + e.getKey() + "' needs a new name"));
            } else if (targets.putIfAbsent(e.getValue(), e.getKey()) != null) {
                problems.add(ParameterProblem.of("rename", "columns '" + targets.get(e.getValue()) + "' and '"
                        + e.getKey() + "' are both renamed to '" + e.getValue() + "'"));
            }
        }
        for (Map.Entry<String, String> e : cast.entrySet()) {
            try {
                FieldType.parse(e.getValue());
            } catch (IllegalArgumentException bad) {
                problems.add(ParameterProblem.of("cast", "column '" + e.getKey() + "': " + bad.getMessage()));
            }
        }
        for (Map.Entry<String, String> e : retag.entrySet()) {
            try {
                SelectPlan.tags(e.getValue());
            } catch (IllegalArgumentException bad) {
                problems.add(ParameterProblem.of("retag", "column '" + e.getKey() + "': " + bad.getMessage()));
            }
        }
        unused("rename", rename, problems);
        unused("cast", cast, problems);
        unused("retag", retag, problems);
        return problems;
    }

    /** A rule for a column that is not in the output does nothing: a mistake, said as one. */
    private void unused(String parameter, Map<String, String> rules, List<ParameterProblem> problems) {
        for (String column : rules.keySet()) {
            if (drop.contains(column) || (!keep.isEmpty() && !keep.contains(column))) {
                problems.add(ParameterProblem.of(parameter, "column '" + column + "' is not in the output ("
                        + (drop.contains(column) ? "it is in drop" : "keep does not name it") + ")"));
            }
        }
    }
}
