package org.assay.cleaners.internal;

import java.util.Arrays;

/**
 * The exact median of a stream of numbers, in bounded memory, over as many passes as it
 * needs (usually one, at most five).
 *
 * <p>Values are mapped to {@code long} keys that sort like the numbers (integers as they
 * are, doubles through their bit pattern). The first pass keeps the keys in a primitive
 * array while they fit in {@code limit}; the median is then found by sorting it. Past the
 * limit the array is sorted and folded into distinct keys with their counts, and keeps
 * folding as it fills again: a column with few distinct values (ages, counts, prices on a
 * grid) stays exact in one pass however many rows it has. Only when the distinct keys and
 * counts would take more than three quarters of {@code limit} are they dropped for a
 * histogram of the top 16 key bits (65,536 counters). The buckets holding the two middle
 * ranks are then narrowed on later passes: a bucket small enough is collected and sorted,
 * a larger one is split by its next 16 bits. Each extra pass reads only values in the
 * target bucket, so memory stays at {@code limit} keys plus the histograms per target.
 * Not thread-safe.
 */
final class ExactMedian {

    private static final int BUCKET_BITS = 16;
    private static final int BUCKETS = 1 << BUCKET_BITS;
    /** Slots of the counting fold's table (two longs each): 1 MiB at most. */
    private static final int COUNTING_TABLE_MAX = 1 << 16;

    private final boolean decimal;
    private final int limit;
    private long[] buffer;
    private int buffered;
    /** How long {@link #buffer} may grow: {@code limit} less the room the distinct keys and counts take. */
    private int room;
    /** Sorted distinct keys folded from full buffers, and their counts; null until the buffer first fills. */
    private long[] distinctKeys;
    private long[] distinctCounts;
    private int distinct;
    /** Set when a counting fold found too many distinct keys: later folds go straight to sorting. */
    private boolean countingOutgrown;
    private long count;
    private long[] histogram;
    private Target low;
    private Target high;
    private boolean firstPassDone;

    /**
     * @param decimal whether values are doubles (else longs)
     * @param limit   how many keys one column may hold in memory at once
     */
    ExactMedian(boolean decimal, int limit) {
        this(decimal, limit, 256);
    }

    /** @param initial the buffer's first size: small for the many medians of groupBy, most of them small */
    ExactMedian(boolean decimal, int limit, int initial) {
        this.decimal = decimal;
        this.limit = limit;
        this.room = limit;
        this.buffer = new long[Math.max(1, Math.min(initial, limit))];
    }

    /** Adds a value during the first pass. NaN is ignored. */
    void addDouble(double v) {
        if (!Double.isNaN(v)) {
            addKey(keyOf(v));
        }
    }

    /** Adds a value during the first pass. */
    void addLong(long v) {
        addKey(v);
    }

