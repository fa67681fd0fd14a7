package org.assay.governance.internal.subject;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Marks a stored model version tainted: keys {@code tainted}, {@code tainted.at} and
 * {@code tainted.reason} in its {@code model.properties}, which the model store keeps beside the
 * model and shows with {@code assay:model-show} (the keys of {@link org.assay.api.audit.ModelTaint},
 * which every loader of a stored model checks, so a tainted version is never scored or promoted).
 * The model itself is left as it is: what it learnt from the subject cannot be taken out of it;
 * retrain it (re-run its workflow).
 */
final class ModelTaint {

    private ModelTaint() {
    }

    static Map<String, String> read(Path properties) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    static void mark(Path properties, String reason, Instant at) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        p.setProperty(org.assay.api.audit.ModelTaint.TAINTED, "true");
        p.setProperty(org.assay.api.audit.ModelTaint.AT, at.toString());
        p.setProperty(org.assay.api.audit.ModelTaint.REASON, reason);
        Path tmp = Files.createTempFile(properties.getParent(), ".taint-", ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, null);
        }
        Files.move(tmp, properties, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
