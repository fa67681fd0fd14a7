package org.assay.visualizers.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.assay.api.data.Column;

/**
 * The numbers behind a chart, written next to it as CSV (RFC 4180: CRLF, quotes doubled),
 * so a reader can check or re-plot what the image shows. Rows are held until written;
 * charts hold only what they draw, so the table stays small.
 */
final class CsvTable {

    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();

    CsvTable(String... header) {
        this.header = List.of(header);
    }

    CsvTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** Adds a row; numbers are written as {@link Column#formatDecimal}, null as an empty cell. */
    CsvTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row of " + cells.length + " cells for " + header.size() + " columns");
        }
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = cell(cells[i]);
        }
        rows.add(text);
        return this;
    }

    int size() {
        return rows.size();
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "" : Column.formatDecimal(d);
        }
        return v.toString();
    }

    void write(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeRow(w, header);
            for (String[] row : rows) {
                writeRow(w, Arrays.asList(row));
            }
        }
    }

    private static void writeRow(BufferedWriter w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                w.write('"');
                w.write(cell.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(cell);
            }
        }
        w.write("\r\n");
    }
}
