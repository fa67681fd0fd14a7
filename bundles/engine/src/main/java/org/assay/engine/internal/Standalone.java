package org.assay.engine.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.assay.api.step.StepType;

/** Wires the engine's parts without OSGi; see {@link org.assay.engine.StandaloneEngine}. */
public final class Standalone {

    private final StepRegistry registry = new StepRegistry();
    private final WorkflowStore store;
    private final RunEngine engine;
    private final AtomicLong serviceIds = new AtomicLong();

    public Standalone(Path workflowDir, Path dataDir, int threads) {
        EngineSettings settings = new EngineSettings(workflowDir, dataDir, List.of(), List.of(), threads,
                EngineSettings.defaultStepThreads(0), Duration.ofSeconds(1),
                Duration.ofSeconds(2), 0, true, false, ResourceLimits.DEFAULTS);
        store = new WorkflowStore(registry, settings);
        engine = new RunEngine(registry, store, settings);
    }

    public void register(StepType type, String provider, String version) {
        registry.add(type, provider, version, -1, serviceIds.incrementAndGet());
    }

    public WorkflowStore workflows() {
        return store;
    }

    public RunEngine runs() {
        return engine;
    }

    public void close() {
        engine.deactivate();
    }
}
