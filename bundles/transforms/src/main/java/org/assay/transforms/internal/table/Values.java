package org.assay.transforms.internal.table;

import org.assay.api.data.BatchBuilder;
import org.assay.api.data.Column;

/**
 * Cell values as the table steps hold them outside a batch: Long (integer, boolean, date,
 * timestamp), Double (decimal) or String (text), null for null. Their form in spill files is
 * {@link org.assay.transforms.internal.SpillCells}. Stateless.
 */
final class Values {

    private Values() {
    }

    /** The cell as a Long, Double or String by storage; null for null. */
    static Object get(Column c, int row) {
        if (c.isNull(row)) {
            return null;
        }
        return switch (c.type().storage()) {
            case LONG -> c.longs()[row];
            case DOUBLE -> c.doubles()[row];
            case TEXT -> c.texts()[row];
        };
    }

    /** Sets column {@code col} of the builder's current row from a value of {@link #get}. */
    static void set(BatchBuilder b, int col, Object v) {
        if (v == null) {
            b.setNull(col);
        } else if (v instanceof Long l) {
            b.setLong(col, l);
        } else if (v instanceof Double d) {
            b.setDouble(col, d);
        } else {
            b.setString(col, (String) v);
        }
    }

    /** Orders two values of one storage; nulls last. Doubles by {@link Double#compare} (NaN last). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return ((Comparable) a).compareTo(b);
    }
}
