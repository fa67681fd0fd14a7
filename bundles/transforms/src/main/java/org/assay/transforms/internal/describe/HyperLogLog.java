package org.assay.transforms.internal.describe;

/**
 * A HyperLogLog distinct-count estimate (Flajolet et al. 2007) with 2^14 one-byte registers
 * (16 KiB): relative standard error 1.04 / sqrt(2^14), about 0.8%. Small cardinalities use
 * linear counting, as in the paper; 64-bit hashes make the large-range correction unnecessary.
 * Not thread-safe.
 */
final class HyperLogLog {

    static final int PRECISION = 14;
    private static final int M = 1 << PRECISION;

    private final byte[] registers = new byte[M];

    void addHash(long hash) {
        int index = (int) (hash >>> (64 - PRECISION));
        // The remaining bits, with a stop bit so the rank is bounded by 64 - PRECISION + 1.
        long rest = (hash << PRECISION) | (1L << (PRECISION - 1));
        byte rank = (byte) (Long.numberOfLeadingZeros(rest) + 1);
        if (rank > registers[index]) {
            registers[index] = rank;
        }
    }

    long estimate() {
        double sum = 0;
        int zeros = 0;
        for (byte r : registers) {
            sum += 1.0 / (1L << r);
            if (r == 0) {
                zeros++;
            }
        }
        double alpha = 0.7213 / (1 + 1.079 / M);
        double e = alpha * M * (double) M / sum;
        if (e <= 2.5 * M && zeros > 0) {
            e = M * Math.log((double) M / zeros);
        }
        return Math.round(e);
    }

    /** A well-mixed 64-bit hash of a long (SplitMix64's finaliser). */
    static long hash(long v) {
        long z = v + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A 64-bit hash of a string: FNV-1a over its chars, then mixed. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return hash(h);
    }
}
