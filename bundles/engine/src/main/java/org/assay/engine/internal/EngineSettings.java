package org.assay.engine.internal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@link EngineConfig} resolved to concrete paths and durations; what the engine classes
 * take, so tests can build one without OSGi.
 */
record EngineSettings(Path workflowDir, Path dataDir, int threads, Duration stepWaitTimeout, Duration scanInterval,
        boolean keepSpools) {

    static EngineSettings from(EngineConfig c) {
        String base = System.getProperty("karaf.base", ".");
        String data = System.getProperty("karaf.data", base + "/data");
        return new EngineSettings(
                Path.of(c.workflowDir().isBlank() ? base + "/workflows" : c.workflowDir()).toAbsolutePath().normalize(),
                Path.of(c.dataDir().isBlank() ? data + "/assay" : c.dataDir()).toAbsolutePath().normalize(),
                Math.max(1, c.threads()), Duration.ofSeconds(Math.max(1, c.stepWaitTimeoutSeconds())),
                Duration.ofSeconds(Math.max(1, c.scanIntervalSeconds())), c.keepSpools());
    }

    Path runsDir() {
        return dataDir.resolve("runs");
    }

    Path deploymentsDir() {
        return dataDir.resolve("workflows");
    }
}
