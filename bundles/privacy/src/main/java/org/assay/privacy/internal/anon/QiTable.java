package org.assay.privacy.internal.anon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The quasi-identifiers of a table, encoded once for the lattice search: each column's distinct
 * values get codes, each level of its hierarchy maps those codes to the codes of the coarser
 * values, and rows with the same codes and sensitive value are one tuple with a count (the
 * frequency set). A node of the lattice is then evaluated over the tuples, not the rows.
 *
 * <p>Information loss per cell is the normalised certainty penalty (Xu et al. 2006): for an
 * interval column the spread of the values a generalised value stands for over the column's
 * range, for any other column (values it stands for - 1) / (distinct values - 1); so 0 for a
 * value kept as it is and 1 for {@code *}. A suppressed row costs 1 in every column. Built by
 * one thread, then read-only.
 */
final class QiTable {

    /** Column {@code c}: {@code up[c][level][code0]} is the value's code at that level. */
    final int[][][] up;
    /** {@code labels[c][level][code]}: the text of a code; null for a null value. */
    final String[][][] labels;
    /** {@code cost[c][level][code0]}: the penalty of one cell at that level. */
    final double[][][] cost;
    /** Distinct codes per column and level. */
    final int[][] cardinality;
    /** Per tuple: the level-0 code of each column ({@code tuples[c][t]}), sensitive code, row count. */
    final int[][] tuples;
    final int[] sensitive;
    final int[] count;
    final int rows;
    final int sensitiveValues;

    private QiTable(Builder b) {
        int q = b.hierarchies.size();
        rows = b.rows;
        int t = b.tupleCount;
        count = Arrays.copyOf(b.count, t);
        sensitive = Arrays.copyOf(b.sensitive, t);
        tuples = new int[q][];
        for (int c = 0; c < q; c++) {
            tuples[c] = Arrays.copyOf(b.tupleCodes[c], t);
        }
        sensitiveValues = b.sensitiveCodes.size();
        up = new int[q][][];
        labels = new String[q][][];
        cost = new double[q][][];
        cardinality = new int[q][];
        for (int c = 0; c < q; c++) {
            encodeColumn(b, c);
        }
    }

    private void encodeColumn(Builder b, int c) {
        Hierarchy h = b.hierarchies.get(c);
        List<String[]> values = b.generalised.get(c);
        int distinct = values.size();
        int levels = h.height() + 1;
        up[c] = new int[levels][distinct];
        labels[c] = new String[levels][];
        cost[c] = new double[levels][distinct];
        cardinality[c] = new int[levels];
        double[] numbers = new double[distinct];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        if (h.interval()) {
            for (int v = 0; v < distinct; v++) {
                String s = values.get(v)[0];
                numbers[v] = s == null ? Double.NaN : Double.parseDouble(s);
                if (s != null) {
                    min = Math.min(min, numbers[v]);
                    max = Math.max(max, numbers[v]);
                }
            }
        }
        for (int l = 0; l < levels; l++) {
            Map<String, Integer> codes = new HashMap<>();
            List<String> text = new ArrayList<>();
            for (int v = 0; v < distinct; v++) {
                String g = values.get(v)[l];
                Integer code = codes.get(g);
                if (code == null) {
                    code = text.size();
                    codes.put(g, code);
                    text.add(g);
                }
                up[c][l][v] = code;
            }
            labels[c][l] = text.toArray(new String[0]);
            cardinality[c][l] = text.size();
            if (l > 0) {
                checkNested(c, l);
            }
            // The spread of each generalised value, from the values it stands for.
            int k = text.size();
            int[] members = new int[k];
            double[] lo = new double[k];
            double[] hi = new double[k];
            Arrays.fill(lo, Double.POSITIVE_INFINITY);
            Arrays.fill(hi, Double.NEGATIVE_INFINITY);
            for (int v = 0; v < distinct; v++) {
                int g = up[c][l][v];
                members[g]++;
                if (h.interval() && !Double.isNaN(numbers[v])) {
                    lo[g] = Math.min(lo[g], numbers[v]);
                    hi[g] = Math.max(hi[g], numbers[v]);
                }
            }
            for (int v = 0; v < distinct; v++) {
                int g = up[c][l][v];
                double p;
                if (h.interval()) {
                    p = max > min && hi[g] >= lo[g] ? (hi[g] - lo[g]) / (max - min) : 0;
                } else {
                    p = distinct > 1 ? (members[g] - 1) / (double) (distinct - 1) : 0;
                }
                cost[c][l][v] = p;
            }
        }
    }

