package org.assay.transforms.internal.expr;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.jexl3.JexlContext;
import org.assay.api.data.Batch;
import org.assay.api.data.Schema;

/**
 * The columns of one row as the expression's variables, read-only: a null column is null,
 * values are boxed as {@link org.assay.api.data.Column#get} gives them (Long, Double,
 * Boolean, LocalDate, Instant, String). One per run and thread; moved along with {@link #at}.
 */
public final class RowContext implements JexlContext {

    private final Map<String, Integer> index = new HashMap<>();
    private Batch batch;
    private int row;

    public RowContext(Schema schema) {
        for (int i = 0; i < schema.size(); i++) {
            index.put(schema.field(i).name(), i);
        }
    }

    /** Points the context at row {@code r} of {@code b}, whose schema is the one given at construction. */
    public RowContext at(Batch b, int r) {
        this.batch = b;
        this.row = r;
        return this;
    }

    @Override
    public Object get(String name) {
        Integer i = index.get(name);
        return i == null ? null : batch.column(i).get(row);
    }

    @Override
    public boolean has(String name) {
        return index.containsKey(name);
    }

    @Override
    public void set(String name, Object value) {
        throw new UnsupportedOperationException("expressions cannot assign to '" + name + "'");
    }
}
