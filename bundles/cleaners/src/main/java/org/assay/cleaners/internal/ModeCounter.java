package org.assay.cleaners.internal;

import java.util.HashMap;
import java.util.Map;
import org.assay.api.data.Column;
import org.assay.api.data.FieldType;

/**
 * The most frequent value of a column. Counts at most {@code maxDistinct} different values
 * to bound memory: after that, values not yet seen are no longer added (existing ones keep
 * counting), so for a column with more distinct values the result is the most frequent
 * among the first {@code maxDistinct} seen, and {@link #approximate()} says so. Ties go to
 * the smallest value, so the result does not depend on batch order. Not thread-safe.
 */
final class ModeCounter {

    private final FieldType type;
    private final int maxDistinct;
    private final Map<Object, long[]> counts = new HashMap<>();
    private boolean approximate;

    ModeCounter(FieldType type, int maxDistinct) {
        this.type = type;
        this.maxDistinct = maxDistinct;
    }

    void add(Column column) {
        for (int r = 0; r < column.size(); r++) {
            if (!column.isNull(r)) {
                addRow(column, r);
            }
        }
    }

    /** Counts the value in row {@code r}, which is not null. */
    void addRow(Column column, int r) {
        Object key = switch (type.storage()) {
            case LONG -> column.longs()[r];
            case DOUBLE -> column.doubles()[r];
            case TEXT -> column.texts()[r];
        };
        long[] c = counts.get(key);
        if (c != null) {
            c[0]++;
        } else if (counts.size() < maxDistinct) {
            counts.put(key, new long[] {1});
        } else {
            approximate = true;
        }
    }

    boolean approximate() {
        return approximate;
    }

    /** How often the mode occurs; 1 when every value is different, 0 when there were none. */
    long modeCount() {
        long best = 0;
        for (long[] c : counts.values()) {
            best = Math.max(best, c[0]);
        }
        return best;
    }

    /** The mode, or null when the column had no values. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    TypedValue mode() {
        Object best = null;
        long bestCount = 0;
        for (Map.Entry<Object, long[]> e : counts.entrySet()) {
            long n = e.getValue()[0];
            if (n > bestCount || (n == bestCount && ((Comparable) e.getKey()).compareTo(best) < 0)) {
                best = e.getKey();
                bestCount = n;
            }
        }
        if (best == null) {
            return null;
        }
        return switch (type.storage()) {
            case LONG -> TypedValue.ofLong(type, (Long) best);
            case DOUBLE -> TypedValue.ofDouble((Double) best);
            case TEXT -> TypedValue.ofText(type, (String) best);
        };
    }
}
