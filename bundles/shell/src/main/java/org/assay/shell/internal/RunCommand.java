package org.assay.shell.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assay.engine.RunInfo;
import org.assay.engine.RunService;
import org.assay.engine.StepRunInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "assay", name = "run", description = "Starts a run of a deployed workflow; with --wait, follows it to the end.")
@Service
public class RunCommand implements Action {

    @Reference
    private RunService runs;

    @Argument(index = 0, name = "id", required = true, description = "Workflow id")
    @Completion(WorkflowIdCompleter.class)
    private String workflowId;

    @Option(name = "--wait", aliases = "-w", description = "Print per-step progress until the run ends, then its summary")
    private boolean wait;

    @Argument(index = 1, name = TrailingOptions.ARGUMENT, multiValued = true,
            description = "--wait (or -w) may also follow the workflow id")
    private List<String> trailing;

    public RunCommand() {
    }

    /** For tests; Karaf injects the service into the no-argument instance. */
    RunCommand(RunService runs) {
        this.runs = runs;
    }

    @Override
    public Object execute() throws Exception {
        TrailingOptions.apply(this, trailing);
        RunInfo run;
        try {
            run = runs.start(workflowId, "on demand", Principals.current());
        } catch (java.util.NoSuchElementException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        System.out.println("Started run " + run.runId() + " of " + workflowId + " (version " + run.workflowVersion()
                + ") as " + run.startedBy());
        if (!wait) {
            System.out.println("Follow it with assay:run-show " + run.runId());
            return null;
        }
        Map<String, String> printed = new HashMap<>();
        String lastRunLine = "";
        while (true) {
            run = runs.await(run.runId(), Duration.ofMillis(500));
            String runLine = run.status().label() + (run.error() != null ? ": " + run.error() : "");
            if (!run.status().isFinished() && !runLine.equals(lastRunLine)) {
                System.out.println("  run " + runLine);
                lastRunLine = runLine;
            }
            for (StepRunInfo s : run.steps()) {
                // One line per change of status or of 10% progress: readable in a terminal and in a log.
                String line = s.status().label() + " " + (int) (s.progress() * 10);
                if (!line.equals(printed.get(s.stepId())) && s.status() != org.assay.engine.RunStatus.QUEUED) {
                    printed.put(s.stepId(), line);
                    System.out.printf("  %-18s %-14s %-10s %s  in %s  out %s  quarantined %s%n", s.stepId(), s.type(),
                            s.status().label(), Format.percent(s.progress()), Format.count(s.rowsIn()),
                            Format.count(s.rowsOut()), Format.count(s.quarantined()));
                }
            }
            if (run.status().isFinished()) {
                // The status is final a moment before the report and record are written: wait for those.
                run = runs.await(run.runId(), Duration.ofSeconds(60));
                break;
            }
            if (Thread.currentThread().isInterrupted()) {
                System.out.println("Stopped following; the run goes on. assay:run-cancel " + run.runId() + " stops it.");
                return null;
            }
        }
        Format.steps(run).print(System.out);
        if (run.error() != null) {
            System.out.println("Error: " + run.error());
        }
        run.events().forEach(e -> System.out.println("Event: " + e));
        Format.details(run, System.out);
        System.out.println("Run " + run.runId() + " " + run.status().label() + " in "
                + Format.duration(run));
        return null;
    }
}
