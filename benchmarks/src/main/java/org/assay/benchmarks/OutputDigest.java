package org.assay.benchmarks;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order-independent digest of a CSV output file: its data rows and, per chosen column,
 * the non-null values and their sum. Every implementation's output (Assay, polars, pandas) is
 * digested by this one class, so they are compared on the same terms whatever their row order
 * or number formatting ("41" and "41.0" are the same number). A benchmark whose
 * implementations compute different results would compare nothing.
 */
final class OutputDigest {

    /** How a column's values are summed. */
    enum Kind {
        /** Parsed as a double, summed with compensation; compared with a relative tolerance. */
        NUMBER,
        /** An ISO date (the first 10 characters), summed as epoch days; compared exactly. */
        DATE,
        /** The text's hash code, summed; compared exactly. */
        TEXT
    }

    /** Texts that mean "no value" in any of the outputs: empty (all tools) or NA. */
    private static boolean isNull(String v) {
        return v.isEmpty() || v.equals("NA") || v.equals("NaN") || v.equals("null");
    }

    /** One column's figures. {@code exact} holds date and text sums, {@code sum} number sums. */
    record ColumnSum(String column, Kind kind, long values, long exact, double sum) {

        String describe() {
            return column + ": " + values + " values, sum " + (kind == Kind.NUMBER ? String.format("%.6f", sum)
                    : Long.toString(exact));
        }
    }

    record Digest(long rows, List<ColumnSum> columns) {

        ColumnSum column(String name) {
            return columns.stream().filter(c -> c.column.equals(name)).findFirst().orElse(null);
        }

        /** Rows and the sums of the number columns named: the figures a reader compares by eye. */
        String summary(String... shown) {
            StringBuilder s = new StringBuilder(String.format("%,d rows", rows));
            for (String name : shown) {
                ColumnSum c = column(name);
                s.append(String.format(", sum(%s)=%.2f", name, c == null ? Double.NaN : c.sum));
            }
            return s.toString();
        }
    }

    /** Relative tolerance on number sums: sums in another order differ in their last bits only. */
    static final double TOLERANCE = 1e-9;

    private OutputDigest() {
    }

    /**
     * Digests the named columns of a CSV with a header line.
     *
     * @throws IllegalStateException when a named column is missing or a value is not of its kind
     */
    static Digest of(Path csv, Map<String, Kind> columns) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            Iterator<CsvRecord> it = reader.iterator();
            if (!it.hasNext()) {
                throw new IllegalStateException(csv + " is empty, expected a header line");
            }
            List<String> header = it.next().getFields();
            int n = columns.size();
            int[] index = new int[n];
            Kind[] kinds = new Kind[n];
            String[] names = new String[n];
            int k = 0;
            for (Map.Entry<String, Kind> e : columns.entrySet()) {
                index[k] = header.indexOf(e.getKey());
                if (index[k] < 0) {
                    throw new IllegalStateException(csv.getFileName() + " has no column " + e.getKey() + "; it has "
                            + header);
                }
                names[k] = e.getKey();
                kinds[k++] = e.getValue();
            }
            long rows = 0;
            long[] values = new long[n];
            long[] exact = new long[n];
            double[] sum = new double[n];
            double[] compensation = new double[n];
            while (it.hasNext()) {
                CsvRecord rec = it.next();
                rows++;
                for (int i = 0; i < n; i++) {
                    String v = rec.getField(index[i]);
                    if (isNull(v)) {
                        continue;
                    }
                    values[i]++;
                    switch (kinds[i]) {
                        case NUMBER -> {
                            double y = number(v, names[i], rows) - compensation[i];
                            double t = sum[i] + y;
                            compensation[i] = (t - sum[i]) - y;
                            sum[i] = t;
                        }
                        case DATE -> exact[i] += LocalDate.parse(v.substring(0, Math.min(10, v.length())))
                                .toEpochDay();
                        case TEXT -> exact[i] += v.hashCode();
                    }
                }
            }
            List<ColumnSum> sums = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sums.add(new ColumnSum(names[i], kinds[i], values[i], exact[i], sum[i]));
            }
            return new Digest(rows, sums);
        }
    }

    private static double number(String v, String column, long row) {
        // Booleans count as 0/1, as the tools' sums of a boolean column do.
        if (v.equalsIgnoreCase("true")) {
            return 1;
        }
        if (v.equalsIgnoreCase("false")) {
            return 0;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("column " + column + ", data row " + row + ": '" + v
                    + "' is not a number", e);
        }
    }

    /** Where {@code actual} differs from {@code expected}; empty when they agree. */
    static List<String> differences(Digest expected, Digest actual) {
        List<String> out = new ArrayList<>();
        if (expected.rows != actual.rows) {
            out.add("rows " + actual.rows + " instead of " + expected.rows);
        }
        Map<String, ColumnSum> byName = new LinkedHashMap<>();
        actual.columns.forEach(c -> byName.put(c.column, c));
        for (ColumnSum e : expected.columns) {
            ColumnSum a = byName.get(e.column);
            if (a == null) {
                out.add("no column " + e.column);
            } else if (a.values != e.values) {
                out.add(e.column + " has " + a.values + " values instead of " + e.values);
            } else if (e.kind == Kind.NUMBER ? !close(e.sum, a.sum) : e.exact != a.exact) {
                out.add(e.column + " sums to " + a.describe() + " instead of " + e.describe());
            }
        }
        return out;
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= TOLERANCE * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }
}
