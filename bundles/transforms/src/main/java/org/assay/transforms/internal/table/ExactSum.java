package org.assay.transforms.internal.table;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * A sum of decimal values that is exact in decimal: each value counts as the shortest decimal
 * that reads back as it (12.34, not the binary 12.339999999999999857...), so amounts with cents
 * total to their decimal sum (35.48, where adding doubles gives 35.480000000000004), rounded to
 * the nearest double once, at the end. Values with at most {@link #MAX_FAST_SCALE} decimals
 * add as whole units of 10^-scale in a long; a value with more decimals, a total past the long
 * range, or a value too large to scale exactly moves the sum to BigDecimal (slower, as exact).
 * NaN and infinities are summed apart, as doubles, and win: a NaN amount gives a NaN sum. Not
 * thread-safe.
 */
final class ExactSum {

    static final int MAX_FAST_SCALE = 9;
    private static final long[] POW10 = new long[19];
    /** Below this magnitude a scaled double is a whole number exactly when the decimal is. */
    private static final double EXACT_LIMIT = 0x1p52;

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /** The sum in units of 10^-scale while {@link #big} is null. */
    private long units;
    private int scale;
    private BigDecimal big;
    private double special;
    private boolean anySpecial;

    void add(double v) {
        if (!Double.isFinite(v)) {
            special += v;
            anySpecial = true;
            return;
        }
        if (big == null) {
            int s = scaleOf(v);
            if (s >= 0 && addUnits((long) Math.rint(v * POW10[s]), s)) {
                return;
            }
            big = BigDecimal.valueOf(units, scale);
        }
        big = big.add(BigDecimal.valueOf(v));
    }

    /** Adds {@code u} units of 10^-s to the long sum; false (sum unchanged) when it would overflow. */
    private boolean addUnits(long u, int s) {
        try {
            long sum = units;
            int at = scale;
            if (s > at) {
                sum = Math.multiplyExact(sum, POW10[s - at]);
                at = s;
            }
            long added = Math.multiplyExact(u, POW10[at - s]);
            units = Math.addExact(sum, added);
            scale = at;
            return true;
        } catch (ArithmeticException overflow) {
            return false;
        }
    }

    /**
     * The fewest decimals (0 to {@link #MAX_FAST_SCALE}) whose decimal reads back as {@code v};
     * -1 when more are needed or the scaled value is too large to be exact.
     */
    private static int scaleOf(double v) {
        for (int s = 0; s <= MAX_FAST_SCALE; s++) {
            double scaled = v * POW10[s];
            if (Math.abs(scaled) >= EXACT_LIMIT) {
                return -1;
            }
            // r / 10^s is correctly rounded, so it equals v exactly when v is that decimal's nearest double.
            double r = Math.rint(scaled);
            if (r / POW10[s] == v) {
                return s;
            }
        }
        return -1;
    }

    void merge(ExactSum later) {
        if (later.anySpecial) {
            special += later.special;
            anySpecial = true;
        }
        if (big == null && later.big == null && addUnits(later.units, later.scale)) {
            return;
        }
        big = exact().add(later.exact());
    }

    private BigDecimal exact() {
        return big != null ? big : BigDecimal.valueOf(units, scale);
    }

    /** The sum, rounded once to the nearest double. */
    double value() {
        if (anySpecial) {
            return special;
        }
        if (big == null && Math.abs(units) < (1L << 53)) {
            return units / (double) POW10[scale]; // both exact, so the quotient is correctly rounded
        }
        return exact().doubleValue();
    }

    /** The sum divided by {@code n}, rounded once to the nearest double. */
    double mean(long n) {
        if (anySpecial) {
            return special;
        }
        return exact().divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue();
    }

    void write(DataOutput out) throws IOException {
        out.writeBoolean(anySpecial);
        out.writeDouble(special);
        out.writeBoolean(big == null);
        if (big == null) {
            out.writeLong(units);
            out.writeInt(scale);
            return;
        }
        byte[] unscaled = big.unscaledValue().toByteArray();
        out.writeInt(big.scale());
        out.writeInt(unscaled.length);
        out.write(unscaled);
    }

    void read(DataInput in) throws IOException {
        anySpecial = in.readBoolean();
        special = in.readDouble();
        if (in.readBoolean()) {
            units = in.readLong();
            scale = in.readInt();
            big = null;
            return;
        }
        int s = in.readInt();
        byte[] unscaled = new byte[in.readInt()];
        in.readFully(unscaled);
        big = new BigDecimal(new BigInteger(unscaled), s);
        units = 0;
        scale = 0;
    }
}
