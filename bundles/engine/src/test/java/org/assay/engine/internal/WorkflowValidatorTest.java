package org.assay.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assay.engine.ValidationProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowValidatorTest {

    private final StepRegistry registry = new StepRegistry();
    private WorkflowValidator validator;
    private FileAccess files;
    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        registry.add(TestSteps.source(), "test.steps", "1.0.0", 1, 1);
        registry.add(TestSteps.copy("1.0.0", null, null), "test.steps", "1.0.0", 1, 2);
        registry.add(TestSteps.files(), "test.steps", "1.0.0", 1, 3);
        files = new FileAccess(dir.resolve("karaf/workflows"), dir.resolve("karaf/data/assay"), List.of(), List.of(),
                List.of(dir.resolve("karaf")));
        validator = new WorkflowValidator(registry, files, ResourceLimits.DEFAULTS);
    }

    @Test
    void pathOutsideTheReadRootsIsRefusedAtDeployAtTheParameter() {
        ValidationProblem p = only(wf("    {\"id\": \"f\", \"type\": \"files\",\n"
                + "     \"params\": {\"from\": \"../../../../../../../../etc/passwd\"}}"));
        assertEquals("$.steps[0].params.from", p.path());
        assertEquals(6, p.line());
        assertTrue(p.message().startsWith("parameter from: \"../../../../../../../../etc/passwd\" (/etc/passwd) is "
                + "outside the folders workflows may read"), p.message());
        assertTrue(p.message().contains("readRoots in etc/org.assay.engine.cfg"), p.message());
    }

    @Test
    void writingKarafsUsersFileIsRefusedAtDeploy() {
        String users = dir.resolve("karaf/etc/users.properties").toString();
        ValidationProblem p = only(wf("    {\"id\": \"f\", \"type\": \"files\", \"params\": {\"to\": \"" + users + "\"}}"));
        assertEquals("$.steps[0].params.to", p.path());
        assertTrue(p.message().contains("is inside Karaf's etc folder (" + dir.resolve("karaf/etc") + "), which workflows may never write"),
                p.message());
    }

    @Test
    void pathsInsideTheRootsDeploy() {
        WorkflowValidator.Result r = validator.validate(wf("    {\"id\": \"f\", \"type\": \"files\", \"params\": "
                + "{\"from\": \"data/customers.csv\", \"to\": \"out/clean.csv\"}}"));
        assertFalse(r.hasErrors(), r.problems()::toString);
    }

    private static String wf(String steps) {
        return "{\n  \"format\": 1,\n  \"id\": \"wf\",\n  \"steps\": [\n" + steps + "\n  ]\n}";
    }

    private static final String SOURCE = "    {\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 10}}";

    private ValidationProblem only(String json) {
        List<ValidationProblem> errors = validator.validate(json).errors();
        assertEquals(1, errors.size(), () -> "expected one error, got " + errors);
        return errors.get(0);
    }

    @Test
    void acceptsAValidWorkflow() {
        WorkflowValidator.Result r = validator.validate(wf(SOURCE + ",\n    {\"id\": \"c\", \"type\": \"copy\", \"inputs\": {\"in\": \"src\"}}"));
        assertFalse(r.hasErrors(), r.problems()::toString);
        assertEquals(2, r.definition().orElseThrow().steps().size());
    }

    @Test
    void acceptsAQuartzSchedule() {
        WorkflowValidator.Result r = validator.validate(wf(SOURCE).replace("\"id\": \"wf\",",
                "\"id\": \"wf\",\n  \"schedule\": \"0 30 2 ? * MON-FRI\","));
        assertFalse(r.hasErrors(), r.problems()::toString);
        assertEquals("0 30 2 ? * MON-FRI", r.definition().orElseThrow().schedule());
    }

    @Test
    void aDeclaredPurposeIsKeptInTheDefinition() {
        WorkflowValidator.Result r = validator.validate(wf(SOURCE).replace("\"id\": \"wf\",",
                "\"id\": \"wf\",\n  \"purpose\": \"marketing\","));
        assertFalse(r.hasErrors(), r.problems()::toString);
        assertEquals("marketing", r.definition().orElseThrow().purpose());
        assertEquals(null, validator.validate(wf(SOURCE)).definition().orElseThrow().purpose());
    }

    @Test
    void aMalformedPurposeIsLocated() {
        ValidationProblem p = only(wf(SOURCE).replace("\"id\": \"wf\",",
                "\"id\": \"wf\",\n  \"purpose\": \"Direct Marketing\","));
        assertEquals("$.purpose", p.path());
        assertEquals(4, p.line());
    }

    @Test
    void aStepFilteringForAnotherPurposeThanTheWorkflowsIsRefused() {
        String consent = ",\n    {\"id\": \"ok\", \"type\": \"consent-filter\", \"inputs\": {\"in\": \"src\"},"
                + " \"params\": {\"purpose\": \"marketing\"}}";
        ValidationProblem p = only(wf(SOURCE + consent).replace("\"id\": \"wf\",",
                "\"id\": \"wf\",\n  \"purpose\": \"analytics\","));
        assertEquals("$.steps[1].params.purpose", p.path());
        assertTrue(p.message().contains("the workflow's purpose is 'analytics'"), p.message());
        ValidationProblem none = only(wf(SOURCE + consent));
        assertTrue(none.message().contains("add \"purpose\": \"marketing\" at the top"), none.message());
        assertFalse(validator.validate(wf(SOURCE + consent).replace("\"id\": \"wf\",",
                "\"id\": \"wf\",\n  \"purpose\": \"marketing\",")).hasErrors());
    }

    @Test
    void badScheduleIsLocatedAndExplained() {
        ValidationProblem p = only(wf(SOURCE).replace("\"id\": \"wf\",",
                "\"id\": \"wf\",\n  \"schedule\": \"0 0 25 * * ?\","));
        assertEquals("$.schedule", p.path());
        assertEquals(4, p.line());
        assertTrue(p.message().contains("'0 0 25 * * ?' is not a valid Quartz cron expression"), p.message());
        assertTrue(p.message().contains("25"), p.message());
    }

    @Test
    void unixCronIsRefusedWithTheQuartzShape() {
        ValidationProblem p = only(wf(SOURCE).replace("\"id\": \"wf\",",
                "\"id\": \"wf\",\n  \"schedule\": \"0 2 * * *\","));
        assertEquals("$.schedule", p.path());
        assertTrue(p.message().contains("has 5 fields; a Quartz cron expression has 6 or 7"), p.message());
    }

    @Test
    void syntaxErrorHasLineAndColumn() {
        ValidationProblem p = only("{\n  \"format\": 1,\n  \"id\": \"wf\"\n  \"steps\": []\n}");
        assertEquals(4, p.line());
        assertTrue(p.message().contains("comma"), p.message());
    }

    @Test
    void wrongParameterTypeIsLocated() {
        ValidationProblem p = only(wf("    {\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": \"ten\"}}"));
        assertEquals("$.steps[0].params.rows", p.path());
        assertEquals(5, p.line());
        assertEquals(57, p.column());
        assertTrue(p.message().contains("expected an integer but found a string"), p.message());
    }

    @Test
    void unknownParameterSuggestsTheRightOne() {
        ValidationProblem p = only(wf("    {\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 1, \"row\": 2}}"));
        assertEquals("$.steps[0].params.row", p.path());
        assertTrue(p.message().contains("has no parameter 'row'; did you mean 'rows'?"), p.message());
    }

    @Test
    void missingRequiredParameter() {
        ValidationProblem p = only(wf("    {\"id\": \"src\", \"type\": \"numbers\", \"params\": {}}"));
        assertTrue(p.message().contains("needs parameter 'rows'"), p.message());
    }

    @Test
    void enumAndMinimum() {
        List<ValidationProblem> errors = validator.validate(wf(
                "    {\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": -1, \"mode\": \"warp\"}}")).errors();
        assertEquals(2, errors.size(), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("must be at least 0")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("'warp' is not allowed")), errors::toString);
    }

    @Test
    void duplicateStepIds() {
        ValidationProblem p = only(wf(SOURCE + ",\n" + SOURCE));
        assertEquals("$.steps[1].id", p.path());
        assertTrue(p.message().contains("used twice"), p.message());
    }

    @Test
    void inputMustExist() {
        ValidationProblem p = only(wf(SOURCE + ",\n    {\"id\": \"c\", \"type\": \"copy\", \"inputs\": {\"in\": \"scr\"}}"));
        assertEquals("$.steps[1].inputs.in", p.path());
        assertEquals(6, p.line());
        assertTrue(p.message().contains("no step with id 'scr'; did you mean 'src'?"), p.message());
    }

    @Test
    void portsMustFit() {
        ValidationProblem p = only(wf(SOURCE + ",\n    {\"id\": \"c\", \"type\": \"copy\", \"inputs\": {\"in\": \"src.rejects\"}}"));
        assertTrue(p.message().contains("has no output 'rejects'"), p.message());
        List<ValidationProblem> wrongPort = validator.validate(wf(SOURCE
                + ",\n    {\"id\": \"c\", \"type\": \"copy\", \"inputs\": {\"data\": \"src\"}}")).errors();
        assertEquals(2, wrongPort.size(), wrongPort::toString);
        assertTrue(wrongPort.stream().anyMatch(e -> e.message().contains("has no input 'data'")), wrongPort::toString);
        assertTrue(wrongPort.stream().anyMatch(e -> e.message().contains("needs input 'in'")), wrongPort::toString);
    }

    @Test
    void cyclesAreNamed() {
        List<ValidationProblem> errors = validator.validate(wf(
                "    {\"id\": \"a\", \"type\": \"copy\", \"inputs\": {\"in\": \"b\"}},\n"
                        + "    {\"id\": \"b\", \"type\": \"copy\", \"inputs\": {\"in\": \"a\"}}")).errors();
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("cycle: a -> b -> a")
                || e.message().contains("cycle: b -> a -> b")), errors::toString);
    }

    @Test
    void missingStepTypeIsOnlyAWarning() {
        WorkflowValidator.Result r = validator.validate(wf(SOURCE
                + ",\n    {\"id\": \"c\", \"type\": \"bar-chart\", \"inputs\": {\"in\": \"src\"}, \"params\": {\"x\": 1}}"));
        assertFalse(r.hasErrors(), r.problems()::toString);
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).message().contains("not installed"));
    }

    @Test
    void structuralErrors() {
        ValidationProblem p = only("{\"format\": 2, \"id\": \"wf\", \"steps\": [" + SOURCE + "]}");
        assertTrue(p.message().contains("format 1"), p.message());
        ValidationProblem q = only("{\"format\": 1, \"id\": \"Bad Id\", \"steps\": [" + SOURCE + "]}");
        assertTrue(q.message().contains("not a valid id"), q.message());
        ValidationProblem r = only("{\"format\": 1, \"steps\": [" + SOURCE + "]}");
        assertTrue(r.message().contains("missing required field 'id'"), r.message());
    }

    @Test
    void schemaAndGraphProblemsAreReportedTogether() {
        List<ValidationProblem> errors = validator.validate(wf(
                "    {\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": \"ten\"}},\n"
                        + "    {\"id\": \"c\", \"type\": \"copy\", \"inputs\": {\"in\": \"nope\"}}")).errors();
        assertEquals(2, errors.size(), errors::toString);
        assertEquals(5, errors.get(0).line());
        assertEquals(6, errors.get(1).line());
        assertTrue(errors.get(1).message().contains("no step with id 'nope'"), errors::toString);
    }

    @Test
    void aTypeOneSlipFromAnInstalledOneIsAnError() {
        ValidationProblem p = only(wf(SOURCE + ",\n    {\"id\": \"c\", \"type\": \"copyy\", \"inputs\": {\"in\": \"src\"}}"));
        assertEquals("$.steps[1].type", p.path());
        assertEquals(6, p.line());
        assertEquals("unknown step type 'copyy'; did you mean 'copy'?", p.message());
        ValidationProblem swapped = only(wf("    {\"id\": \"src\", \"type\": \"nubmers\", \"params\": {\"rows\": 1}}"));
        assertEquals("unknown step type 'nubmers'; did you mean 'numbers'?", swapped.message());
    }

    @Test
    void aTypeResemblingNothingInstalledStillOnlyWaits() {
        WorkflowValidator.Result r = validator.validate(wf(SOURCE
                + ",\n    {\"id\": \"c\", \"type\": \"cpoier\", \"inputs\": {\"in\": \"src\"}}"));
        assertFalse(r.hasErrors(), r.problems()::toString);
        assertTrue(r.warnings().get(0).message().contains("runs will wait"), r.warnings()::toString);
    }

    @Test
    void tooManyStepsAreRefusedNamingTheLimitAndItsKey() {
        WorkflowValidator small = new WorkflowValidator(registry, files, new ResourceLimits(1 << 20, 2, Duration.ZERO));
        String three = SOURCE + ",\n    {\"id\": \"a\", \"type\": \"copy\", \"inputs\": {\"in\": \"src\"}},"
                + "\n    {\"id\": \"b\", \"type\": \"copy\", \"inputs\": {\"in\": \"a\"}}";
        List<ValidationProblem> errors = small.validate(wf(three)).errors();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals("$.steps", errors.get(0).path());
        assertEquals("the workflow has 3 steps; the limit is 2 (maxStepsPerWorkflow in etc/org.assay.engine.cfg); "
                + "split it into smaller workflows", errors.get(0).message());
    }

    @Test
    void aTooLargeDocumentIsRefusedBeforeParsing() {
        WorkflowValidator small = new WorkflowValidator(registry, files, new ResourceLimits(1024, 500, Duration.ZERO));
        // Not even JSON: the size alone decides, so nothing of it is parsed.
        ValidationProblem p = small.validate("[".repeat(2000)).errors().get(0);
        assertEquals("the workflow is larger than 1 KiB; the limit is 1 KiB (maxWorkflowFileKib in "
                + "etc/org.assay.engine.cfg)", p.message());
    }

    @Test
    void aScheduleFiringMoreOftenThanTheMinimumIsRefused() {
        ValidationProblem p = only(wf(SOURCE).replace("\"id\": \"wf\",",
                "\"id\": \"wf\",\n  \"schedule\": \"* * * * * ?\","));
        assertEquals("$.schedule", p.path());
        assertEquals(4, p.line());
        assertTrue(p.message().startsWith("'* * * * * ?' fires as often as every 1 s; a schedule may fire at most "
                + "once every 60 s (minScheduleIntervalSeconds in etc/org.assay.engine.cfg)"), p.message());
        ValidationProblem burst = only(wf(SOURCE).replace("\"id\": \"wf\",",
                "\"id\": \"wf\",\n  \"schedule\": \"0,30 0 2 * * ?\","));
        assertTrue(burst.message().contains("as often as every 30 s"), burst.message());
        assertFalse(validator.validate(wf(SOURCE).replace("\"id\": \"wf\",",
                "\"id\": \"wf\",\n  \"schedule\": \"0 * * * * ?\",")).hasErrors(), "once a minute is allowed");
    }

    @Test
    void deepNestingIsLocatedInPlainWords() {
        String deep = "[".repeat(150) + "]".repeat(150);
        ValidationProblem p = only(wf("    {\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": " + deep + "}}"));
        assertEquals(5, p.line());
        assertTrue(p.message().startsWith("nesting deeper than 100 levels at line 5, column "),
                p.message());
        assertFalse(p.message().contains("StreamReadConstraints"), p.message());
    }
}
