package org.assay.transforms.internal.expr;

import java.util.Map;
import org.apache.commons.jexl3.parser.ASTFunctionNode;
import org.apache.commons.jexl3.parser.ASTIdentifier;
import org.apache.commons.jexl3.parser.ASTNamespaceIdentifier;
import org.apache.commons.jexl3.parser.ASTNumberLiteral;
import org.apache.commons.jexl3.parser.JexlNode;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;

/**
 * The types of an expression over a schema: what each part gives (a comparison is boolean,
 * {@code lower} is text, {@code /} is decimal, a column its own type; categorical reads as text)
 * and, when checking, the first part whose operands can never fit: {@code lower(age)} on an
 * integer column, {@code amount - city}, {@code signup > '2024-01-01'}. Such an expression would
 * fail (or be false) on every row, so it is refused at deploy like a syntax error. A part whose
 * type is unknown (a null literal, a column the schema lacks, mixed branches) is not judged.
 * One instance per check; not thread-safe.
 */
final class ExpressionTypes {

    /** What an argument must be. */
    private enum Want {
        TEXT("text"), NUMBER("a number"), WHOLE("a whole number (integer)"), TIME("a date or timestamp"),
        TEXT_OR_DATE("ISO text or a date"), ANY("any value");

        final String words;

        Want(String words) {
            this.words = words;
        }

        boolean takes(FieldType t) {
            return switch (this) {
                case TEXT -> t == FieldType.STRING;
                case NUMBER -> isNumber(t);
                case WHOLE -> t == FieldType.INTEGER;
                case TIME -> t == FieldType.DATE || t == FieldType.TIMESTAMP;
                case TEXT_OR_DATE -> t == FieldType.STRING || t == FieldType.DATE;
                case ANY -> true;
            };
        }
    }

    /** The argument kinds of each library function, by position; coalesce takes anything. */
    private static final Map<String, Want[]> ARGUMENTS = Map.ofEntries(
            Map.entry("year", new Want[] {Want.TIME}), Map.entry("month", new Want[] {Want.TIME}),
            Map.entry("day", new Want[] {Want.TIME}), Map.entry("days_between", new Want[] {Want.TIME, Want.TIME}),
            Map.entry("today", new Want[] {}), Map.entry("date", new Want[] {Want.TEXT_OR_DATE}),
            Map.entry("lower", new Want[] {Want.TEXT}), Map.entry("upper", new Want[] {Want.TEXT}),
            Map.entry("trim", new Want[] {Want.TEXT}), Map.entry("length", new Want[] {Want.TEXT}),
            Map.entry("contains", new Want[] {Want.TEXT, Want.TEXT}),
            Map.entry("starts_with", new Want[] {Want.TEXT, Want.TEXT}),
            Map.entry("ends_with", new Want[] {Want.TEXT, Want.TEXT}),
            Map.entry("matches", new Want[] {Want.TEXT, Want.TEXT}),
            Map.entry("substring", new Want[] {Want.TEXT, Want.WHOLE, Want.WHOLE}),
            Map.entry("round", new Want[] {Want.NUMBER, Want.WHOLE}), Map.entry("abs", new Want[] {Want.NUMBER}),
            Map.entry("min", new Want[] {Want.NUMBER, Want.NUMBER}),
            Map.entry("max", new Want[] {Want.NUMBER, Want.NUMBER}), Map.entry("coalesce", new Want[] {}));

    private final Schema schema;
    private final boolean check;

    private ExpressionTypes(Schema schema, boolean check) {
        this.schema = schema;
        this.check = check;
    }

    /** The type of {@code tree}'s values over rows of {@code schema}, or null when it does not follow. */
    static FieldType infer(JexlNode tree, Schema schema) {
        return new ExpressionTypes(schema, false).type(tree);
    }

