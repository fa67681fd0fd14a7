package org.assay.shell.internal;

import org.assay.engine.WorkflowService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "assay", name = "workflow-undeploy", description = "Removes a deployed workflow: it no longer runs or"
        + " is scheduled; its runs, their records and its stored versions stay. A workflow of the watched folder"
        + " comes back when its file changes: delete the file to remove it for good.")
@Service
public class WorkflowUndeployCommand implements Action {

    @Reference
    private WorkflowService workflows;

    @Argument(index = 0, name = "id", required = true, description = "Workflow id, see assay:workflow-list")
    @Completion(WorkflowIdCompleter.class)
    private String workflowId;

    @Override
    public Object execute() {
        String user = Principals.current();
        if (!workflows.undeploy(workflowId, user)) {
            throw new IllegalArgumentException("no workflow '" + workflowId + "' is deployed; see assay:workflow-list");
        }
        System.out.println("Undeployed workflow " + workflowId + " as " + user);
        return null;
    }
}
