package org.assay.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.assay.engine.WorkflowService;
import org.assay.engine.WorkflowVersion;

@Command(scope = "assay", name = "workflow-versions", description = "Lists the stored versions of a workflow (who"
        + " deployed each, when, from where), also after it was undeployed; with a version, prints that version's"
        + " source.")
@Service
public class WorkflowVersionsCommand implements Action {

    @Reference
    private WorkflowService workflows;

    @Argument(index = 0, name = "id", required = true, description = "Workflow id, see assay:workflow-list")
    @Completion(WorkflowIdCompleter.class)
    private String workflowId;

    @Argument(index = 1, name = "version", description = "A version to print (3 or v3); without it, the list")
    private String version;

    @Override
    public Object execute() {
        List<WorkflowVersion> versions = workflows.versions(workflowId);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("workflow '" + workflowId + "' has no stored versions; see"
                    + " assay:workflow-list");
        }
        if (version != null) {
            int n = number(version);
            System.out.println(workflows.source(workflowId, n).orElseThrow(() -> new IllegalArgumentException(
                    "workflow '" + workflowId + "' has no version " + n + "; its versions: "
                            + versions.stream().map(v -> "v" + v.version()).toList())));
            return null;
        }
        ShellTable t = new ShellTable();
        t.column("Version").alignRight();
        t.column("Active");
        t.column("Deployed");
        t.column("By");
        t.column("Origin");
        for (WorkflowVersion v : versions) {
            t.addRow().addContent(v.version(), v.active() ? "yes" : "", Format.time(v.deployedAt()),
                    v.deployedBy() == null ? "-" : v.deployedBy(), v.origin() == null ? "-" : v.origin());
        }
        t.print(System.out);
        return null;
    }

    static int number(String text) {
        String t = text.startsWith("v") ? text.substring(1) : text;
        try {
            int n = Integer.parseInt(t);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("version must be a number such as 2 (or v2), not '" + text + "'");
    }
}