    /** Levels must nest for the lattice's monotonicity: a value's code at l-1 fixes its code at l. */
    private void checkNested(int c, int l) {
        int[] parent = new int[cardinality[c][l - 1]];
        Arrays.fill(parent, -1);
        for (int v = 0; v < up[c][0].length; v++) {
            int below = up[c][l - 1][v];
            int above = up[c][l][v];
            if (parent[below] >= 0 && parent[below] != above) {
                throw new IllegalArgumentException("the hierarchy of quasi-identifier " + (c + 1) + " does not nest: "
                        + "two values equal at level " + (l - 1) + " differ at level " + l);
            }
            parent[below] = above;
        }
    }

    int columns() {
        return up.length;
    }

    int height(int c) {
        return up[c].length - 1;
    }

    int tupleCount() {
        return count.length;
    }

    /** Adds rows one by one; values are checked against every level when first seen. Not thread-safe. */
    static final class Builder {
        private final List<Hierarchy> hierarchies;
        private final List<Map<String, Integer>> dictionaries = new ArrayList<>();
        private final List<List<String[]>> generalised = new ArrayList<>();
        private final Map<String, Integer> sensitiveCodes = new HashMap<>();
        private final Map<TupleKey, Integer> tupleIndex = new HashMap<>();
        private final int[][] tupleCodes;
        private int[] count = new int[1024];
        private int[] sensitive = new int[1024];
        private int tupleCount;
        private int rows;

        Builder(List<Hierarchy> hierarchies) {
            this.hierarchies = List.copyOf(hierarchies);
            tupleCodes = new int[hierarchies.size()][1024];
            for (int c = 0; c < hierarchies.size(); c++) {
                dictionaries.add(new HashMap<>());
                generalised.add(new ArrayList<>());
            }
        }

        /**
         * Adds a row; null values are values of their own (below the top level).
         *
         * @return the row's tuple index
         * @throws Hierarchy.Uncovered naming the column (by position) when a value does not fit its hierarchy
         */
        int add(String[] values, String sensitiveValue) throws Hierarchy.Uncovered {
            int[] codes = new int[values.length];
            for (int c = 0; c < values.length; c++) {
                codes[c] = code(c, values[c]);
            }
            // A missing sensitive value is a value of its own for distinct l-diversity.
            int s = sensitiveCodes.computeIfAbsent(sensitiveValue, k -> sensitiveCodes.size());
            TupleKey key = new TupleKey(codes, s);
            Integer t = tupleIndex.get(key);
            if (t == null) {
                t = tupleCount++;
                if (t == count.length) {
                    count = Arrays.copyOf(count, t * 2);
                    sensitive = Arrays.copyOf(sensitive, t * 2);
                    for (int c = 0; c < tupleCodes.length; c++) {
                        tupleCodes[c] = Arrays.copyOf(tupleCodes[c], t * 2);
                    }
                }
                for (int c = 0; c < codes.length; c++) {
                    tupleCodes[c][t] = codes[c];
                }
                sensitive[t] = s;
                tupleIndex.put(key, t);
            }
            count[t]++;
            rows++;
            return t;
        }

        private int code(int c, String value) throws Hierarchy.Uncovered {
            Map<String, Integer> dict = dictionaries.get(c);
            Integer code = dict.get(value);
            if (code != null) {
                return code;
            }
            Hierarchy h = hierarchies.get(c);
            String[] levels = new String[h.height() + 1];
            for (int l = 0; l <= h.height(); l++) {
                levels[l] = value == null ? (l == h.height() ? Hierarchy.TOP : null) : h.apply(value, l);
            }
            code = dict.size();
            dict.put(value, code);
            generalised.get(c).add(levels);
            return code;
        }

        QiTable build() {
            return new QiTable(this);
        }
    }

    private record TupleKey(int[] codes, int sensitive) {
        @Override
        public boolean equals(Object o) {
            return o instanceof TupleKey k && k.sensitive == sensitive && Arrays.equals(k.codes, codes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(codes) * 31 + sensitive;
        }
    }
}
