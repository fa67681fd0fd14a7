package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.FieldType;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Turns batches into Weka {@link Instances}, one pass, O(rows x columns), no boxing: each
 * column's primitive array is copied straight into per-row {@code double[]}s, which become
 * the instances' own value arrays ({@link DenseInstance} keeps the array it is given, and
 * {@link Instances#add} copies only the wrapper).
 *
 * <p>Nulls (and NaN decimals) become Weka's missing value. Categorical values become indexes
 * of a nominal attribute whose values are the field's declared categories followed by the
 * values met in the data, in order of appearance; string values (a column read as text that
 * is used as a category) become a nominal attribute of the values met, sorted, so the header
 * does not depend on the order of the rows; booleans are nominal {false, true}.
 *
 * <p>Not thread-safe. Use: {@link #add} each batch, then {@link #toInstances} once; the
 * columns given to {@link #toInstances} may be fewer than those converted, so a column can be
 * dropped after looking at its values ({@link #valuesDiffer}) without another pass.
 */
final class InstancesConverter {

    private static final List<String> BOOLEAN_VALUES = List.of("false", "true");

    private final List<ClusterColumn> columns;
    private final NominalValues[] dictionaries;
    /** Per converted column, the most distinct text values to keep (0: no limit), and whether more came. */
    private final int[] maxValues;
    private final boolean[] overflowed;
    private List<double[]> rows = new ArrayList<>();
    private long rowsWithMissing;

    InstancesConverter(List<ClusterColumn> columns) {
        this.columns = List.copyOf(columns);
        this.dictionaries = new NominalValues[columns.size()];
        this.maxValues = new int[columns.size()];
        this.overflowed = new boolean[columns.size()];
        for (int j = 0; j < dictionaries.length; j++) {
            ClusterColumn c = columns.get(j);
            if (c.nominal() && c.field().type() == FieldType.CATEGORICAL) {
                dictionaries[j] = new NominalValues(c.field().categories());
            } else if (c.nominal() && c.field().type() == FieldType.STRING) {
                dictionaries[j] = new NominalValues(List.of());
            }
        }
    }

    /**
     * Keeps at most {@code max} distinct values of text column {@code j}: a column with more
     * will not be used (see {@link PredictorColumns}), so its values stop being remembered
     * (bounded memory for ids and free text) and later new ones read as missing.
     */
    void limitValues(int j, int max) {
        maxValues[j] = max;
    }

    /** Whether text column {@code j} met more distinct values than {@link #limitValues} allows. */
    boolean overflowed(int j) {
        return overflowed[j];
    }

    /** Appends the batch's rows. */
    void add(Batch batch) {
        int n = batch.rowCount();
        int k = columns.size();
        double[][] block = new double[n][k];
        for (int j = 0; j < k; j++) {
            Column column = batch.column(columns.get(j).position());
            fill(column, j, block, n);
        }
        for (double[] row : block) {
            rows.add(row);
        }
    }

    private void fill(Column column, int j, double[][] block, int n) {
        boolean hasNulls = column.nullCount() > 0;
        double missing = Utils.missingValue();
        switch (column.type().storage()) {
            case DOUBLE -> {
                double[] v = column.doubles();
                for (int r = 0; r < n; r++) {
                    block[r][j] = hasNulls && column.isNull(r) ? missing : v[r];
                }
            }
            case LONG -> {
                long[] v = column.longs();
                if (column.type() == FieldType.BOOLEAN) {
                    for (int r = 0; r < n; r++) {
                        block[r][j] = hasNulls && column.isNull(r) ? missing : (v[r] != 0 ? 1 : 0);
                    }
                } else {
                    for (int r = 0; r < n; r++) {
                        block[r][j] = hasNulls && column.isNull(r) ? missing : v[r];
                    }
                }
            }
            case TEXT -> {
                String[] v = column.texts();
                NominalValues dictionary = dictionaries[j];
                int max = maxValues[j];
                for (int r = 0; r < n; r++) {
                    String s = v[r];
                    if (s == null) {
                        block[r][j] = missing;
                    } else if (max > 0 && dictionary.values().size() >= max && !dictionary.contains(s)) {
                        overflowed[j] = true;
                        block[r][j] = missing;
                    } else {
                        block[r][j] = dictionary.indexOf(s);
                    }
                }
            }
        }
    }

    int rowCount() {
        return rows.size();
    }

    /** Rows with a missing value in at least one column kept by {@link #toInstances}; 0 before it. */
    long rowsWithMissing() {
        return rowsWithMissing;
    }

    /** How many distinct values nominal converted column {@code j} met (declared categories included). */
    int distinctValues(int j) {
        return dictionaries[j] == null ? 0 : dictionaries[j].values().size();
    }

    /** Rows with a value (not missing) in converted column {@code j}. */
    long rowsWithValue(int j) {
        long n = 0;
        for (double[] row : rows) {
            n += Double.isNaN(row[j]) ? 0 : 1;
        }
        return n;
    }

    /** Whether no two rows share a value in converted column {@code j}; missing values do not count. */
    boolean valuesDiffer(int j) {
        double[] values = new double[rows.size()];
        int n = 0;
        for (double[] row : rows) {
            if (!Double.isNaN(row[j])) {
                values[n++] = row[j];
            }
        }
        Arrays.sort(values, 0, n);
        for (int i = 1; i < n; i++) {
            if (values[i] == values[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The dataset over {@code kept}, in input order; the converter lets go of its rows.
     *
     * @param kept the converted columns to keep, in their converted order
     */
    Instances toInstances(String relationName, List<ClusterColumn> kept) {
        int[] from = new int[kept.size()];
        for (int k = 0, j = 0; k < kept.size(); k++, j++) {
            while (!columns.get(j).equals(kept.get(k))) {
                j++;
            }
            from[k] = j;
        }
        boolean all = from.length == columns.size();
        ArrayList<Attribute> attributes = new ArrayList<>(from.length);
        // Per kept column, old index -> sorted index for string columns; null for the others.
        int[][] remap = new int[from.length][];
        boolean anyRemap = false;
        for (int k = 0; k < from.length; k++) {
            int j = from[k];
            ClusterColumn c = columns.get(j);
            if (!c.nominal()) {
                attributes.add(new Attribute(c.name()));
            } else if (dictionaries[j] != null && c.field().type() == FieldType.STRING) {
                List<String> sorted = new ArrayList<>(dictionaries[j].values());
                sorted.sort(null);
                remap[k] = new int[sorted.size()];
                for (int v = 0; v < sorted.size(); v++) {
                    remap[k][dictionaries[j].indexOf(sorted.get(v))] = v;
                }
                anyRemap = true;
                attributes.add(new Attribute(c.name(), sorted));
            } else if (dictionaries[j] != null) {
                attributes.add(new Attribute(c.name(), dictionaries[j].values()));
            } else {
                attributes.add(new Attribute(c.name(), BOOLEAN_VALUES));
            }
        }
        Instances data = new Instances(relationName, attributes, rows.size());
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            if (!all) {
                double[] narrow = new double[from.length];
                for (int k = 0; k < from.length; k++) {
                    narrow[k] = row[from[k]];
                }
                row = narrow;
            }
            if (anyRemap) {
                for (int k = 0; k < row.length; k++) {
                    if (remap[k] != null && !Double.isNaN(row[k])) {
                        row[k] = remap[k][(int) row[k]];
                    }
                }
            }
            // Let the wide row go as soon as its narrow copy exists: one copy of the data at a time.
            rows.set(r, null);
            for (double v : row) {
                if (Double.isNaN(v)) {
                    rowsWithMissing++;
                    break;
                }
            }
            data.add(new DenseInstance(1.0, row));
        }
        rows = new ArrayList<>();
        return data;
    }

    /** Values of one nominal attribute, in the order their indexes were given out. */
    private static final class NominalValues {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        NominalValues(List<String> declared) {
            for (String v : declared) {
                indexOf(v);
            }
        }

        int indexOf(String value) {
            Integer i = index.get(value);
            if (i == null) {
                i = values.size();
                index.put(value, i);
                values.add(value);
            }
            return i;
        }

        List<String> values() {
            return values;
        }

        boolean contains(String value) {
            return index.containsKey(value);
        }
    }
}