    /**
     * The type as {@link #infer} gives it, after checking every part.
     *
     * @throws ExpressionException naming the first part that cannot fit, with line and column
     */
    static FieldType check(JexlNode tree, Schema schema) {
        return new ExpressionTypes(schema, true).type(tree);
    }

    private FieldType type(JexlNode n) {
        String kind = n.getClass().getSimpleName();
        switch (kind) {
            case "ASTReference", "ASTReferenceExpression", "ASTUnaryPlusNode":
                return n.jjtGetNumChildren() == 1 ? type(n.jjtGetChild(0)) : children(n, null);
            case "ASTUnaryMinusNode": {
                FieldType t = type(n.jjtGetChild(0));
                require(n, "-", t, Want.NUMBER, n.jjtGetChild(0));
                return t;
            }
            case "ASTStringLiteral":
                return FieldType.STRING;
            case "ASTTrueNode", "ASTFalseNode", "ASTNotNode", "ASTAndNode", "ASTOrNode", "ASTEQNode", "ASTNENode",
                    "ASTEQSNode", "ASTNESNode", "ASTERNode", "ASTNRNode", "ASTSWNode", "ASTNSWNode", "ASTEWNode",
                    "ASTNEWNode", "ASTEmptyFunction":
                return children(n, FieldType.BOOLEAN);
            case "ASTLTNode", "ASTGTNode", "ASTLENode", "ASTGENode":
                orderable(n, type(n.jjtGetChild(0)), type(n.jjtGetChild(1)));
                return FieldType.BOOLEAN;
            case "ASTSizeFunction":
                return children(n, FieldType.INTEGER);
            case "ASTDivNode":
                arithmetic(n, "/");
                return FieldType.DECIMAL;
            case "ASTNumberLiteral": {
                Class<?> c = ((ASTNumberLiteral) n).getLiteralClass();
                return c == Double.class || c == Float.class || c == java.math.BigDecimal.class
                        ? FieldType.DECIMAL : FieldType.INTEGER;
            }
            case "ASTAddNode":
                return add(n);
            case "ASTSubNode":
                return arithmetic(n, "-");
            case "ASTMulNode":
                return arithmetic(n, "*");
            case "ASTModNode":
                return arithmetic(n, "%");
            case "ASTTernaryNode", "ASTNullpNode": {
                int c = n.jjtGetNumChildren();
                children(n, null);
                // cond ? a : b has three children; a ?: b and a ?? b have two, the first also a value.
                FieldType a = type(n.jjtGetChild(c == 3 ? 1 : 0));
                FieldType b = type(n.jjtGetChild(c - 1));
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
                return function((ASTFunctionNode) n);
            default:
                return children(n, null);
        }
    }

    /** Types (and so checks) every child; gives {@code result}. */
    private FieldType children(JexlNode n, FieldType result) {
        for (int i = 0; i < n.jjtGetNumChildren(); i++) {
            type(n.jjtGetChild(i));
        }
        return result;
    }

    /** {@code +}: text when either side is text (concatenation), else numeric. */
    private FieldType add(JexlNode n) {
        FieldType result = type(n.jjtGetChild(0));
        for (int i = 1; i < n.jjtGetNumChildren(); i++) {
            FieldType next = type(n.jjtGetChild(i));
            if (result == FieldType.STRING || next == FieldType.STRING) {
                result = FieldType.STRING;
                continue;
            }
            require(n, "+", result, Want.NUMBER, n.jjtGetChild(i - 1));
            require(n, "+", next, Want.NUMBER, n.jjtGetChild(i));
            result = numeric(result, next);
        }
        return result;
    }

    private FieldType arithmetic(JexlNode n, String operator) {
        FieldType result = null;
        for (int i = 0; i < n.jjtGetNumChildren(); i++) {
            FieldType t = type(n.jjtGetChild(i));
            require(n, operator, t, Want.NUMBER, n.jjtGetChild(i));
            result = i == 0 ? t : numeric(result, t);
        }
        return result;
    }

    private void orderable(JexlNode n, FieldType a, FieldType b) {
        if (!check || a == null || b == null || a == b || (isNumber(a) && isNumber(b))) {
            return;
        }
        boolean time = a == FieldType.DATE || a == FieldType.TIMESTAMP || b == FieldType.DATE
                || b == FieldType.TIMESTAMP;
        throw new ExpressionException("cannot order " + words(a) + " against " + words(b)
                + (time && (a == FieldType.STRING || b == FieldType.STRING)
                        ? "; compare a date with date('2024-01-31')" : "")
                + ExpressionCompiler.at(n));
    }

    private FieldType function(ASTFunctionNode f) {
        JexlNode head = f.jjtGetChild(f.jjtGetNumChildren() - 2);
        String name = head instanceof ASTNamespaceIdentifier ns ? ns.getName() : ((ASTIdentifier) head).getName();
        JexlNode args = f.jjtGetChild(f.jjtGetNumChildren() - 1);
        int n = args.jjtGetNumChildren();
        FieldType[] types = new FieldType[n];
        Want[] wants = ARGUMENTS.getOrDefault(name, new Want[] {});
        for (int i = 0; i < n; i++) {
            types[i] = type(args.jjtGetChild(i));
            if (i < wants.length) {
                require(f, name + "()", types[i], wants[i], args.jjtGetChild(i));
            }
        }
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
                return numeric(types[0], FieldType.INTEGER);
            case "min", "max":
                return numeric(types[0], types[1]);
            case "coalesce":
                return coalesce(args, types);
            default:
                return null;
        }
    }

