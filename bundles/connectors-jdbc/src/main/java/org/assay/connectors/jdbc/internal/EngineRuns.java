package org.assay.connectors.jdbc.internal;

import java.util.Optional;
import org.assay.engine.RunInfo;
import org.assay.engine.RunService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The engine's record of a run, looked up per call and never referenced: the engine tracks the
 * step types, jdbc-reader's and jdbc-writer's types need the services of this bundle, and any DS
 * reference from them to RunService (even an optional dynamic one) closes that cycle while the
 * engine is being created.
 */
final class EngineRuns {

    private EngineRuns() {
    }

    static Optional<RunInfo> find(BundleContext context, String runId) {
        ServiceReference<RunService> ref = context.getServiceReference(RunService.class);
        if (ref == null) {
            return Optional.empty();
        }
        RunService runs = context.getService(ref);
        try {
            return runs == null ? Optional.empty() : runs.get(runId);
        } finally {
            context.ungetService(ref);
        }
    }
}
