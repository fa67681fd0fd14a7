package org.assay.engine.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's quarantine file, {@code quarantine.csv}: step, row, reason, record. Shared by
 * the steps of one run; methods are synchronized. Keeps the first rows in memory for the
 * report.
 */
final class QuarantineLog implements AutoCloseable {

    static final String FILE_NAME = "quarantine.csv";
    private static final int PREVIEW = 50;

    /** A quarantined row as the report shows it. */
    record Entry(String stepId, long row, String reason, String record) { }

    private final Path file;
    private BufferedWriter out;
    private final List<Entry> preview = new ArrayList<>();

    QuarantineLog(Path runFolder) {
        this.file = runFolder.resolve(FILE_NAME);
    }

    synchronized void add(String stepId, long row, String record, String reason) {
        try {
            if (out == null) {
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                out.write("step,row,reason,record\n");
            }
            out.write(csv(stepId) + "," + row + "," + csv(reason) + "," + csv(record) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        if (preview.size() < PREVIEW) {
            preview.add(new Entry(stepId, row, reason, record));
        }
    }

    /** Drops a replayed step's earlier entries from the preview (the file keeps them, marked by attempt order). */
    synchronized void forgetPreview(String stepId) {
        preview.removeIf(e -> e.stepId().equals(stepId));
    }

    synchronized List<Entry> preview() {
        return List.copyOf(preview);
    }

    synchronized boolean exists() {
        return out != null;
    }

    Path file() {
        return file;
    }

    static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
