package org.assay.shell.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assay.api.workflow.StepDefinition;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.RejectedWorkflow;
import org.assay.engine.ValidationProblem;
import org.assay.engine.WorkflowService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "assay", name = "workflow-show", description = "Shows a deployed workflow: its steps, wiring and parameters; or why a file of the workflow "
        + "folder was rejected.")
@Service
public class WorkflowShowCommand implements Action {

    @Reference
    private WorkflowService workflows;

    @Argument(index = 0, name = "id", required = true,
            description = "Workflow id, or the file name of a rejected workflow file")
    @Completion(WorkflowIdCompleter.class)
    private String id;

    @Option(name = "--source", description = "Print the JSON source of the active version")
    private boolean source;

    /** What workflow-show takes to show a rejected file: its workflow id, else its file name. */
    static String handle(RejectedWorkflow r) {
        return r.workflowId() != null ? r.workflowId() : Path.of(r.origin()).getFileName().toString();
    }

    @Override
    public Object execute() {
        Optional<DeployedWorkflow> deployed = workflows.get(id);
        List<RejectedWorkflow> rejected = workflows.rejected().stream()
                .filter(r -> id.equals(r.workflowId()) || id.equals(handle(r)) || id.equals(r.origin())).toList();
        if (deployed.isEmpty() && !rejected.isEmpty()) {
            rejected.forEach(WorkflowShowCommand::printRejected);
            return null;
        }
        DeployedWorkflow w = deployed.orElseThrow(() -> new IllegalArgumentException(
                "no workflow '" + id + "' is deployed; see assay:workflow-list"));
        if (source) {
            System.out.println(workflows.source(id).orElse(""));
            return null;
        }
        System.out.println(w.definition().name() + " (" + w.id() + ", version " + w.version() + ")");
        if (!w.definition().description().isBlank()) {
            System.out.println(w.definition().description());
        }
        System.out.println("Deployed " + Format.time(w.deployedAt()) + " from " + w.origin());
        if (w.definition().schedule() != null) {
            System.out.println("Schedule: " + Format.schedule(w.definition().schedule()));
        }
        ShellTable t = new ShellTable();
        t.column("Step");
        t.column("Type");
        t.column("Inputs");
        t.column("Parameters").maxSize(80).wrap();
        for (StepDefinition s : w.definition().steps()) {
            t.addRow().addContent(s.id(), s.type(),
                    s.inputs().entrySet().stream().map(e -> e.getKey() + "<-" + e.getValue()).collect(Collectors.joining(", ")),
                    s.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        }
        t.print(System.out);
        for (ValidationProblem p : w.warnings()) {
            System.out.println("Warning: " + p);
        }
        if (!w.lastRejected().isEmpty()) {
            System.out.println("The last edit was rejected; version " + w.version() + " stays active. Problems:");
            w.lastRejected().forEach(p -> System.out.println("  " + p));
        }
        rejected.forEach(WorkflowShowCommand::printRejected);
        return null;
    }

    private static void printRejected(RejectedWorkflow r) {
        System.out.println(r.origin() + " was rejected " + Format.time(r.rejectedAt()) + " and deploys nothing ("
                + Format.problems(r.problems().size()) + "):");
        r.problems().forEach(p -> System.out.println("  " + p));
    }
}
