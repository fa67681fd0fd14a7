package org.assay.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.workflow.WorkflowDefinition;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.RunInfo;
import org.assay.engine.RunService;
import org.assay.engine.RunStatus;
import org.assay.engine.StepSchemas;
import org.assay.engine.WorkflowService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.impl.action.command.DefaultActionPreparator;
import org.junit.jupiter.api.Test;

/**
 * Command lines as the shell reads them: Karaf's own parser fills the command, then it runs.
 * Options go before or after the arguments, as the README writes them.
 */
class CommandLineTest {

    private static final String SOURCE = "{\"id\": \"customer-segmentation\", \"steps\": []}";

    private static final Schema CUSTOMERS = Schema.of(Field.of("customer_id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("email", FieldType.STRING).withTags(FieldTag.PII), Field.of("city", FieldType.CATEGORICAL));

    private static final List<StepSchemas> SCHEMAS = List.of(
            new StepSchemas("customers", "csv-reader", true, orderedOutputs("out", Optional.of(CUSTOMERS),
                    "rejects", Optional.of(Schema.of()))),
            new StepSchemas("clean", "dedup", true, Map.of("out", Optional.empty())),
            new StepSchemas("score", "scorer", false, Map.of()),
            new StepSchemas("report", "csv-writer", true, Map.of()));

    private static Map<String, Optional<Schema>> orderedOutputs(String a, Optional<Schema> as, String b, Optional<Schema> bs) {
        Map<String, Optional<Schema>> m = new LinkedHashMap<>();
        m.put(a, as);
        m.put(b, bs);
        return m;
    }

    @Test
    void workflowShowSourceAfterOrBeforeTheId() throws Exception {
        assertEquals(SOURCE, run(new WorkflowShowCommand(workflows()), "customer-segmentation", "--source").strip());
        assertEquals(SOURCE, run(new WorkflowShowCommand(workflows()), "--source", "customer-segmentation").strip());
        assertTrue(run(new WorkflowShowCommand(workflows()), "customer-segmentation")
                .startsWith("Customer segmentation (customer-segmentation, version 3)"));
    }

    @Test
    void workflowShowRejectsWhatIsNoOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(new WorkflowShowCommand(workflows()), "customer-segmentation", "--sorce"));
        assertEquals("unknown option '--sorce'; usage: assay:workflow-show <id> [--schemas] [--source]", e.getMessage());
    }

    @Test
    void workflowShowSchemasPrintsEachStepsColumnsOrWhyTheyAreUnknown() throws Exception {
        String expected = """
                Output schemas of customer-segmentation version 3, with the step types installed now:
                customers (csv-reader)
                  out:
                    customer_id  integer      id
                    email        string       pii
                    city         categorical
                  rejects: no columns
                clean (dedup)
                  out: unknown until the step runs (its type cannot tell, or a step upstream cannot)
                score (scorer): unknown, the step type is not installed
                report (csv-writer): no dataset outputs
                """;
        assertEquals(expected, run(new WorkflowShowCommand(workflows()), "customer-segmentation", "--schemas"));
        assertEquals(expected, run(new WorkflowShowCommand(workflows()), "--schemas", "customer-segmentation"));
    }

    @Test
    void workflowShowTakesSourceOrSchemasNotBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(new WorkflowShowCommand(workflows()), "customer-segmentation", "--schemas", "--source"));
        assertEquals("give --source or --schemas, not both; usage: assay:workflow-show <id> [--schemas] [--source]",
                e.getMessage());
    }

    @Test
    void runWaitAfterOrBeforeTheId() throws Exception {
        for (List<String> line : List.of(List.of("customer-segmentation", "--wait"), List.of("customer-segmentation", "-w"),
                List.of("--wait", "customer-segmentation"))) {
            String out = run(new RunCommand(runs()), line.toArray(String[]::new));
            assertTrue(out.contains("Run 0007 succeeded in"), line + ":\n" + out);
        }
        assertTrue(run(new RunCommand(runs()), "customer-segmentation").contains("Follow it with assay:run-show 0007"));
    }

    /** Parses the words with Karaf's parser, runs the command and returns what it printed. */
    private static String run(Action command, String... words) throws Exception {
        assertTrue(new DefaultActionPreparator().prepare(command, null, List.<Object>of(words)));
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(console);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static WorkflowService workflows() {
        DeployedWorkflow w = new DeployedWorkflow(new WorkflowDefinition(1, "customer-segmentation", "Customer segmentation",
                null, null, List.of()), 3, "workflows/customer-segmentation.json", Instant.now(), List.of(), List.of());
        return stub(WorkflowService.class, (name, args) -> switch (name) {
            case "get" -> Optional.of(w).filter(d -> d.id().equals(args[0]));
            case "source" -> Optional.of(SOURCE);
            case "outputSchemas" -> Optional.of(SCHEMAS);
            case "rejected" -> List.of();
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private static RunService runs() {
        RunInfo done = new RunInfo("0007", "customer-segmentation", 3, RunStatus.SUCCEEDED, Instant.now(), Instant.now(),
                Instant.now(), null, Path.of("runs", "0007"), null, List.of(), List.of());
        return stub(RunService.class, (name, args) -> switch (name) {
            case "start", "await" -> done;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    /** A service answering only what the test needs, so a method added to the interface does not break it. */
    private static <T> T stub(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answers.apply(method.getName(), args)));
    }
}
