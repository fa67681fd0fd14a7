package org.assay.cleaners.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.FieldType;

/**
 * k-nearest-neighbour imputation. The first pass keeps each feature's mean and spread and a
 * seeded reservoir sample of the rows that have every feature (the reference rows, with their
 * values of the columns to fill). A missing value is then the mean (numbers; integers rounded) or
 * the most frequent value (text, booleans; ties to the nearer row) of the k nearest reference
 * rows that have one, the distance being the mean squared difference of standardised features
 * over the features the row has. Memory: the reference sample only; time: reference rows times
 * features for each value filled.
 */
final class Knn {

    private final int[] features;
    private final List<ColumnPlan> targets;
    private final int k;
    private final int capacity;
    private final Random random;
    private final double[] sum;
    private final double[] squares;
    private final long[] counts;
    private final double[][] reference;
    private final TypedValue[][] values;
    private double[] mean;
    private double[] spread;
    private int size;
    private long complete;

    Knn(int[] features, List<ColumnPlan> targets, int k, int capacity, long seed) {
        this.features = features.clone();
        this.targets = List.copyOf(targets);
        this.k = k;
        this.capacity = capacity;
        this.random = new Random(seed);
        int d = features.length;
        sum = new double[d];
        squares = new double[d];
        counts = new long[d];
        reference = new double[capacity][];
        values = new TypedValue[capacity][];
    }

    void observe(Batch b) {
        Column[] f = new Column[features.length];
        for (int j = 0; j < f.length; j++) {
            f[j] = b.column(features[j]);
        }
        for (int r = 0; r < b.rowCount(); r++) {
            double[] x = new double[f.length];
            boolean all = true;
            for (int j = 0; j < f.length; j++) {
                double v = f[j].isNull(r) ? Double.NaN : f[j].getDouble(r);
                x[j] = v;
                if (Double.isFinite(v)) {
                    sum[j] += v;
                    squares[j] += v * v;
                    counts[j]++;
                } else {
                    all = false;
                }
            }
            if (!all) {
                continue;
            }
            complete++;
            int slot = size < capacity ? size++ : random.nextLong(complete) < capacity ? random.nextInt(capacity) : -1;
            if (slot >= 0) {
                reference[slot] = x;
                TypedValue[] t = new TypedValue[targets.size()];
                for (int i = 0; i < t.length; i++) {
                    t[i] = value(b.column(targets.get(i).index), r);
                }
                values[slot] = t;
            }
        }
    }

    private static TypedValue value(Column c, int r) {
        if (c.isNull(r)) {
            return null;
        }
        return switch (c.type().storage()) {
            case LONG -> TypedValue.ofLong(c.type(), c.getLong(r));
            case DOUBLE -> Double.isFinite(c.getDouble(r)) ? TypedValue.ofDouble(c.getDouble(r)) : null;
            case TEXT -> TypedValue.ofText(c.type(), c.getString(r));
        };
    }

    private static Object key(FieldType type, TypedValue v) {
        return type.storage() == FieldType.Storage.TEXT ? v.text() : v.longValue();
    }

    void seal() {
        int d = features.length;
        mean = new double[d];
        spread = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = counts[j] == 0 ? 0 : sum[j] / counts[j];
            double var = counts[j] < 2 ? 0 : squares[j] / counts[j] - mean[j] * mean[j];
            spread[j] = var > 1e-12 ? Math.sqrt(var) : 1;
        }
    }

    /** Reference rows the fills are drawn from. */
    int referenceRows() {
        return size;
    }

    /** The value for target {@code t} in row {@code r} of the batch, or null when no near row has one. */
    TypedValue valueFor(int t, Batch b, int r) {
        double[] x = new double[features.length];
        boolean any = false;
        for (int j = 0; j < x.length; j++) {
            Column c = b.column(features[j]);
            x[j] = c.isNull(r) ? Double.NaN : (c.getDouble(r) - mean[j]) / spread[j];
            any |= Double.isFinite(x[j]);
        }
        if (!any) {
            return null;
        }
        double[] bestDistance = new double[k];
        int[] best = new int[k];
        int found = 0;
        for (int i = 0; i < size; i++) {
            if (values[i][t] == null) {
                continue;
            }
            double dist = 0;
            int used = 0;
            for (int j = 0; j < x.length; j++) {
                if (Double.isFinite(x[j])) {
                    double z = x[j] - (reference[i][j] - mean[j]) / spread[j];
                    dist += z * z;
                    used++;
                }
            }
            dist /= used;
            if (found < k || dist < bestDistance[found - 1]) {
                int at = found < k ? found++ : found - 1;
                while (at > 0 && bestDistance[at - 1] > dist) {
                    bestDistance[at] = bestDistance[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                bestDistance[at] = dist;
                best[at] = i;
            }
        }
        if (found == 0) {
            return null;
        }
        FieldType type = targets.get(t).field.type();
        if (type.isNumeric()) {
            double total = 0;
            for (int n = 0; n < found; n++) {
                TypedValue v = values[best[n]][t];
                total += type.storage() == FieldType.Storage.DOUBLE ? v.doubleValue() : v.longValue();
            }
            return TypedValue.ofNumber(type, total / found);
        }
        // Most frequent among the neighbours; of equally frequent values, the nearer row's.
        Map<Object, Integer> votes = new HashMap<>();
        int top = 0;
        for (int n = 0; n < found; n++) {
            top = Math.max(top, votes.merge(key(type, values[best[n]][t]), 1, Integer::sum));
        }
        TypedValue winner = null;
        for (int n = 0; n < found && winner == null; n++) {
            TypedValue v = values[best[n]][t];
            if (votes.get(key(type, v)) == top) {
                winner = v;
            }
        }
        return winner;
    }
}
