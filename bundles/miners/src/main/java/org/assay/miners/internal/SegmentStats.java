package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;

/**
 * What a marketing analyst asks of segments, counted over every input column rather than
 * only those clustered on: for each number or date column every value per segment (for
 * means, medians and quartiles; dates become days before the latest date of the column), for
 * each text, categorical or boolean column the count of each value per segment, and the
 * missing values per column and segment. Columns tagged id or pii, key-like names and the
 * cluster column are left out. Holds one double per numeric cell, as the Weka copy of the
 * data does. Not thread-safe.
 */
final class SegmentStats {

    /** A text column with more distinct values than this is not profiled: it names, it does not group. */
    static final int MAX_VALUES = 200;

    /** A number or date column. */
    static final class Measure {
        final String name;
        final FieldType type;
        final int index;
        final DoubleList[] values;
        final long[] missing;

        Measure(String name, FieldType type, int index, int k) {
            this.name = name;
            this.type = type;
            this.index = index;
            this.values = new DoubleList[k];
            this.missing = new long[k];
            for (int c = 0; c < k; c++) {
                values[c] = new DoubleList();
            }
        }

        boolean temporal() {
            return type == FieldType.DATE || type == FieldType.TIMESTAMP;
        }
    }

    /** A text, categorical or boolean column. */
    static final class Composition {
        final String name;
        final int index;
        final Map<String, long[]> counts = new HashMap<>();
        final long[] missing;
        boolean tooMany;

        Composition(String name, int index, int k) {
            this.name = name;
            this.index = index;
            this.missing = new long[k];
        }
    }

    final List<String> labels;
    final long[] sizes;
    final List<Measure> measures = new ArrayList<>();
    final List<Composition> compositions = new ArrayList<>();
    long unassigned;

    SegmentStats(Schema schema, String clusterColumn, List<String> labels) {
        this.labels = List.copyOf(labels);
        int k = labels.size();
        this.sizes = new long[k];
        for (int i = 0; i < schema.size(); i++) {
            Field f = schema.field(i);
            if (f.name().equals(clusterColumn) || f.has(FieldTag.ID) || f.has(FieldTag.PII)
                    || ClusterColumns.keyLikeName(f.name()) != null || isImputeIndicator(f)) {
                continue;
            }
            switch (f.type()) {
                case INTEGER, DECIMAL, DATE, TIMESTAMP -> measures.add(new Measure(f.name(), f.type(), i, k));
                case STRING, CATEGORICAL, BOOLEAN -> compositions.add(new Composition(f.name(), i, k));
                default -> { }
            }
        }
    }

    /**
     * Impute's {@code <column>_was_missing} flags say which values were filled, not what a
     * customer is like: no segment is "most often income was missing false". The impute step's
     * own report section counts them.
     */
    private static boolean isImputeIndicator(Field f) {
        return f.type() == FieldType.BOOLEAN && f.name().endsWith("_was_missing");
    }

    /** Counts row {@code r} of the batch in {@code cluster}, or as unplaced when it is -1. */
    void add(Batch batch, int r, int cluster) {
        if (cluster < 0) {
            unassigned++;
            return;
        }
        sizes[cluster]++;
        for (Measure m : measures) {
            Column col = batch.column(m.index);
            if (col.isNull(r)) {
                m.missing[cluster]++;
            } else {
                double v = col.getDouble(r);
                if (Double.isFinite(v)) {
                    m.values[cluster].add(v);
                }
            }
        }
        for (Composition c : compositions) {
            String v = batch.column(c.index).getString(r);
            if (v == null || v.isEmpty()) {
                c.missing[cluster]++;
                continue;
            }
            if (c.tooMany) {
                continue;
            }
            long[] n = c.counts.get(v);
            if (n == null) {
                if (c.counts.size() >= MAX_VALUES) {
                    c.tooMany = true;
                    c.counts.clear();
                    continue;
                }
                n = new long[labels.size()];
                c.counts.put(v, n);
            }
            n[cluster]++;
        }
    }

    long placed() {
        return Arrays.stream(sizes).sum();
    }

    /** The measure of that name, or null. */
    Measure measure(String name) {
        return measures.stream().filter(m -> m.name.equals(name)).findFirst().orElse(null);
    }

    /** A growable array of doubles. */
    static final class DoubleList {
        private double[] a = new double[16];
        private int n;

        void add(double v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        double get(int i) {
            return a[i];
        }

        /** The values sorted, in a new array. */
        double[] sorted() {
            double[] s = Arrays.copyOf(a, n);
            Arrays.sort(s);
            return s;
        }
    }
}
