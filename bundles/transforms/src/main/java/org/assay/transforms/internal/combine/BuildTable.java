package org.assay.transforms.internal.combine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Batch;

/**
 * The in-memory side of a hash join: the right rows by key, in the order they came, and which
 * of them a left row has matched. Rows are kept as the batches they came in (columnar, no
 * boxing); the index costs three ints per row plus one map entry per distinct key. Used by one
 * thread.
 */
final class BuildTable {

    private final int[] keyColumns;
    final List<Batch> batches = new ArrayList<>();
    // By row number g in the table: its batch and row, and the next row with the same key (-1: none).
    private int[] batchOf = new int[1024];
    private int[] rowOf = new int[1024];
    private int[] next = new int[1024];
    private int rows;
    private long nullKeys;
    /** Key to {first, last, count} of its chain of rows. */
    private final Map<Object, int[]> chains = new HashMap<>();
    private final BitSet matched = new BitSet();

    BuildTable(int[] keyColumns) {
        this.keyColumns = keyColumns;
    }

    void add(Batch b) {
        int batchIndex = batches.size();
        batches.add(b);
        for (int r = 0; r < b.rowCount(); r++) {
            int g = rows++;
            grow(g);
            batchOf[g] = batchIndex;
            rowOf[g] = r;
            next[g] = -1;
            Object key = RowKey.of(b, keyColumns, r);
            if (key == null) {
                nullKeys++;
                continue;
            }
            int[] chain = chains.get(key);
            if (chain == null) {
                chains.put(key, new int[] {g, g, 1});
            } else {
                next[chain[1]] = g;
                chain[1] = g;
                chain[2]++;
            }
        }
    }

    private void grow(int g) {
        if (g >= batchOf.length) {
            int size = Math.max(batchOf.length * 2, g + 1);
            batchOf = Arrays.copyOf(batchOf, size);
            rowOf = Arrays.copyOf(rowOf, size);
            next = Arrays.copyOf(next, size);
        }
    }

    /** Lets go of every row and the index, so a join that spills does not hold them twice. */
    void clear() {
        batches.clear();
        chains.clear();
        matched.clear();
        batchOf = new int[0];
        rowOf = new int[0];
        next = new int[0];
        rows = 0;
        nullKeys = 0;
    }

    /** Rows held. */
    int rows() {
        return rows;
    }

    long nullKeys() {
        return nullKeys;
    }

    /** Keys held by more than one row. */
    long duplicateKeys() {
        return chains.values().stream().filter(c -> c[2] > 1).count();
    }

    /** The chain {first, last, count} of a key, or null. */
    int[] chain(Object key) {
        return key == null ? null : chains.get(key);
    }

    /** The row after {@code g} with the same key, or -1. */
    int next(int g) {
        return next[g];
    }

    void markMatched(int g) {
        matched.set(g);
    }

    /** Rows no left row matched, null keys included. */
    long unmatched() {
        return rows - matched.cardinality();
    }

    /** The next unmatched row at or after {@code g}, or -1. */
    int nextUnmatched(int g) {
        int u = matched.nextClearBit(g);
        return u < rows ? u : -1;
    }

    Batch batchOf(int g) {
        return batches.get(batchOf[g]);
    }

    int rowOf(int g) {
        return rowOf[g];
    }
}
