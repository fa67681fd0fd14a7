package org.assay.privacy.internal.anon;

/**
 * One node of the lattice evaluated: whether it meets k (and l) with at most the allowed
 * suppression, and what it costs. {@code loss} is the normalised certainty penalty in [0, 1]
 * with suppressed rows at 1 in every column; {@code discernibility} is the sum of the squared
 * class sizes plus rows × suppressed rows (Bayardo and Agrawal's DM*).
 *
 * @param classes   equivalence classes kept (not suppressed)
 * @param achievedK smallest class kept (0 when every row is suppressed)
 * @param achievedL fewest distinct sensitive values in a kept class (0 when every row is suppressed)
 */
record Evaluation(int[] levels, boolean anonymous, long suppressed, int classes, int achievedK, int achievedL,
        double loss, double discernibility, boolean[] suppressedTuples) {
}
