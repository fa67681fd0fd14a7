package org.assay.shell.internal;

import org.assay.engine.RunInfo;
import org.assay.engine.RunService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "assay", name = "run-list", description = "Lists runs, newest first, including those from before a restart.")
@Service
public class RunListCommand implements Action {

    @Reference
    private RunService runs;

    @Option(name = "--limit", aliases = "-n", description = "Show at most this many runs (default 20)")
    private int limit = 20;

    @Option(name = "--workflow", description = "Only runs of this workflow id")
    private String workflow;

    @Override
    public Object execute() {
        ShellTable t = new ShellTable();
        t.column("Run");
        t.column("Workflow");
        t.column("Version").alignRight();
        t.column("Status");
        t.column("Started");
        t.column("Time").alignRight();
        t.column("Quarantined").alignRight();
        runs.list().stream().filter(r -> workflow == null || r.workflowId().equals(workflow)).limit(limit)
                .forEach((RunInfo r) -> t.addRow().addContent(r.runId(), r.workflowId(), r.workflowVersion(),
                        r.status().label(), Format.time(r.startedAt()), Format.duration(r),
                        Format.count(r.quarantined())));
        t.print(System.out);
        return null;
    }
}