    private void addKey(long key) {
        count++;
        if (histogram != null) {
            histogram[bucket(key, 0)]++;
            return;
        }
        if (buffered == buffer.length) {
            if (buffer.length < room) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(room, buffer.length * 2L));
            } else {
                fold();
                if (histogram != null) {
                    histogram[bucket(key, 0)]++;
                    return;
                }
            }
        }
        buffer[buffered++] = key;
    }

    /**
     * Sorts the buffer into the distinct keys and counts and empties it; switches to the
     * histogram when the distinct keys leave too little room for the buffer.
     */
    private void fold() {
        // Once the distinct keys have outgrown the counting table they will not shrink again.
        if (!countingOutgrown && foldByCounting()) {
            return;
        }
        countingOutgrown = true;
        Arrays.sort(buffer, 0, buffered);
        int size = distinct + buffered;
        long[] keys = new long[Math.max(1, size)];
        long[] counts = new long[keys.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < distinct || j < buffered) {
            long key;
            long c;
            if (j == buffered || (i < distinct && distinctKeys[i] <= buffer[j])) {
                key = distinctKeys[i];
                c = distinctCounts[i++];
            } else {
                key = buffer[j++];
                c = 1;
            }
            if (n > 0 && keys[n - 1] == key) {
                counts[n - 1] += c;
            } else {
                keys[n] = key;
                counts[n++] = c;
            }
        }
        buffered = 0;
        distinct = n;
        if (2L * n > limit * 3L / 4) {
            histogram = new long[BUCKETS];
            for (int k = 0; k < n; k++) {
                histogram[bucket(keys[k], 0)] += counts[k];
            }
            buffer = null;
            distinctKeys = null;
            distinctCounts = null;
            distinct = 0;
            return;
        }
        distinctKeys = Arrays.copyOf(keys, n);
        distinctCounts = Arrays.copyOf(counts, n);
        room = limit - 2 * n;
        if (buffer.length > room) {
            buffer = new long[room];
        }
    }

    /**
     * The fold for few distinct keys: counts them in a small open-addressing table and sorts
     * only the distinct keys, instead of sorting the whole buffer (which was half the time
     * of a median over a million rows). Answers false, changing nothing, when the distinct
     * keys overfill the table; the sorting fold then takes over.
     */
    private boolean foldByCounting() {
        int capacity = Integer.highestOneBit(Math.max(16, Math.min(COUNTING_TABLE_MAX, limit / 4)));
        // Keys and counts stay within three quarters of the limit, as in the sorting fold.
        int most = (int) Math.min(capacity / 2, limit * 3L / 8);
        if (most < 1) {
            return false;
        }
        long[] keys = new long[capacity];
        long[] counts = new long[capacity];
        int mask = capacity - 1;
        int used = 0;
        int total = distinct + buffered;
        for (int i = 0; i < total; i++) {
            long key = i < distinct ? distinctKeys[i] : buffer[i - distinct];
            long add = i < distinct ? distinctCounts[i] : 1;
            int slot = (int) (key * 0x9E3779B97F4A7C15L >>> 40) & mask;
            while (counts[slot] != 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            if (counts[slot] == 0) {
                if (++used > most) {
                    return false;
                }
                keys[slot] = key;
            }
            counts[slot] += add;
        }
        long[] sortedKeys = new long[used];
        int n = 0;
        for (int slot = 0; slot < capacity; slot++) {
            if (counts[slot] != 0) {
                sortedKeys[n++] = keys[slot];
            }
        }
        Arrays.sort(sortedKeys);
        long[] sortedCounts = new long[used];
        for (int k = 0; k < used; k++) {
            int slot = (int) (sortedKeys[k] * 0x9E3779B97F4A7C15L >>> 40) & mask;
            while (keys[slot] != sortedKeys[k] || counts[slot] == 0) {
                slot = (slot + 1) & mask;
            }
            sortedCounts[k] = counts[slot];
        }
        distinctKeys = sortedKeys;
        distinctCounts = sortedCounts;
        distinct = used;
        buffered = 0;
        room = limit - 2 * used;
        if (buffer.length > room) {
            buffer = new long[room];
        }
        return true;
    }

    /** Ends the first pass. */
    void endFirstPass() {
        firstPassDone = true;
        if (distinctKeys != null) {
            fold();
        }
        if (count == 0 || histogram == null) {
            return;
        }
        low = Target.fromHistogram((count - 1) / 2, histogram, limit);
        high = count % 2 == 1 ? low : Target.fromHistogram(count / 2, histogram, limit);
        histogram = null;
    }

    /** Whether {@link #refine} must see all values once more before {@link #median()} is known. */
    boolean needsAnotherPass() {
        return firstPassDone && low != null && (!low.done() || !high.done());
    }

    /** Feeds a value on a later pass. */
    void refineDouble(double v) {
        if (!Double.isNaN(v)) {
            refineKey(keyOf(v));
        }
    }

    void refineLong(long v) {
        refineKey(v);
    }

    private void refineKey(long key) {
        low.accept(key);
        if (high != low) {
            high.accept(key);
        }
    }

    /** Ends a later pass. */
    void endRefinePass() {
        low.endPass();
        if (high != low) {
            high.endPass();
        }
    }

    /** Count of non-null values seen in the first pass. */
    long count() {
        return count;
    }

    /** The median: the middle value, or the mean of the two middle values; NaN when there were no values. */
    double median() {
        if (count == 0) {
            return Double.NaN;
        }
        long lo;
        long hi;
        if (distinctKeys != null) {
            lo = keyAtRank((count - 1) / 2);
            hi = keyAtRank(count / 2);
        } else if (low == null) {
            Arrays.sort(buffer, 0, buffered);
            lo = buffer[(int) ((count - 1) / 2)];
            hi = buffer[(int) (count / 2)];
        } else {
            lo = low.result();
            hi = high.result();
        }
        return (valueOf(lo) + valueOf(hi)) / 2.0;
    }

    /** The key of rank {@code rank} (from 0) among the folded distinct keys. */
    private long keyAtRank(long rank) {
        long before = 0;
        for (int k = 0; k < distinct; k++) {
            before += distinctCounts[k];
            if (rank < before) {
                return distinctKeys[k];
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + before + " values");
    }

    private double valueOf(long key) {
        return decimal ? Double.longBitsToDouble(flip(key)) : key;
    }

    /** A key whose signed order is the order of the doubles. */
    static long keyOf(double v) {
        // +0.0 and -0.0 are the same number for a median.
        return flip(Double.doubleToLongBits(v == 0.0 ? 0.0 : v));
    }

    /** Negative doubles sort backwards by their bits; flipping the non-sign bits fixes that. An involution. */
    private static long flip(long bits) {
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** The 16 bits of the unsigned-ordered key after the first {@code fixedBits}. */
    static int bucket(long key, int fixedBits) {
        long unsigned = key ^ Long.MIN_VALUE;
        return (int) ((unsigned << fixedBits) >>> (64 - BUCKET_BITS));
    }

    /** Narrows down the value of one rank. */
    private static final class Target {
        private final int limit;
        private long prefix;
        private int fixedBits;
        private long rank;
        private long rangeCount;
        private long[] collected;
        private int collectedSize;
        private long[] histogram;
        private boolean done;
        private long result;

        private Target(int limit) {
            this.limit = limit;
        }

        static Target fromHistogram(long rank, long[] histogram, int limit) {
            Target t = new Target(limit);
            t.narrow(rank, histogram);
            return t;
        }

        /** Chooses the bucket holding {@code rank}, and prepares the next pass. */
        private void narrow(long rankInRange, long[] counts) {
            long before = 0;
            int b = 0;
            while (before + counts[b] <= rankInRange) {
                before += counts[b];
                b++;
            }
            prefix = (prefix << BUCKET_BITS) | b;
            fixedBits += BUCKET_BITS;
            rank = rankInRange - before;
            rangeCount = counts[b];
            if (fixedBits == 64) {
                // Every key left in range has all 64 bits fixed: they are all this key.
                done = true;
                result = prefix ^ Long.MIN_VALUE;
            }
            prepare();
        }

        private void prepare() {
            if (done) {
                return;
            }
            if (rangeCount <= limit) {
                collected = new long[(int) rangeCount];
                collectedSize = 0;
                histogram = null;
            } else {
                histogram = new long[BUCKETS];
                collected = null;
            }
        }

        boolean done() {
            return done;
        }

        long result() {
            return result;
        }

        void accept(long key) {
            if (done || ((key ^ Long.MIN_VALUE) >>> (64 - fixedBits)) != prefix) {
                return;
            }
            if (collected != null) {
                collected[collectedSize++] = key;
            } else {
                histogram[bucket(key, fixedBits)]++;
            }
        }

        void endPass() {
            if (done) {
                return;
            }
            if (collected != null) {
                Arrays.sort(collected, 0, collectedSize);
                result = collected[(int) rank];
                collected = null;
                done = true;
            } else {
                long[] counts = histogram;
                histogram = null;
                narrow(rank, counts);
            }
        }
    }
}
