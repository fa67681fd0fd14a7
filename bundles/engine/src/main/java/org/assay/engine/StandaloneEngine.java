package org.assay.engine;

import java.nio.file.Path;
import org.assay.api.step.StepType;
import org.assay.engine.internal.Standalone;

/**
 * The engine without OSGi: register step types by hand, deploy, run. For benchmarks and
 * for embedding Assay in another JVM program. Runs behave exactly as in Karaf (spooling,
 * quarantine, accounting, reports); only hot-swap has nothing to swap.
 */
public final class StandaloneEngine implements AutoCloseable {

    private final Standalone parts;

    /**
     * @param workflowDir relative data paths in workflows resolve against it
     * @param dataDir     where deployments and run folders go
     * @param threads     runs executed at once
     */
    public StandaloneEngine(Path workflowDir, Path dataDir, int threads) {
        this.parts = new Standalone(workflowDir, dataDir, threads);
    }

    /** Makes a step type available, as if a bundle had registered it. */
    public StandaloneEngine register(StepType type) {
        parts.register(type, type.getClass().getPackageName(), type.descriptor().version().orElse("0.0.0"));
        return this;
    }

    public WorkflowService workflows() {
        return parts.workflows();
    }

    public RunService runs() {
        return parts.runs();
    }

    @Override
    public void close() {
        parts.close();
    }
}
