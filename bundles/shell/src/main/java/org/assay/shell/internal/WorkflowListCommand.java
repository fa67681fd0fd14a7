package org.assay.shell.internal;

import org.assay.engine.DeployedWorkflow;
import org.assay.engine.RejectedWorkflow;
import org.assay.engine.WorkflowService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "assay", name = "workflow-list", description = "Lists deployed workflows with their active version, and the files of the workflow folder that "
        + "were rejected.")
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
                    ? "last edit rejected (" + Format.problems(w.lastRejected().size()) + "), see workflow-show " + w.id()
                    : w.warnings().isEmpty() ? "" : w.warnings().size() + " warnings";
            t.addRow().addContent(w.id(), w.version(), w.definition().steps().size(), Format.time(w.deployedAt()),
                    w.definition().schedule() == null ? "on demand" : Format.schedule(w.definition().schedule()),
                    notes, w.origin());
        }
        // Files that deploy nothing: without these rows a refused new file is seen only in the Karaf log.
        for (RejectedWorkflow r : workflows.rejected()) {
            t.addRow().addContent(r.workflowId() == null ? "-" : r.workflowId(), "-", "-", Format.time(r.rejectedAt()),
                    "-", "REJECTED (" + Format.problems(r.problems().size()) + "), see workflow-show "
                            + WorkflowShowCommand.handle(r), r.origin());
        }
        t.print(System.out);
        return null;
    }
}
