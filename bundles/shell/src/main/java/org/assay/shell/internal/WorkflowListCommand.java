package org.assay.shell.internal;

import org.assay.engine.DeployedWorkflow;
import org.assay.engine.WorkflowService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "assay", name = "workflow-list", description = "Lists deployed workflows with their active version.")
@Service
public class WorkflowListCommand implements Action {

    @Reference
    private WorkflowService workflows;

    @Override
    public Object execute() {
        ShellTable t = new ShellTable();
        t.column("Id");
        t.column("Version").alignRight();
        t.column("Steps").alignRight();
        t.column("Deployed");
        t.column("Schedule");
        t.column("Notes");
        t.column("Origin");
        for (DeployedWorkflow w : workflows.list()) {
            String notes = !w.lastRejected().isEmpty()
                    ? "last edit rejected (" + w.lastRejected().size() + " problems), see workflow-show"
                    : w.warnings().isEmpty() ? "" : w.warnings().size() + " warnings";
            t.addRow().addContent(w.id(), w.version(), w.definition().steps().size(), Format.time(w.deployedAt()),
                    w.definition().schedule() == null ? "on demand" : Format.schedule(w.definition().schedule()),
                    notes, w.origin());
        }
        t.print(System.out);
        return null;
    }
}
