package org.assay.transforms.internal;

import org.assay.transforms.internal.expr.ExpressionCompiler;

/** The expression language in a paragraph, for the descriptors of every step that takes one. */
final class ExpressionDocs {

    static final String LANGUAGE = "Expressions are sandboxed JEXL: column names, literals ('text', 1, 2.5, true, "
            + "null, [1, 2]), + - * / % (division is decimal), == != < <= > >=, && || !, a ? b : c, a ?? b, "
            + "x =~ [list] or x =~ 'regex', and the functions " + String.join(", ", ExpressionCompiler.FUNCTIONS.keySet())
            + " (also as fn:name). Nulls: arithmetic with a null is null, < <= > >= with a null are false, "
            + "x == null tests for null, a null counts as false in && || ! and ?:. No method calls, property "
            + "access, new, assignment, loops or lambdas; one expression, at most "
            + ExpressionCompiler.MAX_LENGTH + " characters.";

    private ExpressionDocs() {
    }
}
