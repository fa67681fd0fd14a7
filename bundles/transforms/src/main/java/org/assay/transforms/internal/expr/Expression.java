package org.assay.transforms.internal.expr;

import java.util.Optional;
import java.util.Set;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.parser.JexlNode;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;

/**
 * A compiled, checked expression: thread-safe, evaluated per row with a {@link RowContext}.
 * Made by {@link ExpressionCompiler#compile}.
 */
public final class Expression {

    private final String source;
    private final JexlExpression compiled;
    private final JexlNode tree;
    private final Set<String> columns;

    Expression(String source, JexlExpression compiled, JexlNode tree, Set<String> columns) {
        this.source = source;
        this.compiled = compiled;
        this.tree = tree;
        this.columns = columns;
    }

    public String source() {
        return source;
    }

    /** The column names the expression reads. */
    public Set<String> columns() {
        return columns;
    }

    /** The first column the expression reads that {@code schema} does not have. */
    public Optional<String> unknownColumn(Schema schema) {
        return columns.stream().filter(c -> !schema.contains(c)).findFirst();
    }

    /**
     * The value for the row the context points at.
     *
     * @throws EvaluationFailure with a plain reason (division by zero, a wrong argument type)
     */
    public Object evaluate(RowContext row) {
        try {
            return compiled.evaluate(row);
        } catch (JexlException e) {
            throw new EvaluationFailure(reason(e));
        } catch (ArithmeticException | IllegalArgumentException | UnsupportedOperationException e) {
            throw new EvaluationFailure(e.getMessage());
        }
    }

    private static String reason(JexlException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (!(t instanceof JexlException) && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        String m = e.getMessage();
        // JEXL prefixes the Java location of the failure; the user needs only what went wrong.
        int cut = m == null ? -1 : m.indexOf(' ', Math.max(0, m.indexOf('@')));
        return m == null ? e.getClass().getSimpleName() : cut > 0 ? m.substring(cut + 1) : m;
    }

    /** A failed evaluation of one row. */
    public static final class EvaluationFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EvaluationFailure(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The type of the expression's values over rows of {@code schema}, when it follows from the
     * expression alone (a comparison is boolean, {@code lower} is text, a column its own type,
     * {@code /} decimal); empty when it does not (a null literal, mixed branches).
     */
    public Optional<FieldType> inferType(Schema schema) {
        return Optional.ofNullable(ExpressionTypes.infer(tree, schema));
    }

    /**
     * Checks that every operator and function gets operands it takes over rows of {@code schema}
     * (as far as their types are known) and gives the expression's type as {@link #inferType}.
     *
     * @throws ExpressionException naming the first misfit, with line and column in the expression
     */
    public Optional<FieldType> checkTypes(Schema schema) {
        return Optional.ofNullable(ExpressionTypes.check(tree, schema));
    }
}
