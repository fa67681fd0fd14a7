package org.assay.privacy.internal.anon;

import java.util.Arrays;

/**
 * Groups the tuples of a {@link QiTable} into equivalence classes at one node's levels and
 * checks k-anonymity and distinct l-diversity, suppressing the rows of every class that fails.
 * Reuses its buffers between nodes: one per thread.
 */
final class NodeEvaluator {

    private final QiTable table;
    private final int k;
    private final int l;
    private final long maxSuppressed;
    private final int[] classOf;
    private final LongIntMap classes;
    private final LongIntMap pairs;
    private final LongIntMap refine;
    private final int[] partial;
    private int[] size = new int[1024];
    private int[] distinct = new int[1024];

    NodeEvaluator(QiTable table, int k, int l, long maxSuppressed) {
        this.table = table;
        this.k = k;
        this.l = l;
        this.maxSuppressed = maxSuppressed;
        this.classOf = new int[table.tupleCount()];
        this.classes = new LongIntMap(table.tupleCount());
        this.pairs = new LongIntMap(table.tupleCount());
        this.refine = new LongIntMap(table.tupleCount());
        this.partial = new int[table.tupleCount()];
    }

    /** @param keepTuples whether to return which tuples are suppressed (for the chosen node) */
    Evaluation evaluate(int[] levels, boolean keepTuples) {
        int q = table.columns();
        int t = table.tupleCount();
        classes.clear();
        boolean wide = !fitsInLong(levels);
        if (wide) {
            refine(levels, q, t);
        }
        int n = 0;
        for (int i = 0; i < t; i++) {
            long key = wide ? partial[i] : key(levels, i, q);
            int c = classes.putIfAbsent(key, n);
            if (c < 0) {
                c = n++;
                if (c == size.length) {
                    size = Arrays.copyOf(size, c * 2);
                    distinct = Arrays.copyOf(distinct, c * 2);
                }
                size[c] = 0;
                distinct[c] = 0;
            }
            classOf[i] = c;
            size[c] += table.count[i];
        }
        pairs.clear();
        long s = table.sensitiveValues;
        for (int i = 0; i < t; i++) {
            if (pairs.putIfAbsent(classOf[i] * s + table.sensitive[i], 0) < 0) {
                distinct[classOf[i]]++;
            }
        }
        long suppressed = 0;
        double penalty = 0;
        double dm = 0;
        boolean[] gone = keepTuples ? new boolean[t] : null;
        for (int i = 0; i < t; i++) {
            int c = classOf[i];
            int rows = table.count[i];
            if (size[c] < k || (l > 1 && distinct[c] < l)) {
                suppressed += rows;
                penalty += (double) rows * q;
                if (gone != null) {
                    gone[i] = true;
                }
            } else {
                double cell = 0;
                for (int col = 0; col < q; col++) {
                    cell += table.cost[col][levels[col]][table.tuples[col][i]];
                }
                penalty += rows * cell;
                dm += (double) rows * size[c];
            }
        }
        dm += (double) suppressed * table.rows;
        int minK = Integer.MAX_VALUE;
        int minL = Integer.MAX_VALUE;
        int kept = 0;
        for (int c = 0; c < n; c++) {
            if (size[c] >= k && (l <= 1 || distinct[c] >= l)) {
                kept++;
                minK = Math.min(minK, size[c]);
                minL = Math.min(minL, distinct[c]);
            }
        }
        boolean anyKept = minK != Integer.MAX_VALUE;
        double loss = table.rows == 0 ? 0 : penalty / ((double) table.rows * q);
        return new Evaluation(levels.clone(), suppressed <= maxSuppressed, suppressed, kept, anyKept ? minK : 0,
                anyKept ? minL : 0, loss, dm, gone);
    }

    private boolean fitsInLong(int[] levels) {
        long product = 1;
        for (int col = 0; col < levels.length; col++) {
            long card = table.cardinality[col][levels[col]];
            if (product > Long.MAX_VALUE / Math.max(1, card)) {
                return false;
            }
            product *= card;
        }
        return true;
    }

    /**
     * When the codes do not fit one long, the key is built column by column: the class so far
     * (a dense id below the tuple count) times the column's cardinality plus its code, renumbered
     * densely after each column, which stays exact.
     */
    private void refine(int[] levels, int q, int t) {
        Arrays.fill(partial, 0);
        for (int col = 0; col < q; col++) {
            refine.clear();
            long card = table.cardinality[col][levels[col]];
            int next = 0;
            for (int i = 0; i < t; i++) {
                long key = partial[i] * card + table.up[col][levels[col]][table.tuples[col][i]];
                int id = refine.putIfAbsent(key, next);
                if (id < 0) {
                    id = next++;
                }
                partial[i] = id;
            }
        }
    }

    /** The tuple's class key: its codes at the node's levels in mixed radix. */
    private long key(int[] levels, int i, int q) {
        long key = 0;
        for (int col = 0; col < q; col++) {
            key = key * table.cardinality[col][levels[col]] + table.up[col][levels[col]][table.tuples[col][i]];
        }
        return key;
    }
}
