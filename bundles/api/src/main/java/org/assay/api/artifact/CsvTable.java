package org.assay.api.artifact;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a small CSV table artifact (a profile, a correlation table, rules, a forecast): a
 * header and rows of cells, UTF-8, comma-separated, {@code \n} line ends, a cell quoted only
 * where it holds a comma, a quote or a line break. The whole table is in memory: for summaries,
 * not for data (data leaves through a sink step). Stateless.
 */
public final class CsvTable {

    private CsvTable() {
    }

    /**
     * Writes {@code header} and {@code rows} to {@code file}, replacing it. A null cell is
     * written empty.
     */
    public static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(line(header));
            for (List<String> row : rows) {
                w.write(line(row));
            }
        }
    }

    private static String line(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(cells.get(i)));
        }
        return b.append('\n').toString();
    }

    /** A cell as written: empty for null, quoted (quotes doubled) when it needs to be. */
    public static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** A statistic as text: empty for NaN (undefined), whole numbers without ".0", otherwise 10 significant digits. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.10g", v)));
    }
}
