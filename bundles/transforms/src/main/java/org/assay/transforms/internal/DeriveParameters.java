package org.assay.transforms.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Param;
import org.assay.transforms.internal.expr.ExpressionCompiler;
import org.assay.transforms.internal.expr.ExpressionException;

/** The parameters of {@code derive}. */
record DeriveParameters(
        @Param(description = "New or replaced column to expression, e.g. {\"spend_per_order\": \"total_spend / "
                + "orders\"}. Every expression reads the input row, not columns derived beside it. A replaced "
                + "column keeps its place and tags; new columns follow the input's, in this order.")
        Map<String, String> columns,
        @Param(description = "Column to type (integer, decimal, boolean, string, date, timestamp) for columns "
                + "whose type does not follow from the expression, e.g. {\"spend_per_order\": \"decimal\"}. A "
                + "value that is not of the type sends its row to quarantine.", defaultValue = "{}")
        Map<String, String> types) implements CheckedParameters {

    /** The declared type of a column, if any; throws IllegalArgumentException for a bad name. */
    Optional<FieldType> declaredType(String column) {
        String t = types.get(column);
        if (t == null) {
            return Optional.empty();
        }
        FieldType type;
        try {
            type = FieldType.parse(t);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null || type == FieldType.CATEGORICAL) {
            throw new IllegalArgumentException("types: column '" + column + "': '" + t + "' is not a type; use one "
                    + "of integer, decimal, boolean, string, date, timestamp");
        }
        return Optional.of(type);
    }

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (columns.isEmpty()) {
            problems.add(ParameterProblem.of("columns", "name at least one column and its expression, e.g. "
                    + "{\"spend_per_order\": \"total_spend / orders\"}"));
        }
        for (Map.Entry<String, String> e : columns.entrySet()) {
            if (e.getKey().isBlank()) {
                problems.add(ParameterProblem.of("columns", "a column name is blank"));
                continue;
            }
            try {
                ExpressionCompiler.compile(e.getValue());
            } catch (ExpressionException bad) {
                problems.add(ParameterProblem.of("columns." + e.getKey(), bad.getMessage()));
            }
        }
        for (String name : types.keySet()) {
            if (!columns.containsKey(name)) {
                problems.add(ParameterProblem.of("types", "column '" + name + "' is not derived in columns"));
                continue;
            }
            try {
                declaredType(name);
            } catch (IllegalArgumentException bad) {
                problems.add(ParameterProblem.of("types", bad.getMessage().substring("types: ".length())));
            }
        }
        return problems;
    }
}
