package org.assay.transforms.internal;

import org.assay.transforms.internal.expr.ExpressionCompiler;

/** The expression language in a paragraph, for the descriptors of every step that takes one. */
final class ExpressionDocs {

    static final String LANGUAGE = "Expressions are sandboxed JEXL: column names, literals ('text', 1, 2.5, true, "
            + "null, [1, 2]), + - * / % (division is decimal), == != < <= > >=, && || !, a ? b : c, a ?? b, "
            + "x =~ [list] or x =~ 'regex', and the functions (also as fn:name): "
            + String.join("; ", ExpressionCompiler.FUNCTIONS.values()) + ". Nulls: a null column is null, "
            + "arithmetic with a null is null, < <= > >= with a null are false, x == null tests for null, a null "
            + "counts as false in && || ! and ?:, and every function but coalesce and today gives null for a null "
            + "argument. Checked at deploy against the input's columns, with line and column: unknown columns and "
            + "functions (with a suggestion), syntax, and operand types (lower(age) on an integer column, "
            + "amount - city, signup > '2024-01-01' instead of signup > date('2024-01-01')). No method calls, "
            + "property access, new, assignment, loops or lambdas; one expression, at most "
            + ExpressionCompiler.MAX_LENGTH + " characters and " + ExpressionCompiler.MAX_NESTING
            + " nested brackets.";

    private ExpressionDocs() {
    }
}
