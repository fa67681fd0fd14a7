package org.assay.transforms.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.Column;
import org.assay.api.data.FieldType;

/**
 * The one form of a cell in this bundle's spill files (aggregate's runs, sort's runs, join's
 * partitions): a present flag, then the value by storage (a long, a double, or the UTF-8 length
 * and bytes). Files are private to one run and read back by the same code. Stateless.
 */
public final class SpillCells {

    private SpillCells() {
    }

    /** Writes a value as the table steps hold it (Long, Double or String by storage; null for null). */
    public static void write(DataOutput out, FieldType.Storage storage, Object v) throws IOException {
        out.writeBoolean(v != null);
        if (v == null) {
            return;
        }
        switch (storage) {
            case LONG -> out.writeLong((Long) v);
            case DOUBLE -> out.writeDouble((Double) v);
            case TEXT -> text(out, (String) v);
        }
    }

    /** Writes row {@code row} of a column without boxing it. */
    public static void write(DataOutput out, Column c, int row) throws IOException {
        boolean present = !c.isNull(row);
        out.writeBoolean(present);
        if (!present) {
            return;
        }
        switch (c.type().storage()) {
            case LONG -> out.writeLong(c.longs()[row]);
            case DOUBLE -> out.writeDouble(c.doubles()[row]);
            case TEXT -> text(out, c.texts()[row]);
        }
    }

    private static void text(DataOutput out, String s) throws IOException {
        // writeUTF stops at 64 KiB; a free-text cell may be longer.
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Reads a value written by either {@code write}, boxed as the table steps hold it. */
    public static Object read(DataInput in, FieldType.Storage storage) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return switch (storage) {
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case TEXT -> text(in);
        };
    }

    /** Reads a value written by either {@code write} into column {@code col} of the builder's row. */
    public static void read(DataInput in, FieldType.Storage storage, BatchBuilder b, int col) throws IOException {
        if (!in.readBoolean()) {
            b.setNull(col);
            return;
        }
        switch (storage) {
            case LONG -> b.setLong(col, in.readLong());
            case DOUBLE -> b.setDouble(col, in.readDouble());
            case TEXT -> b.setString(col, text(in));
        }
    }

    private static String text(DataInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
