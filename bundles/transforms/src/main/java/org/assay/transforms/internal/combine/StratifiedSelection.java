package org.assay.transforms.internal.combine;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.LongUnaryOperator;
import org.assay.api.data.Batch;
import org.assay.api.step.StepFailure;

/**
 * Picks exactly k of the rows of each stratum, uniformly and in one streaming pass after a
 * counting pass (Knuth's selection sampling, Algorithm S: a row is picked with probability
 * still-needed / still-to-come). Memory is a few counters per stratum, never the rows. The
 * same seed and the same input order give the same rows. A null stratum value is a stratum of
 * its own. Used by one thread.
 */
final class StratifiedSelection {

    /** Most strata held; stratifying by an id-like column is a mistake the step reports. */
    static final int MAX_STRATA = 1_000_000;

    private final int column;
    private final Map<Object, long[]> strata = new HashMap<>();
    private final Random random;

    /** @param column the stratum column's position, or -1 for one stratum */
    StratifiedSelection(int column, long seed) {
        this.column = column;
        this.random = new Random(seed);
    }

    private Object stratum(Batch b, int row) {
        return column < 0 ? Boolean.TRUE : b.column(column).get(row);
    }

    /** First pass: counts the rows of each stratum. */
    void count(Batch b, String columnName) throws StepFailure {
        for (int r = 0; r < b.rowCount(); r++) {
            long[] s = strata.get(stratum(b, r));
            if (s == null) {
                if (strata.size() >= MAX_STRATA) {
                    throw new StepFailure("stratify column '" + columnName + "' has more than " + MAX_STRATA
                            + " distinct values; stratify by a column with few values (a segment, a region)");
                }
                s = new long[2];
                strata.put(stratum(b, r), s);
            }
            s[0]++;
        }
    }

    /** Sets how many rows to pick in each stratum, from its size; then {@link #pick} may be called. */
    void target(LongUnaryOperator picksForSize) {
        for (long[] s : strata.values()) {
            s[1] = Math.max(0, Math.min(s[0], picksForSize.applyAsLong(s[0])));
        }
    }

    /** Second pass, rows in the same order as counted: whether this row is picked. */
    boolean pick(Batch b, int row) {
        long[] s = strata.get(stratum(b, row));
        // s[0]: rows still to come, s[1]: picks still needed.
        boolean picked = s[1] > 0 && random.nextDouble() * s[0] < s[1];
        s[0]--;
        if (picked) {
            s[1]--;
        }
        return picked;
    }

    int strata() {
        return strata.size();
    }
}
