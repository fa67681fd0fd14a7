package org.assay.engine.internal.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time (RFC 4180 quoting as the engine and {@code CsvTable} write it:
 * a quoted cell may hold commas, doubled quotes, CR and LF): the run's own files, the
 * quarantine among them. Public for {@link org.assay.engine.QuarantineFile}; not exported.
 */
public final class CsvRecords {

    private CsvRecords() {
    }

    /**
     * Counts the records left, without keeping them: a newline inside quotes is no record end
     * (a doubled quote toggles twice, so it needs no look-ahead). For "N more in the file" under a
     * table that shows the first rows of a big file.
     */
    public static long count(BufferedReader r) throws IOException {
        char[] buf = new char[1 << 14];
        long records = 0;
        boolean quoted = false;
        boolean open = false;
        for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
            for (int i = 0; i < n; i++) {
                char c = buf[i];
                if (c == '"') {
                    quoted = !quoted;
                    open = true;
                } else if (c == '\n' && !quoted) {
                    records++;
                    open = false;
                } else {
                    open = true;
                }
            }
        }
        return open ? records + 1 : records;
    }

    /** The next record, or null at the end; CR LF and LF end a record outside quotes. */
    public static List<String> next(BufferedReader r) throws IOException {
        int c = r.read();
        if (c < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    fields.add(field.toString());
                    return fields;
                }
                if (c == '"') {
                    r.mark(1);
                    int next = r.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next >= 0) {
                            r.reset();
                        }
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c < 0 || c == '\n') {
                fields.add(field.toString());
                return fields;
            } else if (c == '\r') {
                // CR LF: the LF ends the record.
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else {
                field.append((char) c);
            }
            c = r.read();
        }
    }
}
