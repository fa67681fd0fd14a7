package org.assay.rest.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Pages through a run's quarantine file ({@code step,row,reason,record}, RFC 4180 quoting as
 * the engine writes it), streaming: only the page is kept in memory.
 */
final class QuarantineCsv {

    private QuarantineCsv() {
    }

    /**
     * Hands the rows {@code offset} to {@code offset+limit-1} (0-based, header excluded) to
     * {@code row}.
     *
     * @return how many rows the file has
     */
    static long page(InputStream in, long offset, int limit, Consumer<List<String>> row) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> header = record(r);
        if (header == null) {
            return 0;
        }
        long n = 0;
        for (List<String> rec; (rec = record(r)) != null; n++) {
            if (n >= offset && n < offset + limit) {
                while (rec.size() < 4) {
                    rec.add("");
                }
                row.accept(rec);
            }
        }
        return n;
    }

    /** The next record, or null at the end; a quoted field may span lines. */
    static List<String> record(BufferedReader r) throws IOException {
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
