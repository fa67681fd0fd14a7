package org.assay.transforms.internal.table;

import java.util.Arrays;
import org.assay.api.data.Batch;

/** The values of the group columns of one row (see {@link Values}); ordered column by column, nulls last. */
final class GroupKey implements Comparable<GroupKey> {

    static final GroupKey EMPTY = new GroupKey(new Object[0]);

    final Object[] values;
    private final int hash;

    GroupKey(Object[] values) {
        this.values = values;
        this.hash = Arrays.hashCode(values);
    }

    static GroupKey of(Batch b, int[] columns, int row) {
        if (columns.length == 0) {
            return EMPTY;
        }
        Object[] v = new Object[columns.length];
        for (int k = 0; k < columns.length; k++) {
            Object value = Values.get(b.column(columns[k]), row);
            // 0.0 and -0.0 are one amount; Double.equals would make them two groups.
            v[k] = value instanceof Double d && d == 0.0 ? (Object) 0.0 : value;
        }
        return new GroupKey(v);
    }

    @Override
    public int compareTo(GroupKey o) {
        for (int k = 0; k < values.length; k++) {
            int c = Values.compare(values[k], o.values[k]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupKey k && hash == k.hash && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
