package org.assay.api.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.Objects;

/**
 * The values of one field in one {@link Batch}, held in a primitive array chosen by
 * {@link FieldType#storage()}. Immutable by contract: the arrays returned by
 * {@link #longs()}, {@link #doubles()} and {@link #texts()} are the column's own storage,
 * handed out for tight loops; callers must not modify them.
 *
 * <p>A null is marked in the null mask; the array slot then holds 0, 0.0 or {@code null}.
 */
public final class Column {

    private final FieldType type;
    private final int size;
    private final long[] longs;
    private final double[] doubles;
    private final String[] texts;
    private final BitSet nulls;

    private Column(FieldType type, int size, long[] longs, double[] doubles, String[] texts, BitSet nulls) {
        this.type = Objects.requireNonNull(type);
        this.size = size;
        this.longs = longs;
        this.doubles = doubles;
        this.texts = texts;
        this.nulls = nulls == null ? new BitSet() : nulls;
    }

    /** A column over {@code values[0..size)}; {@code nulls} may be null when there are none. */
    public static Column ofLongs(FieldType type, long[] values, int size, BitSet nulls) {
        requireStorage(type, FieldType.Storage.LONG);
        return new Column(type, size, values, null, null, nulls);
    }

    public static Column ofDoubles(FieldType type, double[] values, int size, BitSet nulls) {
        requireStorage(type, FieldType.Storage.DOUBLE);
        return new Column(type, size, null, values, null, nulls);
    }

    /** A text column; a {@code null} entry is a null value. */
    public static Column ofTexts(FieldType type, String[] values, int size) {
        requireStorage(type, FieldType.Storage.TEXT);
        BitSet nulls = new BitSet();
        for (int i = 0; i < size; i++) {
            if (values[i] == null) {
                nulls.set(i);
            }
        }
        return new Column(type, size, null, null, values, nulls);
    }

    private static void requireStorage(FieldType type, FieldType.Storage storage) {
        if (type.storage() != storage) {
            throw new IllegalArgumentException(type + " is not stored as " + storage);
        }
    }

    public FieldType type() {
        return type;
    }

    public int size() {
        return size;
    }

    public boolean isNull(int row) {
        return nulls.get(row);
    }

    public int nullCount() {
        return nulls.cardinality();
    }

    /** Storage of integer, boolean, date and timestamp columns; null for other types. */
    public long[] longs() {
        return longs;
    }

    /** Storage of decimal columns; null for other types. */
    public double[] doubles() {
        return doubles;
    }

    /** Storage of string and categorical columns; null for other types. */
    public String[] texts() {
        return texts;
    }

    public long getLong(int row) {
        return switch (type.storage()) {
            case LONG -> longs[row];
            case DOUBLE -> (long) doubles[row];
            case TEXT -> throw new IllegalStateException("a " + type.jsonName() + " column has no numeric value");
        };
    }

    /** The value as a double: numbers as they are, dates as epoch days, timestamps as epoch ms, booleans as 0/1. */
    public double getDouble(int row) {
        return switch (type.storage()) {
            case LONG -> longs[row];
            case DOUBLE -> doubles[row];
            case TEXT -> throw new IllegalStateException("a " + type.jsonName() + " column has no numeric value");
        };
    }

    /** The value as text (ISO dates and timestamps), or null. */
    public String getString(int row) {
        if (isNull(row)) {
            return null;
        }
        return switch (type) {
            case STRING, CATEGORICAL -> texts[row];
            case INTEGER -> Long.toString(longs[row]);
            case DECIMAL -> formatDecimal(doubles[row]);
            case BOOLEAN -> longs[row] != 0 ? "true" : "false";
            case DATE -> LocalDate.ofEpochDay(longs[row]).toString();
            case TIMESTAMP -> Instant.ofEpochMilli(longs[row]).toString();
        };
    }

    /** The value boxed as Long, Double, Boolean, LocalDate, Instant or String; null for null. */
    public Object get(int row) {
        if (isNull(row)) {
            return null;
        }
        return switch (type) {
            case STRING, CATEGORICAL -> texts[row];
            case INTEGER -> longs[row];
            case DECIMAL -> doubles[row];
            case BOOLEAN -> longs[row] != 0;
            case DATE -> LocalDate.ofEpochDay(longs[row]);
            case TIMESTAMP -> Instant.ofEpochMilli(longs[row]);
        };
    }

    /** Decimal text without a trailing ".0" for whole numbers, so 42.0 writes as 42. */
    public static String formatDecimal(double v) {
        if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** The rows at {@code positions}, in that order. */
    public Column select(int[] positions, int count) {
        BitSet n = new BitSet();
        for (int i = 0; i < count; i++) {
            if (nulls.get(positions[i])) {
                n.set(i);
            }
        }
        return switch (type.storage()) {
            case LONG -> {
                long[] v = new long[count];
                for (int i = 0; i < count; i++) {
                    v[i] = longs[positions[i]];
                }
                yield new Column(type, count, v, null, null, n);
            }
            case DOUBLE -> {
                double[] v = new double[count];
                for (int i = 0; i < count; i++) {
                    v[i] = doubles[positions[i]];
                }
                yield new Column(type, count, null, v, null, n);
            }
            case TEXT -> {
                String[] v = new String[count];
                for (int i = 0; i < count; i++) {
                    v[i] = texts[positions[i]];
                }
                yield new Column(type, count, null, null, v, n);
            }
        };
    }
}
