package org.assay.transforms.internal.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code aggregate}, and the rules between them. */
record AggregateParameters(
        @Param(description = "Columns to group by, in the order the output gives them; empty for one group of "
                + "all rows. Nulls form a group of their own.", defaultValue = "[]")
        @Columns
        List<String> by,
        @Param(description = "Output column name to " + AggregateSpec.SYNTAX + ", in output order, e.g. "
                + "{\"orders\": \"count(*)\", \"total\": \"sum(amount)\", \"typical\": \"median(amount)\"}.")
        Map<String, String> aggregations) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (aggregations.isEmpty()) {
            problems.add(ParameterProblem.of("aggregations", "give at least one aggregate, e.g. "
                    + "{\"orders\": \"count(*)\"}"));
        }
        Set<String> seen = new HashSet<>();
        for (String b : by) {
            if (!seen.add(b)) {
                problems.add(ParameterProblem.of("by", "column '" + b + "' is named twice"));
            }
        }
        for (Map.Entry<String, String> e : aggregations.entrySet()) {
            try {
                AggregateSpec.parse(e.getKey(), e.getValue());
            } catch (IllegalArgumentException bad) {
                problems.add(ParameterProblem.of("aggregations", bad.getMessage()));
            }
            if (by.contains(e.getKey())) {
                problems.add(ParameterProblem.of("aggregations", "output column '" + e.getKey()
                        + "' is also a group column in by; give the aggregate another name"));
            }
        }
        return problems;
    }
}
