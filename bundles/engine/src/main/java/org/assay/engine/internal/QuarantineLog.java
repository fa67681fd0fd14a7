package org.assay.engine.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's quarantine. While the run goes, each step attempt writes its rejected rows to
 * its own part file (JSON lines, in the spool folder), so a replayed or interrupted attempt
 * leaves nothing behind and a resumed run keeps the parts of the steps already done. At the
 * end the parts become {@code quarantine.csv} (step, row, reason, record) in step order.
 * Shared by the steps of one run; methods are synchronized.
 */
final class QuarantineLog implements AutoCloseable {

    static final String FILE_NAME = "quarantine.csv";
    private static final int PREVIEW = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory JSON_FACTORY = JSON.getFactory();

    /** A quarantined row as the report shows it. */
    record Entry(String stepId, long row, String reason, String record) { }

    private final Path file;
    private final Path partsDir;
    private final Map<String, JsonGenerator> open = new HashMap<>();
    /** The attempt of each step whose rows are kept; rows from an abandoned attempt are not. */
    private final Map<String, Integer> attempts = new HashMap<>();
    private boolean closed;
    private boolean written;

    QuarantineLog(Path runFolder, Path partsDir) {
        this.file = runFolder.resolve(FILE_NAME);
        this.partsDir = partsDir;
    }

    private Path part(String stepId) {
        return partsDir.resolve(stepId + ".quarantine.jsonl");
    }

    synchronized void add(String stepId, int attempt, long row, String record, String reason) {
        if (closed || attempts.getOrDefault(stepId, 0) != attempt) {
            return;
        }
        try {
            JsonGenerator g = open.get(stepId);
            if (g == null) {
                BufferedWriter w = Files.newBufferedWriter(part(stepId), StandardCharsets.UTF_8);
                g = JSON_FACTORY.createGenerator(w);
                g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
                open.put(stepId, g);
            }
            g.writeStartObject();
            g.writeNumberField("row", row);
            g.writeStringField("reason", reason);
            g.writeStringField("record", record);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the quarantine of step '" + stepId + "' under " + partsDir, e);
        }
    }

    /** A step starts (again): whatever an earlier attempt quarantined is forgotten. */
    synchronized void startAttempt(String stepId, int attempt) {
        attempts.put(stepId, attempt);
        try {
            JsonGenerator g = open.remove(stepId);
            if (g != null) {
                g.close();
            }
            Files.deleteIfExists(part(stepId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset the quarantine of step '" + stepId + "'", e);
        }
    }

    /**
     * Writes {@code quarantine.csv} from the parts of the given steps, in that order, if any
     * row was quarantined. @return the first rows, for the report
     */
    synchronized List<Entry> finish(List<String> stepOrder) throws IOException {
        closeParts();
        closed = true;
        List<Entry> preview = new ArrayList<>();
        BufferedWriter out = null;
        try {
            for (String stepId : stepOrder) {
                Path part = part(stepId);
                if (!Files.isRegularFile(part)) {
                    continue;
                }
                try (BufferedReader in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.isBlank()) {
                            continue;
                        }
                        JsonNode n = JSON.readTree(line);
                        Entry e = new Entry(stepId, n.path("row").asLong(), n.path("reason").asText(null),
                                n.path("record").asText(null));
                        if (out == null) {
                            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                            out.write("step,row,reason,record\n");
                        }
                        out.write(csv(e.stepId()) + "," + e.row() + "," + csv(e.reason()) + "," + csv(e.record()) + "\n");
                        if (preview.size() < PREVIEW) {
                            preview.add(e);
                        }
                    }
                }
            }
        } finally {
            if (out != null) {
                out.close();
                written = true;
            }
        }
        return preview;
    }

    synchronized boolean exists() {
        return written;
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

    private void closeParts() throws IOException {
        for (JsonGenerator g : open.values()) {
            g.close();
        }
        open.clear();
    }

    /** Closes the part files; they stay for {@link #finish} or for a resumed run. */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        closeParts();
    }
}
