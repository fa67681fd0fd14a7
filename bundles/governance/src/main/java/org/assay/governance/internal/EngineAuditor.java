package org.assay.governance.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditLog;
import org.assay.api.audit.AuditQuery;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.RunEvent;
import org.assay.engine.RunInfo;
import org.assay.engine.RunListener;
import org.assay.engine.RunService;
import org.assay.engine.WorkflowListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;


/**
 * Records what the engine did, with the principals it keeps: run starts (who, which trigger),
 * cancel requests (who), run ends and deployments. Undeployments are recorded by the engine
 * itself, which alone knows who undeployed.
 *
 * <p>The engine tells a new workflow listener of every active workflow: a deployment already in
 * the log (same workflow, same version) is not recorded twice.
 */
@Component(service = {RunListener.class, WorkflowListener.class})
public final class EngineAuditor implements RunListener, WorkflowListener {

    private final AuditLog audit;
    /**
     * The run record of a run. Looked up when an event comes, not injected: the engine's run
     * service binds this listener (through its run events) while it is being made itself, and any
     * reference back to it, static or dynamic, is a cycle Declarative Services cuts.
     */
    private final Function<String, Optional<RunInfo>> records;

    @Activate
    public EngineAuditor(@Reference AuditLog audit, BundleContext context) {
        this(audit, runId -> lookUp(context, runId));
    }

    EngineAuditor(AuditLog audit, Function<String, Optional<RunInfo>> records) {
        this.audit = audit;
        this.records = records;
    }

    private static Optional<RunInfo> lookUp(BundleContext context, String runId) {
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

    @Override
    public void runEvent(RunEvent event) {
        RunEvent.Kind kind = event.kind();
        if (kind != RunEvent.Kind.RUN_QUEUED && kind != RunEvent.Kind.CANCEL_REQUESTED && !kind.endsRun()) {
            return;
        }
        Optional<RunInfo> info = records.apply(event.runId());
        Map<String, String> details = new LinkedHashMap<>();
        info.ifPresent(r -> {
            details.put("workflow", r.workflowId());
            details.put("version", Integer.toString(r.workflowVersion()));
        });
        if (kind == RunEvent.Kind.RUN_QUEUED) {
            info.ifPresent(r -> details.put("trigger", r.trigger()));
            audit.record(info.map(RunInfo::startedBy).orElse(RunService.SYSTEM), AuditAction.RUN, event.runId(), details);
        } else if (kind == RunEvent.Kind.CANCEL_REQUESTED) {
            audit.record(info.map(RunInfo::cancelledBy).orElse(RunService.SYSTEM), AuditAction.CANCEL, event.runId(),
                    details);
        } else {
            details.put("status", kind.name().substring("RUN_".length()).toLowerCase(java.util.Locale.ROOT));
            details.put("rowsIn", Long.toString(event.counts().rowsIn()));
            details.put("quarantined", Long.toString(event.counts().quarantined()));
            audit.record(info.map(RunInfo::startedBy).orElse(RunService.SYSTEM), AuditAction.RUN_END, event.runId(),
                    details);
        }
    }

    @Override
    public void deployed(DeployedWorkflow workflow) {
        String version = Integer.toString(workflow.version());
        boolean known = audit.query(AuditQuery.all().withAction(AuditAction.DEPLOY).withTarget(workflow.id())
                .withLimit(AuditQuery.MAX_LIMIT)).stream().anyMatch(e -> version.equals(e.details().get("version")));
        if (known) {
            return;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("version", version);
        details.put("origin", workflow.origin());
        if (workflow.definition().purpose() != null) {
            details.put("purpose", workflow.definition().purpose());
        }
        audit.record(workflow.deployedBy(), AuditAction.DEPLOY, workflow.id(), details);
    }

    @Override
    public void undeployed(String workflowId) {
        // Recorded by the engine with the principal (see WorkflowStore.undeploy).
    }
}
