package org.assay.transforms.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.transforms.internal.expr.Expression;
import org.assay.transforms.internal.expr.ExpressionCompiler;

/** One column of {@code derive}: its expression, its type, and where it goes in the output. */
record DerivedColumn(String name, Expression expression, FieldType type, int index) {

    /**
     * The plan for every derived column over {@code input}, with the output schema; empty when a
     * type neither is declared nor follows from its expression (the caller says what to do).
     *
     * @throws IllegalArgumentException for an expression that does not compile
     */
    static Optional<Plan> plan(DeriveParameters p, Schema input, Map<String, Expression> compiled) {
        Schema out = input;
        List<DerivedColumn> derived = new ArrayList<>();
        for (Map.Entry<String, String> e : p.columns().entrySet()) {
            String name = e.getKey();
            Expression expr = compiled.containsKey(name) ? compiled.get(name) : ExpressionCompiler.compile(e.getValue());
            Optional<FieldType> type = p.declaredType(name).or(() -> expr.inferType(input));
            if (type.isEmpty()) {
                return Optional.empty();
            }
            int at = out.indexOf(name);
            Field field = at >= 0
                    ? new Field(name, type.get(), true, out.field(at).tags(), List.of())
                    : Field.of(name, type.get());
            out = out.with(field);
            derived.add(new DerivedColumn(name, expr, type.get(), out.indexOf(name)));
        }
        return Optional.of(new Plan(out, List.copyOf(derived)));
    }

    record Plan(Schema output, List<DerivedColumn> columns) { }

    /** The first column whose type is neither declared nor follows from its expression; "?" for none. */
    static String untyped(DeriveParameters p, Schema input) {
        return p.columns().entrySet().stream()
                .filter(e -> p.declaredType(e.getKey()).isEmpty()
                        && ExpressionCompiler.compile(e.getValue()).inferType(input).isEmpty())
                .map(Map.Entry::getKey).findFirst().orElse("?");
    }

    /** What to do about an untyped column, for the validator and the run alike. */
    static String untypedAdvice(String column) {
        return "the type of " + column + " does not follow from its expression; declare it, e.g. \"types\": {\""
                + column + "\": \"decimal\"}";
    }

    /**
     * The value as the column's type stores it, for {@link org.assay.api.data.BatchBuilder#set}.
     *
     * @throws IllegalArgumentException naming the kind of value when it is not of the type
     */
    Object convert(Object v) {
        if (v == null) {
            return null;
        }
        switch (type) {
            case INTEGER:
                if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                    return ((Number) v).longValue();
                }
                if (v instanceof java.math.BigInteger b) {
                    return b.longValueExact();
                }
                if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        && Math.abs(n.doubleValue()) < 0x1p53) {
                    return (long) n.doubleValue();
                }
                break;
            case DECIMAL:
                if (v instanceof Number n) {
                    return n.doubleValue();
                }
                break;
            case BOOLEAN:
                if (v instanceof Boolean) {
                    return v;
                }
                break;
            case STRING:
            case CATEGORICAL:
                if (v instanceof Double d) {
                    return org.assay.api.data.Column.formatDecimal(d);
                }
                if (v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof LocalDate
                        || v instanceof Instant) {
                    return v.toString();
                }
                break;
            case DATE:
                if (v instanceof LocalDate) {
                    return v;
                }
                break;
            case TIMESTAMP:
                if (v instanceof Instant) {
                    return v;
                }
                break;
            default:
                break;
        }
        throw new IllegalArgumentException("gave " + kind(v) + ", not " + type.jsonName());
    }

    private static String kind(Object v) {
        if (v instanceof String) {
            return "text";
        }
        if (v instanceof Number) {
            return v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal
                    ? "a decimal number" : "a whole number";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof LocalDate) {
            return "a date";
        }
        if (v instanceof Instant) {
            return "a timestamp";
        }
        return "a list or other value";
    }
}
