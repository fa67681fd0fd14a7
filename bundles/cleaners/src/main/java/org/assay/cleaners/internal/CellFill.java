package org.assay.cleaners.internal;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntFunction;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;

/** Per-row helpers of the fill pass: group keys and columns with their missing cells filled. */
final class CellFill {

    private CellFill() {
    }

    /**
     * The group key of every row: the values of the groupBy columns, or null for a row with a
     * missing one (such a row is filled with the overall statistic).
     */
    @SuppressWarnings("unchecked")
    static List<Object>[] groupKeys(Batch b, int[] groupBy) {
        int n = b.rowCount();
        List<Object>[] keys = new List[n];
        Column[] cols = new Column[groupBy.length];
        for (int i = 0; i < groupBy.length; i++) {
            cols[i] = b.column(groupBy[i]);
        }
        rows:
        for (int r = 0; r < n; r++) {
            Object[] key = new Object[cols.length];
            for (int i = 0; i < cols.length; i++) {
                if (cols[i].isNull(r)) {
                    continue rows;
                }
                key[i] = cols[i].get(r);
            }
            keys[r] = Arrays.asList(key);
        }
        return keys;
    }

    /** A copy of the column with every null replaced by the value for its row, where there is one. */
    static Column filled(Column c, IntFunction<TypedValue> valueAt) {
        int n = c.size();
        BitSet stillMissing = null;
        return switch (c.type().storage()) {
            case LONG -> {
                long[] a = Arrays.copyOf(c.longs(), n);
                for (int r = 0; r < n; r++) {
                    if (c.isNull(r)) {
                        TypedValue v = valueAt.apply(r);
                        if (v != null) {
                            a[r] = v.longValue();
                        } else {
                            stillMissing = missing(stillMissing, r);
                        }
                    }
                }
                yield Column.ofLongs(c.type(), a, n, stillMissing);
            }
            case DOUBLE -> {
                double[] a = Arrays.copyOf(c.doubles(), n);
                for (int r = 0; r < n; r++) {
                    if (c.isNull(r)) {
                        TypedValue v = valueAt.apply(r);
                        if (v != null) {
                            a[r] = v.doubleValue();
                        } else {
                            stillMissing = missing(stillMissing, r);
                        }
                    }
                }
                yield Column.ofDoubles(c.type(), a, n, stillMissing);
            }
            case TEXT -> {
                String[] a = Arrays.copyOf(c.texts(), n);
                for (int r = 0; r < n; r++) {
                    if (c.isNull(r)) {
                        TypedValue v = valueAt.apply(r);
                        if (v != null) {
                            a[r] = v.text();
                        } else {
                            stillMissing = missing(stillMissing, r);
                        }
                    }
                }
                yield Column.ofTexts(c.type(), a, n);
            }
        };
    }

    private static BitSet missing(BitSet set, int r) {
        BitSet s = set == null ? new BitSet() : set;
        s.set(r);
        return s;
    }
}
