package org.assay.transforms.internal.combine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.transforms.internal.ParameterMisfit;

/**
 * The reconciled schema of a {@code union}. Columns are matched by name; the output has the
 * first input's columns in order, then each column a later input adds, in the order met.
 * Types: the same type stays; integer with decimal is decimal; date with timestamp is
 * timestamp (a date is its midnight, UTC); string with categorical, or string or categorical
 * with any other type, is string (values written as text, dates in ISO form); two categoricals
 * stay categorical with their categories merged. Any other pair (boolean with integer, date
 * with decimal, ...) is refused: cast one side with {@code select} first. A column some input
 * lacks is nullable and null in that input's rows. Tags (pii, id, target) are the union of
 * every input's tags, so pii stays pii. Stateless.
 */
final class UnionSchema {

    private UnionSchema() {
    }

    /**
     * @param inputs schema per port, in port order
     * @param sourceColumn the name of the column that gets the port name, or null for none
     * @throws ParameterMisfit naming the column, both types and both ports when two types cannot
     *                         be reconciled, or the clash of sourceColumn with a column
     */
    static Schema of(Map<String, Schema> inputs, String sourceColumn) throws ParameterMisfit {
        Map<String, Field> merged = new LinkedHashMap<>();
        Map<String, String> firstPort = new LinkedHashMap<>();
        for (Map.Entry<String, Schema> in : inputs.entrySet()) {
            for (Field f : in.getValue()) {
                Field seen = merged.get(f.name());
                if (seen == null) {
                    merged.put(f.name(), f);
                    firstPort.put(f.name(), in.getKey());
                } else {
                    merged.put(f.name(), merge(seen, firstPort.get(f.name()), f, in.getKey()));
                }
            }
        }
        List<Field> fields = new ArrayList<>();
        for (Field f : merged.values()) {
            boolean everywhere = inputs.values().stream().allMatch(s -> s.contains(f.name()));
            fields.add(everywhere ? f : f.withNullable(true));
        }
        if (sourceColumn != null) {
            if (merged.containsKey(sourceColumn)) {
                throw new ParameterMisfit("sourceColumn", "'" + sourceColumn + "' is already a column of input '"
                        + firstPort.get(sourceColumn) + "'; choose another name");
            }
            fields.add(Field.of(sourceColumn, FieldType.STRING).withNullable(false));
        }
        return Schema.of(fields);
    }

    private static Field merge(Field a, String portA, Field b, String portB) throws ParameterMisfit {
        FieldType type = type(a.type(), b.type());
        if (type == null) {
            throw new ParameterMisfit(null, "column '" + a.name() + "' is " + a.type().jsonName() + " in input '"
                    + portA + "' but " + b.type().jsonName() + " in input '" + portB + "', which union does not "
                    + "reconcile; cast one of them with a select step first");
        }
        Set<FieldTag> tags = EnumSet.noneOf(FieldTag.class);
        tags.addAll(a.tags());
        tags.addAll(b.tags());
        List<String> categories = List.of();
        if (type == FieldType.CATEGORICAL) {
            Set<String> all = new LinkedHashSet<>(a.categories());
            all.addAll(b.categories());
            categories = List.copyOf(all);
        }
        return new Field(a.name(), type, a.nullable() || b.nullable(), tags, categories);
    }

    /** The type both reconcile to, or null. */
    static FieldType type(FieldType a, FieldType b) {
        if (a == b) {
            return a;
        }
        if (isText(a) || isText(b)) {
            return FieldType.STRING;
        }
        if (both(a, b, FieldType.INTEGER, FieldType.DECIMAL)) {
            return FieldType.DECIMAL;
        }
        if (both(a, b, FieldType.DATE, FieldType.TIMESTAMP)) {
            return FieldType.TIMESTAMP;
        }
        return null;
    }

    private static boolean isText(FieldType t) {
        return t.storage() == FieldType.Storage.TEXT;
    }

    private static boolean both(FieldType a, FieldType b, FieldType x, FieldType y) {
        return (a == x && b == y) || (a == y && b == x);
    }
}
