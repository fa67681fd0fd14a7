package org.assay.shell.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.assay.engine.RunPage;
import org.assay.engine.RunQuery;
import org.assay.engine.RunService;
import org.assay.engine.RunSummary;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "assay", name = "run-list", description = "Lists runs, newest first, including those from before a restart;"
        + " filters by workflow, status and time, a page at a time.")
@Service
public class RunListCommand implements Action {

    @Reference
    private RunService runs;

    @Option(name = "--limit", aliases = "-n", description = "Show at most this many runs (default 20, at most "
            + RunQuery.MAX_LIMIT + "); when there are more, the last line gives the command for the next page")
    private int limit = 20;

    @Option(name = "--workflow", aliases = "-w", description = "Only runs of this workflow id")
    @Completion(WorkflowIdCompleter.class)
    private String workflow;

    @Option(name = "--status", aliases = "-s", multiValued = true, description = "Only runs in this status: queued,"
            + " waiting-for-steps (or waiting), running, succeeded, failed, cancelled, finished; repeat it or separate"
            + " several by commas")
    private List<String> status;

    @Option(name = "--since", description = "Only runs queued at or after this time: 2026-12-01, 2026-12-01T08:00,"
            + " 2026-12-01T08:00:00Z, or an age such as 30m, 2h, 7d")
    private String since;

    @Option(name = "--cursor", description = "Continue after the previous page (the cursor its last line printed)")
    private String cursor;

    public RunListCommand() {
    }

    /** For tests; Karaf injects the service into the no-argument instance. */
    RunListCommand(RunService runs) {
        this.runs = runs;
    }

    @Override
    public Object execute() {
        Instant from = RunFilter.since(since, Clock.systemDefaultZone());
        RunQuery query = RunQuery.all().withLimit(limit).withWorkflow(workflow)
                .withStatuses(RunFilter.statuses(status)).withSince(from).withCursor(cursor);
        RunPage page = runs.query(query);
        ShellTable t = new ShellTable();
        t.column("Run");
        t.column("Workflow");
        t.column("Version").alignRight();
        t.column("Status");
        t.column("Started");
        t.column("Time").alignRight();
        t.column("Quarantined").alignRight();
        t.column("By");
        for (RunSummary r : page.runs()) {
            t.addRow().addContent(r.runId(), r.workflowId(), r.workflowVersion(), r.status().label(),
                    Format.time(r.startedAt()), r.activeMillis() < 0 ? "-" : Format.seconds(r.activeMillis()),
                    Format.count(r.quarantined()), r.startedBy());
        }
        t.print(System.out);
        if (page.runs().isEmpty()) {
            System.out.println(cursor == null ? "No runs match." : "No more runs.");
        }
        page.next().ifPresent(next -> System.out.println("More runs: assay:run-list " + repeat(from) + "--cursor "
                + next));
        return null;
    }

    /** The options of this command again, so the next page has the same filters. */
    private String repeat(Instant from) {
        StringBuilder b = new StringBuilder();
        if (limit != 20) {
            b.append("--limit ").append(limit).append(' ');
        }
        if (workflow != null) {
            b.append("--workflow ").append(workflow).append(' ');
        }
        if (status != null) {
            b.append("--status ").append(String.join(",", status)).append(' ');
        }
        if (from != null) {
            // The instant, not "2h": the next page must not slide with the clock.
            b.append("--since ").append(from).append(' ');
        }
        return b.toString();
    }
}
