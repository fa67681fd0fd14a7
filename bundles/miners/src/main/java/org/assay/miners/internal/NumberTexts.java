package org.assay.miners.internal;

/**
 * {@link ModelMetrics#number} with a small direct-mapped cache of the values last written.
 * Threshold curves have a row per prediction and repeat most of their values: a rate changes
 * only when a row of its own kind passes the cut, recall is the true-positive rate again, and
 * the sample shares recur in every class's curve. {@code Double.toString} is most of what
 * writing such a file costs, and a value met again costs a lookup instead. The text of a value
 * is the same whether it came from the cache or not. Not thread-safe: one per file written.
 */
final class NumberTexts {

    private static final int SLOTS = 1 << 12;

    private final long[] bits = new long[SLOTS];
    private final String[] texts = new String[SLOTS];

    String of(double v) {
        long b = Double.doubleToRawLongBits(v);
        int slot = (int) (b ^ b >>> 29 ^ b >>> 43) & (SLOTS - 1);
        String t = texts[slot];
        if (t != null && bits[slot] == b) {
            return t;
        }
        t = ModelMetrics.number(v);
        bits[slot] = b;
        texts[slot] = t;
        return t;
    }
}
