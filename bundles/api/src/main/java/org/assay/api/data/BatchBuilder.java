package org.assay.api.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Builds a {@link Batch} row by row. Not thread-safe. Set each column of a row (unset
 * columns are null), call {@link #endRow()}, and {@link #build()} when full; the builder
 * is then empty and can be reused.
 */
public final class BatchBuilder {

    /** Rows per batch that steps should aim for: big enough for tight loops, small enough to stream. */
    public static final int DEFAULT_CAPACITY = 4096;

    private final Schema schema;
    private final int capacity;
    private long[][] longs;
    private double[][] doubles;
    private String[][] texts;
    private BitSet[] nulls;
    private boolean[] setInRow;
    private int rows;

    public BatchBuilder(Schema schema) {
        this(schema, DEFAULT_CAPACITY);
    }

    public BatchBuilder(Schema schema, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.schema = schema;
        this.capacity = capacity;
        reset();
    }

    private void reset() {
        int n = schema.size();
        longs = new long[n][];
        doubles = new double[n][];
        texts = new String[n][];
        nulls = new BitSet[n];
        setInRow = new boolean[n];
        for (int i = 0; i < n; i++) {
            switch (schema.field(i).type().storage()) {
                case LONG -> longs[i] = new long[capacity];
                case DOUBLE -> doubles[i] = new double[capacity];
                case TEXT -> texts[i] = new String[capacity];
            }
            nulls[i] = new BitSet();
        }
        rows = 0;
    }

    public Schema schema() {
        return schema;
    }

    public int rowCount() {
        return rows;
    }

    public boolean isFull() {
        return rows >= capacity;
    }

    public boolean isEmpty() {
        return rows == 0;
    }

    public BatchBuilder setLong(int col, long value) {
        longs[col][rows] = value;
        setInRow[col] = true;
        return this;
    }

    public BatchBuilder setDouble(int col, double value) {
        if (doubles[col] != null) {
            doubles[col][rows] = value;
        } else {
            longs[col][rows] = (long) value;
        }
        setInRow[col] = true;
        return this;
    }

    public BatchBuilder setString(int col, String value) {
        if (value == null) {
            return setNull(col);
        }
        texts[col][rows] = value;
        setInRow[col] = true;
        return this;
    }

    public BatchBuilder setNull(int col) {
        setInRow[col] = false;
        return this;
    }

    /**
     * Sets a boxed value: Number, Boolean, LocalDate, Instant or String as fits the field
     * type; null sets null.
     */
    public BatchBuilder set(int col, Object value) {
        if (value == null) {
            return setNull(col);
        }
        FieldType t = schema.field(col).type();
        switch (t) {
            case STRING, CATEGORICAL -> setString(col, value.toString());
            case INTEGER, TIMESTAMP -> {
                if (value instanceof Instant i) {
                    setLong(col, i.toEpochMilli());
                } else {
                    setLong(col, ((Number) value).longValue());
                }
            }
            case DECIMAL -> setDouble(col, ((Number) value).doubleValue());
            case BOOLEAN -> setLong(col, value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).longValue());
            case DATE -> setLong(col, value instanceof LocalDate d ? d.toEpochDay() : ((Number) value).longValue());
        }
        return this;
    }

    /** Copies row {@code row} of {@code from} (same schema shape) into the current row. */
    public BatchBuilder copyRow(Batch from, int row) {
        for (int c = 0; c < schema.size(); c++) {
            Column col = from.column(c);
            if (col.isNull(row)) {
                setNull(c);
                continue;
            }
            switch (col.type().storage()) {
                case LONG -> setLong(c, col.longs()[row]);
                case DOUBLE -> setDouble(c, col.doubles()[row]);
                case TEXT -> setString(c, col.texts()[row]);
            }
        }
        return this;
    }

    /** Finishes the current row: columns not set since the last row become null. */
    public void endRow() {
        if (rows >= capacity) {
            throw new IllegalStateException("batch is full; build() it first");
        }
        for (int c = 0; c < setInRow.length; c++) {
            if (!setInRow[c]) {
                nulls[c].set(rows);
                if (texts[c] != null) {
                    texts[c][rows] = null;
                } else if (longs[c] != null) {
                    longs[c][rows] = 0;
                } else {
                    doubles[c][rows] = 0;
                }
            }
            setInRow[c] = false;
        }
        rows++;
    }

    /** The rows so far as a batch; the builder is empty afterwards. */
    public Batch build() {
        Column[] cols = new Column[schema.size()];
        for (int c = 0; c < cols.length; c++) {
            FieldType t = schema.field(c).type();
            cols[c] = switch (t.storage()) {
                case LONG -> Column.ofLongs(t, trim(longs[c]), rows, nulls[c]);
                case DOUBLE -> Column.ofDoubles(t, trim(doubles[c]), rows, nulls[c]);
                case TEXT -> Column.ofTexts(t, trim(texts[c]), rows);
            };
        }
        Batch b = new Batch(schema, rows, cols);
        reset();
        return b;
    }

    private long[] trim(long[] a) {
        return rows == a.length ? a : Arrays.copyOf(a, rows);
    }

    private double[] trim(double[] a) {
        return rows == a.length ? a : Arrays.copyOf(a, rows);
    }

    private String[] trim(String[] a) {
        return rows == a.length ? a : Arrays.copyOf(a, rows);
    }
}
