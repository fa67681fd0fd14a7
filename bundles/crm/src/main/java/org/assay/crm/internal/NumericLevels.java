package org.assay.crm.internal;

import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.assay.api.data.Column;
import org.assay.api.data.Quantile;
import org.assay.crm.internal.SatisfactionStep.LowCount;

/** The levels of a numeric driver: its values when few (at most 10), else quartiles. */
final class NumericLevels {

    static final int MAX_DISTINCT = 10;

    private NumericLevels() {
    }

    static Map<String, LowCount> count(double[] values, int n, BitSet low) {
        TreeSet<Double> distinct = new TreeSet<>();
        double[] present = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(values[i])) {
                present[m++] = values[i];
                if (distinct.size() <= MAX_DISTINCT) {
                    distinct.add(values[i]);
                }
            }
        }
        double[] sorted = Arrays.copyOf(present, m);
        Arrays.sort(sorted);
        double[] cuts = null;
        if (distinct.size() > MAX_DISTINCT) {
            cuts = new double[] {Quantile.of(sorted, 0.25), Quantile.of(sorted, 0.5), Quantile.of(sorted, 0.75)};
        }
        Map<String, LowCount> out = new LinkedHashMap<>();
        if (cuts == null) {
            for (double v : distinct) {
                out.put(Column.formatDecimal(v), new LowCount());
            }
        } else {
            for (int q = 0; q < 4; q++) {
                out.put(label(cuts, q), new LowCount());
            }
        }
        for (int i = 0; i < n; i++) {
            double v = values[i];
            String level = Double.isNaN(v) ? SatisfactionStep.MISSING
                    : cuts == null ? Column.formatDecimal(v) : label(cuts, bin(cuts, v));
            LowCount c = out.computeIfAbsent(level, x -> new LowCount());
            c.responses++;
            c.low += low.get(i) ? 1 : 0;
        }
        out.values().removeIf(c -> c.responses == 0);
        return out;
    }

    private static int bin(double[] cuts, double v) {
        int q = 0;
        while (q < 3 && v > cuts[q]) {
            q++;
        }
        return q;
    }

    private static String label(double[] cuts, int q) {
        return switch (q) {
            case 0 -> "q1: <= " + Column.formatDecimal(cuts[0]);
            case 3 -> "q4: > " + Column.formatDecimal(cuts[2]);
            default -> "q" + (q + 1) + ": " + Column.formatDecimal(cuts[q - 1]) + " - " + Column.formatDecimal(cuts[q]);
        };
    }
}
