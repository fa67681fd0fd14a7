package org.assay.shell.internal;

import org.assay.engine.RunInfo;
import org.assay.engine.RunService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "assay", name = "run-show", description = "Shows a run: status, per-step counts and times, errors, events and artifact paths.")
@Service
public class RunShowCommand implements Action {

    @Reference
    private RunService runs;

    @Argument(index = 0, name = "run-id", required = true, description = "Run id, see assay:run-list")
    @Completion(RunIdCompleter.class)
    private String runId;

    @Override
    public Object execute() {
        RunInfo r = runs.get(runId).orElseThrow(() -> new IllegalArgumentException(
                "no run '" + runId + "'; see assay:run-list"));
        System.out.println("Run " + r.runId() + " of " + r.workflowId() + " version " + r.workflowVersion() + ": "
                + r.status().label());
        System.out.println("Queued " + Format.time(r.queuedAt()) + ", started " + Format.time(r.startedAt())
                + ", finished " + Format.time(r.finishedAt()) + " (" + Format.duration(r) + ")");
        System.out.println("Started by " + r.startedBy() + (r.trigger().isEmpty() ? "" : " (" + r.trigger() + ")")
                + (r.cancelledBy() == null ? "" : ", cancelled by " + r.cancelledBy()));
        if (r.error() != null) {
            System.out.println("Error: " + r.error());
        }
        Format.steps(r).print(System.out);
        r.events().forEach(e -> System.out.println("Event: " + e));
        Format.details(r, System.out);
        return null;
    }
}