    private static FieldType coalesce(JexlNode args, FieldType[] types) {
        FieldType t = null;
        for (int i = 0; i < types.length; i++) {
            if (isNull(args.jjtGetChild(i))) {
                continue;
            }
            FieldType u = types[i];
            if (u == null || (t != null && u != t && numeric(t, u) == null)) {
                return null;
            }
            t = t == null ? u : t == u ? t : numeric(t, u);
        }
        return t;
    }

    /** Refuses an operand of a known type that {@code want} does not take. */
    private void require(JexlNode at, String operator, FieldType type, Want want, JexlNode operand) {
        if (!check || type == null || want.takes(type)) {
            return;
        }
        String what = operand instanceof ASTIdentifier id ? "column '" + id.getName() + "' is " + words(type)
                : "it is given " + words(type);
        String advice = switch (want) {
            case TIME -> type == FieldType.STRING ? "; read ISO text as a date with date(x)" : "";
            case TEXT -> "; cast the column to string with a select step first";
            case NUMBER -> type == FieldType.STRING ? "; cast the column to a number with a select step first" : "";
            default -> "";
        };
        // The operand's own place when the parser gave one: it is what needs changing.
        String where = ExpressionCompiler.at(operand);
        throw new ExpressionException(operator + " needs " + want.words + ", but " + what + advice
                + (where.isEmpty() ? ExpressionCompiler.at(at) : where));
    }

    private static String words(FieldType t) {
        return t == FieldType.STRING ? "text" : t.jsonName();
    }

    private static boolean isNumber(FieldType t) {
        return t == FieldType.INTEGER || t == FieldType.DECIMAL;
    }

    private static boolean isNull(JexlNode n) {
        return n.getClass().getSimpleName().equals("ASTNullLiteral");
    }

    private static FieldType numeric(FieldType a, FieldType b) {
        if (a == FieldType.INTEGER && b == FieldType.INTEGER) {
            return FieldType.INTEGER;
        }
        return a != null && b != null && isNumber(a) && isNumber(b) ? FieldType.DECIMAL : null;
    }

    private static FieldType common(FieldType a, FieldType b, JexlNode second) {
        if (isNull(second) || a == b) {
            return a;
        }
        return a == null || b == null ? null : numeric(a, b);
    }
}
