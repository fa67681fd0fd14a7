package org.assay.transforms.internal.table;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.Column;
import org.assay.api.data.FieldType;

/**
 * Cell values as the table steps hold them outside a batch: Long (integer, boolean, date,
 * timestamp), Double (decimal) or String (text), null for null; and their compact form in
 * spill files. Stateless.
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

    static void write(DataOutput out, FieldType.Storage storage, Object v) throws IOException {
        out.writeBoolean(v != null);
        if (v == null) {
            return;
        }
        switch (storage) {
            case LONG -> out.writeLong((Long) v);
            case DOUBLE -> out.writeDouble((Double) v);
            case TEXT -> {
                // writeUTF stops at 64 KiB; a free-text cell may be longer.
                byte[] bytes = ((String) v).getBytes(StandardCharsets.UTF_8);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    static Object read(DataInput in, FieldType.Storage storage) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return switch (storage) {
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case TEXT -> {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                yield new String(bytes, StandardCharsets.UTF_8);
            }
        };
    }
}
