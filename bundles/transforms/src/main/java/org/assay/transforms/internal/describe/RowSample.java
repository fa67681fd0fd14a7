package org.assay.transforms.internal.describe;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;

/**
 * The rows {@code correlate} computes on: every row up to the budget, above it a uniform
 * reservoir sample (Algorithm R, seeded) of {@code budget} rows, so pairs stay aligned across
 * columns. Numeric values are held as doubles (missing and non-finite: NaN), categorical values
 * as codes into a per-column dictionary (missing: -1). Not thread-safe.
 */
final class RowSample {

    private final int[] numeric;
    private final int[] categorical;
    private final int budget;
    private final int maxCategories;
    private final Random random;

    private double[][] values;
    private int[][] codes;
    private final List<Map<String, Integer>> dictionaries;
    private final boolean[] tooManyCategories;
    private int held;
    private long seen;

    /**
     * @param numeric       positions of the numeric columns in the input schema
     * @param categorical   positions of the categorical columns
     * @param budget        rows held at most
     * @param maxCategories categories a column may have before it is left out of Cramér's V
     * @param seed          seed of the sample
     */
    RowSample(int[] numeric, int[] categorical, int budget, int maxCategories, long seed) {
        this.numeric = numeric.clone();
        this.categorical = categorical.clone();
        this.budget = budget;
        this.maxCategories = maxCategories;
        this.random = new Random(seed);
        int start = Math.min(budget, 1024);
        this.values = new double[numeric.length][start];
        this.codes = new int[categorical.length][start];
        this.dictionaries = java.util.stream.IntStream.range(0, categorical.length)
                .mapToObj(i -> (Map<String, Integer>) new HashMap<String, Integer>()).toList();
        this.tooManyCategories = new boolean[categorical.length];
    }

    void add(Batch b) {
        for (int r = 0; r < b.rowCount(); r++) {
            seen++;
            int slot;
            if (held < budget) {
                slot = held++;
                ensureCapacity(held);
            } else {
                long j = random.nextLong(seen);
                if (j >= budget) {
                    continue;
                }
                slot = (int) j;
            }
            for (int c = 0; c < numeric.length; c++) {
                Column col = b.column(numeric[c]);
                double v = col.isNull(r) ? Double.NaN : col.getDouble(r);
                values[c][slot] = Double.isFinite(v) ? v : Double.NaN;
            }
            for (int c = 0; c < categorical.length; c++) {
                codes[c][slot] = code(c, b.column(categorical[c]).getString(r));
            }
        }
    }

    private int code(int c, String value) {
        if (value == null || tooManyCategories[c]) {
            return -1;
        }
        Map<String, Integer> dict = dictionaries.get(c);
        Integer code = dict.get(value);
        if (code == null) {
            if (dict.size() >= maxCategories) {
                tooManyCategories[c] = true;
                return -1;
            }
            code = dict.size();
            dict.put(value, code);
        }
        return code;
    }

    private void ensureCapacity(int rows) {
        int capacity = values.length > 0 ? values[0].length : codes.length > 0 ? codes[0].length : Integer.MAX_VALUE;
        if (rows <= capacity) {
            return;
        }
        int grown = (int) Math.min(budget, Math.max(rows, (long) capacity * 2));
        for (int c = 0; c < values.length; c++) {
            values[c] = Arrays.copyOf(values[c], grown);
        }
        for (int c = 0; c < codes.length; c++) {
            codes[c] = Arrays.copyOf(codes[c], grown);
        }
    }

    /** Rows held. */
    int held() {
        return held;
    }

    /** Rows offered. */
    long seen() {
        return seen;
    }

    boolean sampled() {
        return seen > held;
    }

    double[] numeric(int c) {
        return values[c];
    }

    int[] codes(int c) {
        return codes[c];
    }

    int categories(int c) {
        return dictionaries.get(c).size();
    }

    boolean tooManyCategories(int c) {
        return tooManyCategories[c];
    }
}
