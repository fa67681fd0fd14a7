package org.assay.transforms.internal;

import java.util.List;
import java.util.Optional;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.StepFailure;
import org.assay.transforms.internal.expr.Expression;
import org.assay.transforms.internal.expr.ExpressionCompiler;
import org.assay.transforms.internal.expr.ExpressionException;

/**
 * An expression parameter checked against its input's schema: the columns it reads exist, its
 * operators and functions get operands they take, and its result fits the type the step needs.
 * The same check runs at deploy ({@link #problems}, when the schema is known there) and at the
 * start of a run ({@link #compile}), in the same words. Stateless.
 */
final class ExpressionCheck {

    private ExpressionCheck() {
    }

    /**
     * A problem at {@code parameter}, if any; none when the schema is unknown (null) or the
     * expression does not compile (the parameter check reports that).
     *
     * @param expected the type the step needs (boolean for filter, a declared type), or null
     */
    static List<ParameterProblem> problems(String parameter, String source, Schema input, FieldType expected) {
        if (input == null) {
            return List.of();
        }
        Expression e;
        try {
            e = ExpressionCompiler.compile(source);
        } catch (ExpressionException bad) {
            return List.of();
        }
        return misfit(e, input, expected).map(m -> List.of(ParameterProblem.of(parameter, m))).orElse(List.of());
    }

    /**
     * Compiles and checks the expression at the start of a run, against the input's real schema.
     *
     * @param parameter how the expression is named in messages: "expression", "columns.total"
     * @throws StepFailure when it does not compile or does not fit the schema
     */
    static Expression compile(String parameter, String source, Schema input, FieldType expected) throws StepFailure {
        Expression e;
        try {
            e = ExpressionCompiler.compile(source);
        } catch (ExpressionException bad) {
            throw new StepFailure("parameter " + parameter + ": " + bad.getMessage());
        }
        Optional<String> misfit = misfit(e, input, expected);
        if (misfit.isPresent()) {
            throw new StepFailure("parameter " + parameter + ": " + misfit.get());
        }
        return e;
    }

    private static Optional<String> misfit(Expression e, Schema input, FieldType expected) {
        Optional<String> missing = e.unknownColumn(input);
        if (missing.isPresent()) {
            return Optional.of("the expression '" + e.source() + "' reads "
                    + ColumnNotFound.message(missing.get(), input, "the input"));
        }
        FieldType gives;
        try {
            gives = e.checkTypes(input).orElse(null);
        } catch (ExpressionException bad) {
            return Optional.of("the expression '" + e.source() + "': " + bad.getMessage());
        }
        if (expected == null || gives == null || fits(gives, expected)) {
            return Optional.empty();
        }
        String words = gives == FieldType.STRING ? "text" : gives.jsonName();
        return Optional.of(expected == FieldType.BOOLEAN
                ? "the expression '" + e.source() + "' gives " + words + ", not true or false; compare it, e.g. '"
                        + e.source() + (gives == FieldType.STRING ? " == \\'text\\''" : " > 0'")
                : "the expression '" + e.source() + "' gives " + words + ", but types declares "
                        + expected.jsonName() + "; change the type or the expression");
    }

    /** Whether values of type {@code gives} can be stored as {@code expected} (whole decimals as integers). */
    private static boolean fits(FieldType gives, FieldType expected) {
        return switch (expected) {
            case STRING, CATEGORICAL -> true;
            case INTEGER, DECIMAL -> gives == FieldType.INTEGER || gives == FieldType.DECIMAL;
            default -> gives == expected;
        };
    }
}
