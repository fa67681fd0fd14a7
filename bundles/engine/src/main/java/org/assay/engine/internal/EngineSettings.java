package org.assay.engine.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EngineConfig} resolved to concrete paths and durations; what the engine classes
 * take, so tests can build one without OSGi.
 */
record EngineSettings(Path workflowDir, Path dataDir, List<Path> readRoots, List<Path> writeRoots, int threads,
        int stepThreads, Duration stepWaitTimeout, Duration scanInterval, int keepRunsPerWorkflow,
        boolean resumeInterruptedRuns, boolean keepSpools, ResourceLimits limits) {

    static EngineSettings from(EngineConfig c) {
        String base = System.getProperty("karaf.base", ".");
        String data = System.getProperty("karaf.data", base + "/data");
        return new EngineSettings(
                Path.of(c.workflowDir().isBlank() ? base + "/workflows" : c.workflowDir()).toAbsolutePath().normalize(),
                Path.of(c.dataDir().isBlank() ? data + "/assay" : c.dataDir()).toAbsolutePath().normalize(),
                paths(c.readRoots()), paths(c.writeRoots()),
                Math.max(1, c.threads()), defaultStepThreads(c.stepThreads()), Duration.ofSeconds(Math.max(1, c.stepWaitTimeoutSeconds())),
                Duration.ofSeconds(Math.max(1, c.scanIntervalSeconds())), Math.max(0, c.keepRunsPerWorkflow()),
                c.resumeInterruptedRuns(), c.keepSpools(), ResourceLimits.from(c));
    }

    /** A comma-separated list of absolute folders; blanks ignored. */
    static List<Path> paths(String list) {
        List<Path> out = new ArrayList<>();
        for (String part : list.split(",")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                out.add(Path.of(p).toAbsolutePath().normalize());
            }
        }
        return List.copyOf(out);
    }

    /** 0 or less: one per processor, at least 2 so that two branches can always overlap. */
    static int defaultStepThreads(int configured) {
        return configured > 0 ? configured : Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    Path runsDir() {
        return dataDir.resolve("runs");
    }

    Path deploymentsDir() {
        return dataDir.resolve("workflows");
    }
}
