package org.assay.sequences.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepContext;

/**
 * One sequence of observations per key (one row per key and period), ordered by the period
 * column. Each observation column is an integer count (a Poisson emission), a decimal (a
 * Gaussian one) or text (a categorical one, coded 0..n-1); a missing value is NaN and left out of the emission, so a gap in one column does
 * not drop the period.
 */
final class Observations {

    private final int key;
    private final int order;
    private final int[] columns;
    private final boolean[] categorical;
    private final boolean[] count;
    private final List<String> names;
    private final List<Map<String, Integer>> codes = new ArrayList<>();
    private final List<List<String>> categories = new ArrayList<>();
    private final Map<String, Integer> keyIndex = new LinkedHashMap<>();
    private final List<String> keys = new ArrayList<>();
    private int[] rowKey = new int[1024];
    private double[] rowOrder = new double[1024];
    private double[] values;
    private int size;
    private long rows;
    private long rejected;

    private int[] offsets;
    private double[] sorted;

    Observations(Schema schema, String keyColumn, String orderColumn, List<String> observed) {
        key = schema.require(keyColumn);
        order = schema.require(orderColumn);
        columns = observed.stream().mapToInt(schema::require).toArray();
        categorical = new boolean[columns.length];
        count = new boolean[columns.length];
        names = List.copyOf(observed);
        for (int d = 0; d < columns.length; d++) {
            categorical[d] = schema.field(columns[d]).type().storage() == FieldType.Storage.TEXT
                    || schema.field(columns[d]).type() == FieldType.BOOLEAN;
            count[d] = schema.field(columns[d]).type() == FieldType.INTEGER;
            codes.add(new HashMap<>());
            categories.add(new ArrayList<>());
        }
        values = new double[1024 * columns.length];
    }

    void add(Batch b, StepContext ctx) {
        Column k = b.column(key);
        Column o = b.column(order);
        Column[] c = new Column[columns.length];
        for (int d = 0; d < columns.length; d++) {
            c[d] = b.column(columns[d]);
        }
        boolean orderIsDouble = o.type().storage() == FieldType.Storage.DOUBLE;
        for (int r = 0; r < b.rowCount(); r++) {
            rows++;
            String reason = k.isNull(r) ? "the row has no key" : o.isNull(r) || orderIsDouble
                    && !Double.isFinite(o.getDouble(r)) ? "the row has no period" : null;
            if (reason == null) {
                boolean any = false;
                for (int d = 0; d < columns.length; d++) {
                    any |= !c[d].isNull(r) && (categorical[d] || Double.isFinite(c[d].getDouble(r)));
                }
                reason = any ? null : "the row has no observation";
                for (int d = 0; d < columns.length && reason == null; d++) {
                    if (count[d] && !c[d].isNull(r) && c[d].getLong(r) < 0) {
                        reason = names.get(d) + " is a count (an integer column) and below zero";
                    }
                }
            }
            if (reason != null) {
                rejected++;
                ctx.quarantine().reject(rows, b, r, reason);
                continue;
            }
            if (size == rowKey.length) {
                rowKey = Arrays.copyOf(rowKey, size * 2);
                rowOrder = Arrays.copyOf(rowOrder, size * 2);
                values = Arrays.copyOf(values, size * 2 * columns.length);
            }
            String kv = k.getString(r);
            Integer at = keyIndex.get(kv);
            if (at == null) {
                at = keys.size();
                keyIndex.put(kv, at);
                keys.add(kv);
            }
            rowKey[size] = at;
            rowOrder[size] = orderIsDouble ? o.getDouble(r) : o.getLong(r);
            for (int d = 0; d < columns.length; d++) {
                values[size * columns.length + d] = c[d].isNull(r) ? Double.NaN
                        : categorical[d] ? code(d, c[d].getString(r)) : c[d].getDouble(r);
            }
            size++;
        }
    }

    private int code(int d, String value) {
        Integer at = codes.get(d).get(value);
        if (at == null) {
            at = categories.get(d).size();
            codes.get(d).put(value, at);
            categories.get(d).add(value);
        }
        return at;
    }

    /** Groups the rows by key and orders each sequence by period (stable). */
    void seal() {
        int n = keys.size();
        int dims = columns.length;
        offsets = new int[n + 1];
        for (int i = 0; i < size; i++) {
            offsets[rowKey[i] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            offsets[i + 1] += offsets[i];
        }
        int[] fill = Arrays.copyOf(offsets, n);
        int[] position = new int[size];
        for (int i = 0; i < size; i++) {
            position[fill[rowKey[i]]++] = i;
        }
        for (int s = 0; s < n; s++) {
            Integer[] box = new Integer[offsets[s + 1] - offsets[s]];
            for (int i = 0; i < box.length; i++) {
                box[i] = position[offsets[s] + i];
            }
            Arrays.sort(box, (a, b) -> Double.compare(rowOrder[a], rowOrder[b]));
            for (int i = 0; i < box.length; i++) {
                position[offsets[s] + i] = box[i];
            }
        }
        sorted = new double[size * dims];
        for (int i = 0; i < size; i++) {
            System.arraycopy(values, position[i] * dims, sorted, i * dims, dims);
        }
        values = null;
        rowKey = null;
        rowOrder = null;
    }

    int sequences() {
        return keys.size();
    }

    String key(int s) {
        return keys.get(s);
    }

    int start(int s) {
        return offsets[s];
    }

    int end(int s) {
        return offsets[s + 1];
    }

    int periods() {
        return size;
    }

    int dims() {
        return columns.length;
    }

    /** The value of dimension d at period t (a category code for a categorical dimension); NaN when missing. */
    double value(int t, int d) {
        return sorted[t * columns.length + d];
    }

    /** Whether dimension d is an integer count, modelled as Poisson. */
    boolean count(int d) {
        return count[d];
    }

    boolean categorical(int d) {
        return categorical[d];
    }

    List<String> categories(int d) {
        return categories.get(d);
    }

    String name(int d) {
        return names.get(d);
    }

    long rows() {
        return rows;
    }

    long rejected() {
        return rejected;
    }
}
