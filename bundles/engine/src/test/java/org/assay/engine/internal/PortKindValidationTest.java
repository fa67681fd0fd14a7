package org.assay.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.assay.engine.ValidationProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validator wires an output only to an input of the same kind (dataset, model). */
class PortKindValidationTest {

    private final StepRegistry registry = new StepRegistry();
    private WorkflowValidator validator;
    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        registry.add(TestSteps.source(), "test.steps", "1.0.0", 1, 1);
        registry.add(TestSteps.copy("1.0.0", null, null), "test.steps", "1.0.0", 1, 2);
        registry.add(TestSteps.fit(), "test.steps", "1.0.0", 1, 3);
        registry.add(TestSteps.score(), "test.steps", "1.0.0", 1, 4);
        FileAccess files = new FileAccess(dir.resolve("karaf/workflows"), dir.resolve("karaf/data/assay"), List.of(),
                List.of(), List.of(dir.resolve("karaf")));
        validator = new WorkflowValidator(registry, files, ResourceLimits.DEFAULTS);
    }

    private static String wf(String... steps) {
        return "{\n  \"format\": 1,\n  \"id\": \"wf\",\n  \"steps\": [\n"
                + "    {\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 10}},\n"
                + "    {\"id\": \"segments\", \"type\": \"fit\", \"inputs\": {\"in\": \"src\"}},\n"
                + String.join(",\n", steps) + "\n  ]\n}";
    }

    private ValidationProblem only(String json) {
        List<ValidationProblem> errors = validator.validate(json).errors();
        assertEquals(1, errors.size(), () -> "expected one error, got " + errors);
        return errors.get(0);
    }

    @Test
    void aModelOutputWiredToAModelInputDeploys() {
        WorkflowValidator.Result r = validator.validate(wf(
                "    {\"id\": \"score\", \"type\": \"score\", \"inputs\": {\"in\": \"src\", \"model\": \"segments.model\"}}"));
        assertFalse(r.hasErrors(), r.problems()::toString);
    }

    @Test
    void aDatasetWiredToAModelInputIsRefusedAtTheInputWithThePortToUse() {
        ValidationProblem p = only(wf(
                "    {\"id\": \"score\", \"type\": \"score\", \"inputs\": {\"in\": \"src\", \"model\": \"segments\"}}"));
        assertEquals("step 'score' input 'model' takes a model, but 'segments.out' is a dataset; use 'segments.model'",
                p.message());
        assertEquals("$.steps[2].inputs.model", p.path());
        assertEquals(7, p.line());
        assertEquals(71, p.column(), "at the value \"segments\"");
    }

    @Test
    void aModelWiredToADatasetInputIsRefusedWithThePortToUse() {
        ValidationProblem p = only(wf(
                "    {\"id\": \"c\", \"type\": \"copy\", \"inputs\": {\"in\": \"segments.model\"}}"));
        assertEquals("step 'c' input 'in' takes a dataset, but 'segments.model' is a model; use 'segments.out'",
                p.message());
        assertEquals("$.steps[2].inputs.in", p.path());
        assertEquals(7, p.line());
    }

    @Test
    void anUpstreamStepWithoutAModelOutputSaysSo() {
        ValidationProblem p = only(wf(
                "    {\"id\": \"score\", \"type\": \"score\", \"inputs\": {\"in\": \"src\", \"model\": \"src\"}}"));
        assertEquals("step 'score' input 'model' takes a model, but 'src.out' is a dataset; step 'src' (numbers) has no"
                + " model output; connect a step that writes one", p.message());
    }
}
