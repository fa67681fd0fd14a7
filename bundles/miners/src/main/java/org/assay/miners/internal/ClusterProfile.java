package org.assay.miners.internal;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.assay.api.data.Column;
import org.assay.api.data.FieldType;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Per-cluster size, share, mean of each numeric column and most frequent value of each
 * nominal column, in the columns' original units (the data handed to Weka is never
 * standardized in place; standardizing happens inside the model). Not thread-safe.
 */
final class ClusterProfile {

    private final List<ClusterColumn> columns;
    private final List<String> labels;
    private final long[] sizes;
    private long unassigned;
    /** [column][cluster] for numeric columns; null for nominal ones. */
    private final double[][] sums;
    private final long[][] counts;
    /** [column][cluster][value index] for nominal columns; null for numeric ones. */
    private final long[][][] valueCounts;
    private final List<List<String>> nominalValues = new ArrayList<>();

    ClusterProfile(List<ClusterColumn> columns, Instances header, List<String> labels) {
        this.columns = List.copyOf(columns);
        this.labels = List.copyOf(labels);
        int k = labels.size();
        int m = columns.size();
        this.sizes = new long[k];
        this.sums = new double[m][];
        this.counts = new long[m][];
        this.valueCounts = new long[m][][];
        for (int j = 0; j < m; j++) {
            List<String> values = new ArrayList<>();
            if (columns.get(j).nominal()) {
                for (int v = 0; v < header.attribute(j).numValues(); v++) {
                    values.add(header.attribute(j).value(v));
                }
                valueCounts[j] = new long[k][values.size()];
            } else {
                sums[j] = new double[k];
                counts[j] = new long[k];
            }
            nominalValues.add(values);
        }
    }

    /** Counts one row; {@code cluster} is -1 for a row the clusterer could not place. */
    void add(Instance row, int cluster) {
        if (cluster < 0) {
            unassigned++;
            return;
        }
        sizes[cluster]++;
        for (int j = 0; j < sums.length; j++) {
            if (row.isMissing(j)) {
                continue;
            }
            double v = row.value(j);
            if (valueCounts[j] != null) {
                valueCounts[j][cluster][(int) v]++;
            } else {
                sums[j][cluster] += v;
                counts[j][cluster]++;
            }
        }
    }

    long size(int cluster) {
        return sizes[cluster];
    }

    long unassigned() {
        return unassigned;
    }

    /** Writes the profile as CSV: one row per cluster, plus one for unplaced rows if any. */
    void writeCsv(Writer out) throws IOException {
        List<String> header = new ArrayList<>(List.of("cluster", "size", "share %"));
        for (ClusterColumn c : columns) {
            header.add((c.nominal() ? "top " : "mean ") + c.name());
        }
        writeLine(out, header);
        long total = unassigned;
        for (long s : sizes) {
            total += s;
        }
        for (int cluster = 0; cluster < sizes.length; cluster++) {
            List<String> line = new ArrayList<>();
            line.add(labels.get(cluster));
            line.add(Long.toString(sizes[cluster]));
            line.add(percent(sizes[cluster], total));
            for (int j = 0; j < columns.size(); j++) {
                line.add(valueCounts[j] != null ? top(j, cluster) : mean(j, cluster));
            }
            writeLine(out, line);
        }
        if (unassigned > 0) {
            List<String> line = new ArrayList<>(List.of("(none)", Long.toString(unassigned), percent(unassigned, total)));
            for (int j = 0; j < columns.size(); j++) {
                line.add("");
            }
            writeLine(out, line);
        }
    }

    private String mean(int j, int cluster) {
        if (counts[j][cluster] == 0) {
            return "";
        }
        double mean = sums[j][cluster] / counts[j][cluster];
        FieldType type = columns.get(j).field().type();
        if (type == FieldType.DATE) {
            return LocalDate.ofEpochDay(Math.round(mean)).toString();
        }
        if (type == FieldType.TIMESTAMP) {
            return Instant.ofEpochMilli(Math.round(mean)).truncatedTo(ChronoUnit.SECONDS).toString();
        }
        return Column.formatDecimal(round(mean, 4));
    }

    /** Most frequent value with its share of the cluster; withheld for pii columns. */
    private String top(int j, int cluster) {
        long[] c = valueCounts[j][cluster];
        int best = -1;
        for (int v = 0; v < c.length; v++) {
            if (c[v] > 0 && (best < 0 || c[v] > c[best])) {
                best = v;
            }
        }
        if (best < 0) {
            return "";
        }
        if (columns.get(j).isPii()) {
            return "(pii, withheld)";
        }
        return nominalValues.get(j).get(best) + " (" + percent(c[best], sizes[cluster]) + "%)";
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0" : Column.formatDecimal(round(100.0 * part / whole, 1));
    }

    private static double round(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static void writeLine(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(csv(cells.get(i)));
        }
        out.write('\n');
    }

    private static String csv(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
