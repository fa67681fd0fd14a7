package org.assay.engine.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which spool file holds each committed step output ({@code "step.port"}), kept in the
 * run's spool folder as {@code outputs.json} so that a resumed run finds the results of
 * the steps that had finished. One per run; the file is replaced atomically.
 */
final class SpoolIndex {

    static final String SPOOL_DIR = ".spool";
    private static final String FILE = "outputs.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path spoolDir;
    private final Map<String, Path> outputs;

    SpoolIndex(Path spoolDir, Map<String, Path> kept) {
        this.spoolDir = spoolDir;
        this.outputs = new ConcurrentHashMap<>(kept);
    }

    Path dir() {
        return spoolDir;
    }

    /** The committed spool of {@code step.port}, or null. */
    Path get(String stepId, String port) {
        return outputs.get(stepId + "." + port);
    }

    /** Records a step's committed outputs (port to file) and rewrites the index file. */
    synchronized void commit(String stepId, Map<String, Path> byPort) throws IOException {
        byPort.forEach((port, file) -> outputs.put(stepId + "." + port, file));
        ObjectNode index = JSON.createObjectNode();
        new TreeMap<>(outputs).forEach((key, file) -> index.put(key, file.getFileName().toString()));
        Path tmp = spoolDir.resolve(FILE + ".tmp");
        Files.writeString(tmp, index.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, spoolDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The outputs recorded in a run's spool folder whose files still exist. */
    static Map<String, Path> read(Path spoolDir) throws IOException {
        Map<String, Path> kept = new HashMap<>();
        Path index = spoolDir.resolve(FILE);
        if (Files.isRegularFile(index)) {
            JSON.readTree(index.toFile()).fields().forEachRemaining(e -> {
                Path file = spoolDir.resolve(e.getValue().asText());
                if (Files.isRegularFile(file)) {
                    kept.put(e.getKey(), file);
                }
            });
        }
        return kept;
    }
}
