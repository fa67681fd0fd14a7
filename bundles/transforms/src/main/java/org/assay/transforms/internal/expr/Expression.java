package org.assay.transforms.internal.expr;

import java.util.Optional;
import java.util.Set;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.parser.ASTFunctionNode;
import org.apache.commons.jexl3.parser.ASTIdentifier;
import org.apache.commons.jexl3.parser.ASTNamespaceIdentifier;
import org.apache.commons.jexl3.parser.ASTNumberLiteral;
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
        return Optional.ofNullable(type(tree, schema));
    }

    private static FieldType type(JexlNode n, Schema schema) {
        String kind = n.getClass().getSimpleName();
        switch (kind) {
            case "ASTReference", "ASTReferenceExpression", "ASTUnaryPlusNode", "ASTUnaryMinusNode":
                return n.jjtGetNumChildren() == 1 ? type(n.jjtGetChild(0), schema) : null;
            case "ASTStringLiteral":
                return FieldType.STRING;
            case "ASTTrueNode", "ASTFalseNode", "ASTNotNode", "ASTAndNode", "ASTOrNode", "ASTEQNode", "ASTNENode",
                    "ASTEQSNode", "ASTNESNode", "ASTLTNode", "ASTGTNode", "ASTLENode", "ASTGENode", "ASTERNode",
                    "ASTNRNode", "ASTSWNode", "ASTNSWNode", "ASTEWNode", "ASTNEWNode", "ASTEmptyFunction":
                return FieldType.BOOLEAN;
            case "ASTSizeFunction":
                return FieldType.INTEGER;
            case "ASTDivNode":
                return FieldType.DECIMAL;
            case "ASTNumberLiteral": {
                Class<?> c = ((ASTNumberLiteral) n).getLiteralClass();
                return c == Double.class || c == Float.class || c == java.math.BigDecimal.class
                        ? FieldType.DECIMAL : FieldType.INTEGER;
            }
            case "ASTAddNode": {
                FieldType a = type(n.jjtGetChild(0), schema);
                FieldType b = type(n.jjtGetChild(1), schema);
                return a == FieldType.STRING || b == FieldType.STRING ? FieldType.STRING : numeric(a, b);
            }
            case "ASTSubNode", "ASTMulNode", "ASTModNode":
                return numeric(type(n.jjtGetChild(0), schema), type(n.jjtGetChild(1), schema));
            case "ASTTernaryNode", "ASTNullpNode": {
                int c = n.jjtGetNumChildren();
                // cond ? a : b has three children; a ?: b and a ?? b have two, the first also a value.
                FieldType a = type(n.jjtGetChild(c == 3 ? 1 : 0), schema);
                FieldType b = type(n.jjtGetChild(c - 1), schema);
                return common(a, b, n.jjtGetChild(c - 1));
            }
            case "ASTIdentifier": {
                String name = ((ASTIdentifier) n).getName();
                if (!schema.contains(name)) {
                    return null;
                }
                FieldType t = schema.field(name).type();
                return t == FieldType.CATEGORICAL ? FieldType.STRING : t;
            }
            case "ASTFunctionNode":
                return functionType((ASTFunctionNode) n, schema);
            default:
                return null;
        }
    }

    private static FieldType functionType(ASTFunctionNode f, Schema schema) {
        JexlNode head = f.jjtGetChild(f.jjtGetNumChildren() - 2);
        String name = head instanceof ASTNamespaceIdentifier ns ? ns.getName() : ((ASTIdentifier) head).getName();
        JexlNode args = f.jjtGetChild(f.jjtGetNumChildren() - 1);
        int n = args.jjtGetNumChildren();
        switch (name) {
            case "year", "month", "day", "days_between", "length":
                return FieldType.INTEGER;
            case "today", "date":
                return FieldType.DATE;
            case "lower", "upper", "trim", "substring":
                return FieldType.STRING;
            case "contains", "starts_with", "ends_with", "matches":
                return FieldType.BOOLEAN;
            case "round":
                return n == 1 ? FieldType.INTEGER : FieldType.DECIMAL;
            case "abs":
                return numeric(type(args.jjtGetChild(0), schema), FieldType.INTEGER);
            case "min", "max":
                return numeric(type(args.jjtGetChild(0), schema), type(args.jjtGetChild(1), schema));
            case "coalesce": {
                FieldType t = null;
                for (int i = 0; i < n; i++) {
                    JexlNode a = args.jjtGetChild(i);
                    if (a.getClass().getSimpleName().equals("ASTNullLiteral")) {
                        continue;
                    }
                    FieldType u = type(a, schema);
                    if (u == null || (t != null && u != t && numeric(t, u) == null)) {
                        return null;
                    }
                    t = t == null ? u : t == u ? t : numeric(t, u);
                }
                return t;
            }
            default:
                return null;
        }
    }

    private static FieldType numeric(FieldType a, FieldType b) {
        if (a == FieldType.INTEGER && b == FieldType.INTEGER) {
            return FieldType.INTEGER;
        }
        boolean na = a == FieldType.INTEGER || a == FieldType.DECIMAL;
        boolean nb = b == FieldType.INTEGER || b == FieldType.DECIMAL;
        return na && nb ? FieldType.DECIMAL : null;
    }

    private static FieldType common(FieldType a, FieldType b, JexlNode second) {
        if (second.getClass().getSimpleName().equals("ASTNullLiteral")) {
            return a;
        }
        if (a == b) {
            return a;
        }
        return a == null || b == null ? null : numeric(a, b);
    }
}
