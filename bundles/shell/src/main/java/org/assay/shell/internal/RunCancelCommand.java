package org.assay.shell.internal;

import org.assay.engine.RunService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "assay", name = "run-cancel", description = "Cancels a queued, waiting or running run. Steps stop at their next batch.")
@Service
public class RunCancelCommand implements Action {

    @Reference
    private RunService runs;

    @Argument(index = 0, name = "run-id", required = true, description = "Run id, see assay:run-list")
    @Completion(RunIdCompleter.class)
    private String runId;

    public RunCancelCommand() {
    }

    /** For tests; Karaf injects the service into the no-argument instance. */
    RunCancelCommand(RunService runs) {
        this.runs = runs;
    }

    @Override
    public Object execute() {
        if (!runs.cancel(runId, Principals.current())) {
            throw new IllegalArgumentException("run '" + runId + "' is unknown or already finished; see assay:run-list");
        }
        System.out.println("Cancelling run " + runId);
        return null;
    }
}
