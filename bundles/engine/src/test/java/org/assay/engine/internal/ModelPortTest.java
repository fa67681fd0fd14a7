package org.assay.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.assay.engine.ValidationProblem;
import org.assay.engine.WorkflowRejectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models on model ports, end to end through the engine, and read-once inputs. */
class ModelPortTest {

    private static final String TRAIN = "{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 100}},"
            + "{\"id\": \"fit\", \"type\": \"fit\", \"inputs\": {\"in\": \"src\"}},";

    @TempDir
    Path dir;

    private final StepRegistry registry = new StepRegistry();
    private EngineSettings settings;
    private WorkflowStore store;
    private RunEngine engine;

    @BeforeEach
    void setUp() {
        settings = settings(false);
        registry.add(TestSteps.source(), "test.steps", "1.0.0", 1, 1);
        registry.add(TestSteps.fit(), "test.steps", "1.0.0", 1, 2);
        store = new WorkflowStore(registry, settings);
        engine = new RunEngine(registry, store, settings);
    }

    private EngineSettings settings(boolean keepSpools) {
        return new EngineSettings(dir.resolve("workflows"), dir.resolve("data"), List.of(), List.of(), 2, 2,
                Duration.ofSeconds(20), Duration.ofSeconds(1), 0, true, keepSpools, ResourceLimits.DEFAULTS);
    }

    @AfterEach
    void tearDown() {
        engine.deactivate();
    }

    private void deploy(String steps) throws Exception {
        store.deploy("{\"format\": 1, \"id\": \"wf\", \"steps\": [" + steps + "]}", "test");
    }

    private RunInfo runToEnd() throws Exception {
        RunInfo done = engine.await(engine.start("wf").runId(), Duration.ofSeconds(30));
        assertTrue(done.status().isFinished(), () -> "still " + done.status());
        return done;
    }

    private static StepRunInfo step(RunInfo r, String id) {
        return r.steps().stream().filter(s -> s.stepId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aModelTravelsFromTheStepThatTrainsItToTheStepThatUsesIt() throws Exception {
        engine.deactivate();
        settings = settings(true);
        engine = new RunEngine(registry, store, settings);
        registry.add(TestSteps.score(), "test.steps", "1.0.0", 1, 3);
        deploy(TRAIN + "{\"id\": \"score\", \"type\": \"score\", \"inputs\": {\"in\": \"src\", \"model\": \"fit.model\"}}");
        RunInfo r = runToEnd();
        assertEquals(RunStatus.SUCCEEDED, r.status(), r::error);
        // Threshold 50 (half of the largest n): the model's content and header arrived.
        assertEquals(50, step(r, "score").rowsOut());
        assertEquals(50, step(r, "score").filtered());
        assertEquals(100, step(r, "fit").rowsOut(), "a model carries no rows");

        Path spool = r.folder().resolve(".spool");
        String index = Files.readString(spool.resolve("outputs.json"));
        assertTrue(index.contains("\"fit.model\":\"fit.model.a1.model.json\""), index);
        var stored = ModelFile.read(spool.resolve("fit.model.a1.model.json"));
        assertEquals(TestSteps.THRESHOLD_FORMAT, stored.format());
        assertEquals(TestSteps.SCHEMA, stored.header());
        assertEquals(100, stored.trainedRows());
        assertEquals("half-max", stored.algorithm());
        assertEquals("100", stored.property("max").orElseThrow());
        try (var in = stored.openContent()) {
            assertEquals("50", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void wiringADatasetToAModelInputIsRefusedAtDeploy() {
        registry.add(TestSteps.score(), "test.steps", "1.0.0", 1, 3);
        WorkflowRejectedException e = assertThrows(WorkflowRejectedException.class, () -> deploy(TRAIN
                + "{\"id\": \"score\", \"type\": \"score\", \"inputs\": {\"in\": \"src\", \"model\": \"fit\"}}"));
        List<ValidationProblem> problems = e.problems();
        assertEquals(1, problems.size(), problems::toString);
        assertEquals("step 'score' input 'model' takes a model, but 'fit.out' is a dataset; use 'fit.model'",
                problems.get(0).message());
        assertEquals("$.steps[2].inputs.model", problems.get(0).path());
        assertTrue(store.get("wf").isEmpty(), "nothing deployed");
    }

    @Test
    void aRunResumedAfterAStopReadsTheModelTheFinishedStepWrote() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        registry.add(TestSteps.score(started, gate), "test.steps", "1.0.0", 1, 3);
        deploy(TRAIN + "{\"id\": \"score\", \"type\": \"score\", \"inputs\": {\"in\": \"src\", \"model\": \"fit.model\"}}");
        RunInfo run = engine.start("wf");
        assertTrue(started.await(10, TimeUnit.SECONDS));
        engine.deactivate();
        gate.countDown();

        StepRegistry fresh = new StepRegistry();
        fresh.add(TestSteps.source(), "test.steps", "1.0.0", 1, 1);
        fresh.add(TestSteps.fit(), "test.steps", "1.0.0", 1, 2);
        fresh.add(TestSteps.score(), "test.steps", "1.0.0", 1, 3);
        engine = new RunEngine(fresh, new WorkflowStore(fresh, settings), settings);
        RunInfo done = engine.await(run.runId(), Duration.ofSeconds(30));

        assertEquals(RunStatus.SUCCEEDED, done.status(), done::error);
        assertEquals(1, step(done, "fit").attempts(), "the model was kept, not trained again");
        assertEquals(2, step(done, "score").attempts());
        assertEquals(50, step(done, "score").rowsOut());
        assertTrue(done.events().stream().anyMatch(e -> e.contains("run resumed after") && e.contains("fit")),
                done.events()::toString);
    }

    @Test
    void aStepThatOpensAReadOnceInputTwiceFailsWithTheFix() throws Exception {
        registry.add(TestSteps.readsTwice(), "test.steps", "1.0.0", 1, 4);
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 10}},"
                + "{\"id\": \"t\", \"type\": \"twice\", \"inputs\": {\"in\": \"src\"}}");
        RunInfo r = runToEnd();
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.error().contains("step 't' (twice) opened input 'in' a second time, but its type declares it "
                + "read once (PortSpec.streamed); declare it PortSpec.of to read it several times"), r.error());
        assertFalse(r.error().contains("Exception"), r.error());
    }
}
