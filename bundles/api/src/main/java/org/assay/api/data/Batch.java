package org.assay.api.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A block of rows stored column by column. Immutable; a step that changes values builds
 * new columns (see {@link BatchBuilder}) and reuses the ones it leaves alone.
 */
public final class Batch {

    private final Schema schema;
    private final int rowCount;
    private final Column[] columns;

    public Batch(Schema schema, int rowCount, Column... columns) {
        this.schema = Objects.requireNonNull(schema);
        this.rowCount = rowCount;
        this.columns = columns.clone();
        if (columns.length != schema.size()) {
            throw new IllegalArgumentException("schema has " + schema.size() + " fields but batch has "
                    + columns.length + " columns");
        }
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].size() != rowCount) {
                throw new IllegalArgumentException("column '" + schema.field(i).name() + "' has "
                        + columns[i].size() + " rows, batch has " + rowCount);
            }
            if (columns[i].type() != schema.field(i).type()) {
                throw new IllegalArgumentException("column '" + schema.field(i).name() + "' holds "
                        + columns[i].type().jsonName() + " but the schema says " + schema.field(i).type().jsonName());
            }
        }
    }

    public Schema schema() {
        return schema;
    }

    public int rowCount() {
        return rowCount;
    }

    public Column column(int i) {
        return columns[i];
    }

    public Column column(String name) {
        return columns[schema.require(name)];
    }

    /** Boxed value, see {@link Column#get(int)}. */
    public Object get(int row, int col) {
        return columns[col].get(row);
    }

    /** This batch with {@code column} appended as {@code field}, or replacing the field of that name. */
    public Batch with(Field field, Column column) {
        Schema s = schema.with(field);
        Column[] cols = Arrays.copyOf(columns, s.size());
        cols[s.indexOf(field.name())] = column;
        return new Batch(s, rowCount, cols);
    }

    /** This batch re-labelled with a schema of the same shape (e.g. a tag added). */
    public Batch withSchema(Schema same) {
        return new Batch(same, rowCount, columns);
    }

    /** The rows at {@code positions[0..count)}: how a filter keeps rows. */
    public Batch select(int[] positions, int count) {
        Column[] cols = new Column[columns.length];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = columns[i].select(positions, count);
        }
        return new Batch(schema, count, cols);
    }
}
