package org.assay.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.engine.StepSchemas;
import org.assay.engine.ValidationProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Column parameters checked at deploy time against the design-time schemas of the inputs. */
class SchemaWalkTest {

    private final StepRegistry registry = new StepRegistry();
    private WorkflowValidator validator;
    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        registry.add(TestSteps.people(), "test.steps", "1.0.0", 1, 1);
        registry.add(TestSteps.fill(), "test.steps", "1.0.0", 1, 2);
        registry.add(TestSteps.publish(), "test.steps", "1.0.0", 1, 3);
        registry.add(TestSteps.exploding(), "test.steps", "1.0.0", 1, 4);
        registry.add(TestSteps.source(), "test.steps", "1.0.0", 1, 5);
        registry.add(TestSteps.copy("1.0.0", null, null), "test.steps", "1.0.0", 1, 6);
        validator = new WorkflowValidator(registry, new FileAccess(dir.resolve("workflows"), dir.resolve("data"),
                List.of(), List.of(), List.of(dir)), ResourceLimits.DEFAULTS);
    }

    private static final String CUSTOMERS = "    {\"id\": \"customers\", \"type\": \"people\"}";

    private static String wf(String... steps) {
        return "{\n  \"format\": 1,\n  \"id\": \"wf\",\n  \"steps\": [\n" + String.join(",\n", steps) + "\n  ]\n}";
    }

    private ValidationProblem only(String json) {
        List<ValidationProblem> errors = validator.validate(json).errors();
        assertEquals(1, errors.size(), () -> "expected one error, got " + errors);
        return errors.get(0);
    }

    private void accepted(String json) {
        WorkflowValidator.Result r = validator.validate(json);
        assertTrue(r.problems().isEmpty(), r.problems()::toString);
    }

    @Test
    void aColumnTypoInTheThirdStepIsRejectedAtTheElementWithASuggestion() {
        String third = "    {\"id\": \"filled\", \"type\": \"fill\", \"inputs\": {\"in\": \"flagged\"},\n"
                + "     \"params\": {\"columns\": [\"income\", \"agee\"]}}";
        String json = wf(CUSTOMERS,
                "    {\"id\": \"flagged\", \"type\": \"fill\", \"inputs\": {\"in\": \"customers\"}, "
                        + "\"params\": {\"columns\": [\"income\"], \"indicator\": \"income_missing\"}}",
                third);
        ValidationProblem p = only(json);
        assertEquals("$.steps[2].params.columns[1]", p.path());
        assertEquals(8, p.line());
        assertEquals(third.substring(third.indexOf('\n') + 1).indexOf("\"agee\"") + 1, p.column());
        assertEquals("parameter columns: no column 'agee' in the input of step 'filled' (from step 'flagged'); "
                + "did you mean 'age'? Its columns are [id, age, income, city, email, income_missing]", p.message());
    }

    @Test
    void aColumnOfTheWrongTypeIsRefused() {
        ValidationProblem p = only(wf(CUSTOMERS, "    {\"id\": \"filled\", \"type\": \"fill\", \"inputs\": {\"in\": "
                + "\"customers\"}, \"params\": {\"columns\": [\"age\", \"city\"]}}"));
        assertEquals("$.steps[1].params.columns[1]", p.path());
        assertEquals("parameter columns: column 'city' is categorical; parameter columns takes integer or decimal columns",
                p.message());
    }

    @Test
    void aPiiColumnIsRefusedUnlessTheStepsAllowParameterIsTrue() {
        String report = "    {\"id\": \"report\", \"type\": \"publish\", \"inputs\": {\"in\": \"customers\"}, "
                + "\"params\": {\"label\": \"email\"%s}}";
        ValidationProblem p = only(wf(CUSTOMERS, report.formatted("")));
        assertEquals("$.steps[1].params.label", p.path());
        assertEquals(6, p.line());
        assertEquals("parameter label: column 'email' is tagged pii; set \"allowPii\": true on this step if publishing "
                + "it is intended", p.message());
        assertEquals("parameter label: column 'email' is tagged pii; set \"allowPii\": true on this step if publishing "
                + "it is intended", only(wf(CUSTOMERS, report.formatted(", \"allowPii\": false"))).message());
        accepted(wf(CUSTOMERS, report.formatted(", \"allowPii\": true")));
        accepted(wf(CUSTOMERS, report.replace("email", "city").formatted("")));
    }

    @Test
    void aPiiColumnIsAlwaysRefusedWhereNoParameterAllowsItAndTheKeyIsLocated() {
        String line = "    {\"id\": \"report\", \"type\": \"publish\", \"inputs\": {\"in\": \"customers\"}, "
                + "\"params\": {\"allowPii\": true, \"colors\": {\"city\": \"red\", \"email\": \"blue\"}}}";
        ValidationProblem p = only(wf(CUSTOMERS, line));
        assertEquals("$.steps[1].params.colors.email", p.path());
        assertEquals(line.indexOf("\"email\"") + 1, p.column(), "at the key, not its value");
        assertEquals("parameter colors: column 'email' is tagged pii; pii columns are not allowed here; clear them with "
                + "a privacy step first", p.message());
    }

    @Test
    void aColumnOfASecondInputIsCheckedAgainstThatInput() {
        ValidationProblem p = only(wf(CUSTOMERS,
                "    {\"id\": \"flagged\", \"type\": \"fill\", \"inputs\": {\"in\": \"customers\"}, \"params\": "
                        + "{\"indicator\": \"flag\"}}",
                "    {\"id\": \"report\", \"type\": \"publish\", \"inputs\": {\"in\": \"customers\", \"other\": "
                        + "\"flagged\"}, \"params\": {\"label\": \"city\", \"other\": \"flga\"}}"));
        assertEquals("$.steps[2].params.other", p.path());
        assertEquals("parameter other: no column 'flga' in input 'other' of step 'report' (from step 'flagged'); "
                + "did you mean 'flag'? Its columns are [id, age, income, city, email, flag]", p.message());
    }

    @Test
    void anUnknownSchemaUpstreamSwitchesTheChecksOff() {
        String fillNope = "    {\"id\": \"filled\", \"type\": \"fill\", \"inputs\": {\"in\": \"%s\"}, "
                + "\"params\": {\"columns\": [\"nope\"]}}";
        // The source cannot tell its columns.
        accepted(wf("    {\"id\": \"customers\", \"type\": \"people\", \"params\": {\"declared\": false}}",
                fillNope.formatted("customers")));
        // A step type without design-time schemas, between a known source and the check.
        accepted(wf(CUSTOMERS, "    {\"id\": \"c\", \"type\": \"copy\", \"inputs\": {\"in\": \"customers\"}}",
                fillNope.formatted("c")));
        // A step type whose outputSchemas throws: unknown too, and nothing of it reaches the user.
        accepted(wf(CUSTOMERS, "    {\"id\": \"x\", \"type\": \"exploding\", \"inputs\": {\"in\": \"customers\"}}",
                fillNope.formatted("x")));
        // A type that is not installed: a warning of its own, no column error downstream.
        WorkflowValidator.Result r = validator.validate(wf(CUSTOMERS,
                "    {\"id\": \"m\", \"type\": \"mystery-step\", \"inputs\": {\"in\": \"customers\"}}", fillNope.formatted("m")));
        assertFalse(r.hasErrors(), r.problems()::toString);
        // ... and the same check does fire when the schema is known.
        assertTrue(only(wf(CUSTOMERS, fillNope.formatted("customers"))).message()
                .startsWith("parameter columns: no column 'nope' in the input of step 'filled' (from step 'customers'); "
                        + "its columns are [id, age"));
    }

    @Test
    void theWalkPassesSchemasAlongFourSteps() {
        String json = wf(CUSTOMERS,
                "    {\"id\": \"a\", \"type\": \"fill\", \"inputs\": {\"in\": \"customers\"}, \"params\": {\"indicator\": \"f1\"}}",
                "    {\"id\": \"b\", \"type\": \"fill\", \"inputs\": {\"in\": \"a\"}, \"params\": {\"indicator\": \"f2\"}}",
                "    {\"id\": \"report\", \"type\": \"publish\", \"inputs\": {\"in\": \"b\"}, "
                        + "\"params\": {\"label\": \"f1\", \"colors\": {\"f2\": \"red\"}}}");
        WorkflowValidator.Result r = validator.validate(json);
        assertTrue(r.problems().isEmpty(), r.problems()::toString);
        Schema b = r.schemas().get("b").get("out");
        assertEquals(TestSteps.PEOPLE.with(Field.of("f1", FieldType.BOOLEAN)).with(Field.of("f2", FieldType.BOOLEAN)), b);
        assertEquals(List.of("customers", "a", "b"), List.copyOf(r.schemas().keySet()), "a sink has no outputs");

        ValidationProblem p = only(json.replace("\"label\": \"f1\"", "\"label\": \"f3\""));
        assertTrue(p.message().contains("did you mean 'f1'?"), p.message());
    }

    @Test
    void theWalkFollowsTheWiringNotTheDocumentOrder() {
        accepted(wf("    {\"id\": \"report\", \"type\": \"publish\", \"inputs\": {\"in\": \"a\"}, \"params\": {\"label\": \"f1\"}}",
                "    {\"id\": \"a\", \"type\": \"fill\", \"inputs\": {\"in\": \"customers\"}, \"params\": {\"indicator\": \"f1\"}}",
                CUSTOMERS));
    }

    @Test
    void aStepWhoseParametersAreWrongIsReportedOnceAndUnknownDownstream() {
        List<ValidationProblem> errors = validator.validate(wf(CUSTOMERS,
                "    {\"id\": \"a\", \"type\": \"fill\", \"inputs\": {\"in\": \"customers\"}, \"params\": {\"columns\": \"agee\"}}",
                "    {\"id\": \"b\", \"type\": \"fill\", \"inputs\": {\"in\": \"a\"}, \"params\": {\"columns\": [\"nope\"]}}")).errors();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals("$.steps[1].params.columns", errors.get(0).path());
        assertEquals("expected an array but found a string", errors.get(0).message());

        // A column error makes that step's outputs unknown: no second error from it downstream.
        errors = validator.validate(wf(CUSTOMERS,
                "    {\"id\": \"a\", \"type\": \"fill\", \"inputs\": {\"in\": \"customers\"}, \"params\": {\"columns\": [\"agee\"]}}",
                "    {\"id\": \"b\", \"type\": \"fill\", \"inputs\": {\"in\": \"a\"}, \"params\": {\"columns\": [\"nope\"]}}")).errors();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals("$.steps[1].params.columns[0]", errors.get(0).path());
    }

    @Test
    void workflowServiceGivesEachStepsOutputSchemas() throws Exception {
        EngineSettings settings = new EngineSettings(dir.resolve("workflows"), dir.resolve("data"), List.of(), List.of(),
                1, 1, Duration.ofSeconds(5), Duration.ofSeconds(1), 0, true, false, ResourceLimits.DEFAULTS);
        WorkflowStore store = new WorkflowStore(registry, settings);
        store.deploy(wf(CUSTOMERS,
                "    {\"id\": \"a\", \"type\": \"fill\", \"inputs\": {\"in\": \"customers\"}, \"params\": {\"indicator\": \"f1\"}}",
                "    {\"id\": \"c\", \"type\": \"copy\", \"inputs\": {\"in\": \"a\"}}",
                "    {\"id\": \"m\", \"type\": \"mystery-step\", \"inputs\": {\"in\": \"c\"}}",
                "    {\"id\": \"report\", \"type\": \"publish\", \"inputs\": {\"in\": \"a\"}}"), "shell");

        List<StepSchemas> schemas = store.outputSchemas("wf").orElseThrow();
        assertEquals(List.of(
                new StepSchemas("customers", "people", true, Map.of("out", Optional.of(TestSteps.PEOPLE))),
                new StepSchemas("a", "fill", true,
                        Map.of("out", Optional.of(TestSteps.PEOPLE.with(Field.of("f1", FieldType.BOOLEAN))))),
                new StepSchemas("c", "copy", true, Map.of("out", Optional.empty())),
                new StepSchemas("m", "mystery-step", false, Map.of()),
                new StepSchemas("report", "publish", true, Map.of())), schemas);
        assertEquals(Optional.empty(), store.outputSchemas("nope"));
    }

    /** A step type's own checks against its input schema are reported at the parameter, with its line. */
    @Test
    void aStepsOwnCheckAgainstTheInputSchemaIsReportedAtTheParameter() {
        org.assay.api.step.StepType copy = TestSteps.copy("1.0.0", null, null);
        registry.add(new org.assay.api.step.StepType() {
            @Override
            public org.assay.api.step.StepDescriptor descriptor() {
                return org.assay.api.step.StepDescriptor.builder("needs-age").category(org.assay.api.step.StepCategory.CLEANER)
                        .parameter(org.assay.api.step.ParameterSpec.builder("expression",
                                org.assay.api.step.ParameterType.STRING).required().build())
                        .input("in", "rows").output("out", "rows").build();
            }

            @Override
            public org.assay.api.step.Step newStep() {
                return copy.newStep();
            }

            @Override
            public List<org.assay.api.step.ParameterProblem> checkWithInputs(org.assay.api.step.Parameters p,
                    java.util.Map<String, org.assay.api.data.Schema> inputs) {
                String column = p.string("expression");
                return inputs.get("in").contains(column) ? List.of()
                        : List.of(org.assay.api.step.ParameterProblem.of("expression", "reads no column '" + column + "'"));
            }
        }, "test.steps", "1.0.0", 1, 7);
        String step = "    {\"id\": \"n\", \"type\": \"needs-age\", \"inputs\": {\"in\": \"customers\"},\n"
                + "     \"params\": {\"expression\": \"%s\"}}";
        accepted(wf(CUSTOMERS, String.format(step, "age")));
        ValidationProblem p = only(wf(CUSTOMERS, String.format(step, "agee")));
        assertEquals("parameter expression: reads no column 'agee'", p.message());
        assertEquals("$.steps[1].params.expression", p.path());
        assertTrue(p.line() > 0, p.toString());
    }
}
