package org.assay.shell.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assay.api.data.Field;
import org.assay.api.data.Schema;
import org.assay.api.workflow.StepDefinition;
import org.assay.api.workflow.WorkflowDefinition;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.RejectedWorkflow;
import org.assay.engine.StepSchemas;
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

@Command(scope = "assay", name = "workflow-show", description = "Shows a deployed workflow: its steps, wiring and parameters, "
        + "or with --schemas the columns of each step's outputs; or why a file of the workflow folder was rejected.")
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

    @Option(name = "--schemas", description = "Print the columns (name, type, tags) of every step's outputs as the "
            + "deploy-time checks see them, or unknown where a step cannot tell before it runs")
    private boolean schemas;

    @Argument(index = 1, name = TrailingOptions.ARGUMENT, multiValued = true,
            description = "--source and --schemas may also follow the workflow id")
    private List<String> trailing;

    public WorkflowShowCommand() {
    }

    /** For tests; Karaf injects the service into the no-argument instance. */
    WorkflowShowCommand(WorkflowService workflows) {
        this.workflows = workflows;
    }

    /** What workflow-show takes to show a rejected file: its workflow id, else its file name. */
    static String handle(RejectedWorkflow r) {
        return r.workflowId() != null ? r.workflowId() : Path.of(r.origin()).getFileName().toString();
    }

    @Override
    public Object execute() {
        TrailingOptions.apply(this, trailing);
        Optional<DeployedWorkflow> deployed = workflows.get(id);
        List<RejectedWorkflow> rejected = workflows.rejected().stream()
                .filter(r -> id.equals(r.workflowId()) || id.equals(handle(r)) || id.equals(r.origin())).toList();
        if (deployed.isEmpty() && !rejected.isEmpty()) {
            rejected.forEach(WorkflowShowCommand::printRejected);
            return null;
        }
        DeployedWorkflow w = deployed.orElseThrow(() -> new IllegalArgumentException(
                "no workflow '" + id + "' is deployed; see assay:workflow-list"));
        if (source && schemas) {
            throw new IllegalArgumentException("give --source or --schemas, not both; usage: "
                    + TrailingOptions.usage(WorkflowShowCommand.class));
        }
        if (source) {
            System.out.println(workflows.source(id).orElse(""));
            return null;
        }
        if (schemas) {
            System.out.println("Output schemas of " + w.id() + " version " + w.version()
                    + ", with the step types installed now:");
            System.out.print(schemas(workflows.outputSchemas(id).orElse(List.of())));
            return null;
        }
        System.out.println(w.definition().name() + " (" + w.id() + ", version " + w.version() + ")");
        if (!w.definition().description().isBlank()) {
            System.out.println(w.definition().description());
        }
        System.out.println("Deployed " + Format.time(w.deployedAt()) + " from " + w.origin() + " by " + w.deployedBy());
        if (w.definition().schedule() != null) {
            System.out.println("Schedule: " + Format.schedule(w.definition().schedule()));
        }
        steps(w.definition()).print(System.out);
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

    /** One row per step; parameters wrapped by {@link Format#wrap} so no letter is lost. */
    static ShellTable steps(WorkflowDefinition definition) {
        ShellTable t = new ShellTable();
        t.column("Step");
        t.column("Type");
        t.column("Inputs");
        t.column("Parameters");
        for (StepDefinition s : definition.steps()) {
            t.addRow().addContent(s.id(), s.type(),
                    s.inputs().entrySet().stream().map(e -> e.getKey() + "<-" + e.getValue()).collect(Collectors.joining(", ")),
                    Format.wrap(s.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(", ")), 80));
        }
        return t;
    }

    /**
     * Each step, then each of its outputs with one line per column: name, type and tags,
     * aligned; or why it is unknown.
     */
    static String schemas(List<StepSchemas> steps) {
        StringBuilder out = new StringBuilder();
        for (StepSchemas s : steps) {
            out.append(s.stepId()).append(" (").append(s.stepType()).append(')');
            if (!s.installed()) {
                out.append(": unknown, the step type is not installed\n");
                continue;
            }
            if (s.outputs().isEmpty()) {
                out.append(": no dataset outputs\n");
                continue;
            }
            out.append('\n');
            s.outputs().forEach((port, schema) -> {
                out.append("  ").append(port).append(':');
                if (schema.isEmpty()) {
                    out.append(" unknown until the step runs (its type cannot tell, or a step upstream cannot)\n");
                } else if (schema.get().size() == 0) {
                    out.append(" no columns\n");
                } else {
                    out.append('\n');
                    columns(schema.get(), out);
                }
            });
        }
        return out.toString();
    }

    private static void columns(Schema schema, StringBuilder out) {
        int nameWidth = schema.names().stream().mapToInt(String::length).max().orElse(0);
        int typeWidth = schema.fields().stream().mapToInt(f -> f.type().jsonName().length()).max().orElse(0);
        for (Field f : schema) {
            String tags = f.tags().stream().sorted().map(t -> t.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            String line = "    " + pad(f.name(), nameWidth) + "  " + pad(f.type().jsonName(), typeWidth) + "  " + tags;
            out.append(line.stripTrailing()).append('\n');
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static void printRejected(RejectedWorkflow r) {
        System.out.println(r.origin() + " was rejected " + Format.time(r.rejectedAt()) + " and deploys nothing ("
                + Format.problems(r.problems().size()) + "):");
        r.problems().forEach(p -> System.out.println("  " + p));
    }
}
