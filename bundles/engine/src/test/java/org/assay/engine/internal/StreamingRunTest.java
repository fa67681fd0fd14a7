package org.assay.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edges read once stream between steps running at the same time; what that keeps and what it costs. */
class StreamingRunTest {

    @TempDir
    Path dir;

    private final StepRegistry registry = new StepRegistry();
    private EngineSettings settings;
    private WorkflowStore store;
    private RunEngine engine;
    /** Opened at the end of each test: releases any step a test left stuck. */
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        // One step thread: a streaming segment must still get a thread for each of its steps.
        settings = new EngineSettings(dir.resolve("workflows"), dir.resolve("data"), List.of(), List.of(), 2, 1,
                Duration.ofSeconds(20), Duration.ofSeconds(1), 0, true, true, ResourceLimits.DEFAULTS);
        registry.add(TestSteps.source(), "test.steps", "1.0.0", 1, 1);
        store = new WorkflowStore(registry, settings);
        engine = new RunEngine(registry, store, settings);
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        engine.deactivate();
    }

    private void deploy(String steps) throws Exception {
        store.deploy("{\"format\": 1, \"id\": \"wf\", \"steps\": [" + steps + "]}", "test");
    }

    private RunInfo await(RunInfo started) throws Exception {
        RunInfo done = engine.await(started.runId(), Duration.ofSeconds(30));
        assertTrue(done.status().isFinished(), () -> "still " + done.status());
        return done;
    }

    private static StepRunInfo step(RunInfo r, String id) {
        return r.steps().stream().filter(s -> s.stepId().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> spools(RunInfo r) throws Exception {
        try (Stream<Path> files = Files.list(r.folder().resolve(SpoolIndex.SPOOL_DIR))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".spool")).sorted().toList();
        }
    }

    @Test
    void producerAndConsumerRunAtTheSameTime() throws Exception {
        CountDownLatch saw = new CountDownLatch(1);
        registry.add(TestSteps.pinger(saw), "test.steps", "1.0.0", 1, 2);
        registry.add(TestSteps.streamCopy("1.0.0", new TestSteps.StreamHooks(saw, null, null, 0)), "test.steps",
                "1.0.0", 1, 3);
        deploy("{\"id\": \"p\", \"type\": \"pinger\"}, {\"id\": \"c\", \"type\": \"scopy\", \"inputs\": {\"in\": \"p\"}}");
        RunInfo done = await(engine.start("wf"));
        assertEquals(RunStatus.SUCCEEDED, done.status(), done::error);
        assertEquals(2, step(done, "c").rowsOut());
        assertEquals(List.of(), spools(done), "a streamed edge is not spooled");
    }

    @Test
    void rowsAreAccountedForExactlyAlongAStreamedChainAndAFanOut() throws Exception {
        registry.add(TestSteps.streamCopy("1.0.0", TestSteps.StreamHooks.none()), "test.steps", "1.0.0", 1, 3);
        registry.add(TestSteps.copy("1.0.0", null, null), "test.steps", "1.0.0", 1, 4);
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 5000, \"badEvery\": 1000}},"
                + "{\"id\": \"even\", \"type\": \"scopy\", \"params\": {\"dropOdd\": true}, \"inputs\": {\"in\": \"src\"}},"
                + "{\"id\": \"all\", \"type\": \"scopy\", \"inputs\": {\"in\": \"src\"}},"
                + "{\"id\": \"twice\", \"type\": \"copy\", \"inputs\": {\"in\": \"even\"}}");
        RunInfo done = await(engine.start("wf"));
        assertEquals(RunStatus.SUCCEEDED, done.status(), done::error);
        assertEquals(5000, step(done, "src").rowsIn());
        assertEquals(4995, step(done, "src").rowsOut());
        assertEquals(5, step(done, "src").quarantined());
        StepRunInfo even = step(done, "even");
        assertEquals(4995, even.rowsIn());
        assertEquals(2495, even.rowsOut());
        assertEquals(2500, even.filtered());
        assertEquals(4995, step(done, "all").rowsOut());
        assertEquals(2495, step(done, "twice").rowsOut());
        assertEquals(List.of("even.out.a1.spool"), spools(done),
                "only the edge into the step that may read twice is spooled");
    }

    @Test
    void aFailingStepStopsTheStepsItStreamsWith() throws Exception {
        registry.add(TestSteps.streamCopy("1.0.0", new TestSteps.StreamHooks(null, null, null, 3)), "test.steps",
                "1.0.0", 1, 3);
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 100000}},"
                + "{\"id\": \"a\", \"type\": \"scopy\", \"inputs\": {\"in\": \"src\"}},"
                + "{\"id\": \"b\", \"type\": \"scopy\", \"inputs\": {\"in\": \"a\"}}");
        RunInfo done = await(engine.start("wf"));
        assertEquals(RunStatus.FAILED, done.status());
        assertEquals("step 'a' failed: scopy broke at batch 3 on purpose", done.error());
        // The source was blocked on a full channel, the other copy on an empty one: both stopped.
        for (String id : List.of("src", "b")) {
            StepRunInfo s = step(done, id);
            assertTrue(s.status() == RunStatus.CANCELLED || s.status() == RunStatus.SUCCEEDED, s::toString);
        }
        assertEquals(RunStatus.CANCELLED, step(done, "src").status(), "100000 rows do not fit in the channel");
        assertEquals("stopped because another step failed", step(done, "src").error());
    }

    @Test
    void cancellingWakesStepsBlockedOnAStream() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        registry.add(TestSteps.copy("1.0.0", started, gate), "test.steps", "1.0.0", 1, 4);
        registry.add(TestSteps.streamCopy("1.0.0", TestSteps.StreamHooks.none()), "test.steps", "1.0.0", 1, 3);
        // The cancellable copy waits at its gate; the streamed copy after it waits on the empty channel.
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 1000}},"
                + "{\"id\": \"c\", \"type\": \"copy\", \"inputs\": {\"in\": \"src\"}},"
                + "{\"id\": \"s\", \"type\": \"scopy\", \"inputs\": {\"in\": \"c\"}}");
        RunInfo run = engine.start("wf");
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertTrue(engine.cancel(run.runId()));
        gate.countDown();
        RunInfo done = await(run);
        assertEquals(RunStatus.CANCELLED, done.status());
        assertEquals(RunStatus.CANCELLED, step(done, "s").status());
    }

    /**
     * The provider of a step in the middle of a segment goes while that step is stuck in a
     * call that ignores cancellation: the replacement starts without waiting for it, and the
     * whole segment runs again from its head, so nothing is lost or counted twice.
     */
    @Test
    void aSwapInsideAStreamingSegmentReplaysTheSegmentWithoutWaitingForTheStuckAttempt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        registry.add(TestSteps.streamCopy("1.0.0", TestSteps.StreamHooks.none()), "test.steps", "1.0.0", 1, 3);
        registry.add(TestSteps.streamCopy("stuck", "1.0.0", new TestSteps.StreamHooks(null, started, release, 0)),
                "test.stuck", "1.0.0", 2, 10);
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 3000, \"badEvery\": 1000}},"
                + "{\"id\": \"a\", \"type\": \"scopy\", \"inputs\": {\"in\": \"src\"}},"
                + "{\"id\": \"m\", \"type\": \"stuck\", \"params\": {\"dropOdd\": true}, \"inputs\": {\"in\": \"a\"}},"
                + "{\"id\": \"z\", \"type\": \"scopy\", \"inputs\": {\"in\": \"m\"}}");
        RunInfo run = engine.start("wf");
        assertTrue(started.await(10, TimeUnit.SECONDS));
        registry.remove(10);
        registry.add(TestSteps.streamCopy("stuck", "2.0.0", TestSteps.StreamHooks.none()), "test.stuck", "2.0.0", 2, 11);
        // The old attempt of m is still stuck (release opens after the test): the run must not wait for it.
        RunInfo done = await(run);
        assertEquals(1, release.getCount(), "finished while the old attempt was still stuck");
        assertEquals(RunStatus.SUCCEEDED, done.status(), done::error);
        assertEquals(2, step(done, "src").attempts(), "the segment head ran again");
        assertEquals(2, step(done, "m").attempts());
        assertEquals("test.stuck 2.0.0", step(done, "m").provider());
        assertEquals(2997, step(done, "a").rowsOut());
        StepRunInfo m = step(done, "m");
        assertEquals(2997, m.rowsIn());
        assertEquals(1497, m.rowsOut());
        assertEquals(1500, m.filtered());
        assertEquals(1497, step(done, "z").rowsOut());
        assertEquals(3, step(done, "src").quarantined());
        List<String> quarantine = Files.readAllLines(done.folder().resolve(QuarantineLog.FILE_NAME));
        assertEquals(1 + 3, quarantine.size(), "the replayed source's rows once: " + quarantine);
        assertTrue(done.events().stream().anyMatch(e -> e.contains("step 'm': attempt 1 on test.stuck 1.0.0 discarded;"
                + " replaying from its inputs on the new provider, with the steps it streams with (src, a, z)")),
                done.events()::toString);
    }

    @Test
    void anEngineStopInsideASegmentResumesTheWholeSegment() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        registry.add(TestSteps.copy("1.0.0", started, gate), "test.steps", "1.0.0", 1, 4);
        registry.add(TestSteps.streamCopy("1.0.0", TestSteps.StreamHooks.none()), "test.steps", "1.0.0", 1, 3);
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 3000}},"
                + "{\"id\": \"s\", \"type\": \"scopy\", \"inputs\": {\"in\": \"src\"}},"
                + "{\"id\": \"c\", \"type\": \"copy\", \"inputs\": {\"in\": \"s\"}},"
                + "{\"id\": \"z\", \"type\": \"scopy\", \"inputs\": {\"in\": \"c\"}}");
        RunInfo run = engine.start("wf");
        assertTrue(started.await(10, TimeUnit.SECONDS));
        // c reads twice: it follows the spool of s and starts with it; s has to finish first.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (step(engine.get(run.runId()).orElseThrow(), "s").status() != RunStatus.SUCCEEDED
                && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        engine.deactivate();
        gate.countDown();

        StepRegistry fresh = new StepRegistry();
        fresh.add(TestSteps.source(), "test.steps", "1.0.0", 1, 1);
        fresh.add(TestSteps.copy("1.0.0", null, null), "test.steps", "1.0.0", 1, 4);
        fresh.add(TestSteps.streamCopy("1.0.0", TestSteps.StreamHooks.none()), "test.steps", "1.0.0", 1, 3);
        engine = new RunEngine(fresh, new WorkflowStore(fresh, settings), settings);
        RunInfo done = await(run);
        assertEquals(RunStatus.SUCCEEDED, done.status(), done::error);
        // src streamed into s and both finished: the spool s -> c is kept, c and z run again.
        assertEquals(1, step(done, "src").attempts());
        assertEquals(1, step(done, "s").attempts());
        assertEquals(2, step(done, "c").attempts());
        assertEquals(3000, step(done, "z").rowsOut());
        assertTrue(done.events().stream().anyMatch(e -> e.contains("run resumed after src, s")), done.events()::toString);
    }

    @Test
    void resumeRunsAgainAProducerWhoseStreamedConsumerDidNotFinish() {
        org.assay.api.workflow.WorkflowDefinition wf = RunPlanTest.workflow("a", "b<a", "c<b");
        // a and b succeeded, c did not; a -> b was streamed (not in the index), b -> c spooled.
        assertEquals(java.util.Set.of("a", "b"), Resume.done(wf, java.util.Set.of("a", "b"), java.util.Set.of("b.out")));
        // b -> c was streamed too: b must run again with c, and then a with b.
        assertEquals(java.util.Set.of(), Resume.done(wf, java.util.Set.of("a", "b"), java.util.Set.of()));
        assertFalse(Resume.done(wf, java.util.Set.of("a", "b", "c"), java.util.Set.of()).isEmpty());
    }

    /** An abandoned attempt that writes its file late never replaces the file of the attempt that replaced it. */
    @Test
    void aSinkAbandonedMidWriteCannotOverwriteItsReplacement() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch oldFinished = new CountDownLatch(1);
        CountDownLatch unstick = new CountDownLatch(1);
        registry.add(TestSteps.marker("1.0.0", "old", started, unstick, oldFinished), "test.marker", "1.0.0", 2, 10);
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 500}},"
                + "{\"id\": \"sink\", \"type\": \"marker\", \"inputs\": {\"in\": \"src\"}}");
        RunInfo run = engine.start("wf");
        assertTrue(started.await(10, TimeUnit.SECONDS));
        registry.remove(10);
        registry.add(TestSteps.marker("2.0.0", "new", null, null, null), "test.marker", "2.0.0", 2, 11);
        RunInfo done = await(run);
        assertEquals(RunStatus.SUCCEEDED, done.status(), done::error);
        Path marker = done.folder().resolve("sink").resolve("marker.txt");
        assertEquals("new 500", Files.readString(marker));
        assertEquals(List.of(marker.toRealPath()), step(done, "sink").artifacts().stream()
                .map(org.assay.engine.ArtifactInfo::path).toList(), "the artifact points at the committed file");

        unstick.countDown();
        assertTrue(oldFinished.await(10, TimeUnit.SECONDS));
        assertEquals("new 500", Files.readString(marker), "the old attempt wrote into its own folder");
        try (Stream<Path> files = Files.list(marker.getParent())) {
            assertEquals(List.of("marker.txt"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** A step that may read its input twice follows the producer's spool while it grows, instead of waiting for its end. */
    @Test
    void aStepThatReadsTwiceFollowsItsProducersSpoolAsItGrows() throws Exception {
        CountDownLatch saw = new CountDownLatch(1);
        CountDownLatch open = new CountDownLatch(0);
        registry.add(TestSteps.pinger(saw), "test.steps", "1.0.0", 1, 2);
        registry.add(TestSteps.copy("1.0.0", saw, open), "test.steps", "1.0.0", 1, 4);
        deploy("{\"id\": \"p\", \"type\": \"pinger\"}, {\"id\": \"c\", \"type\": \"copy\", \"inputs\": {\"in\": \"p\"}}");
        RunInfo done = await(engine.start("wf"));
        assertEquals(RunStatus.SUCCEEDED, done.status(), done::error);
        assertEquals(2, step(done, "c").rowsIn());
        assertEquals(List.of("p.out.a1.spool"), spools(done), "the edge is still spooled, for a second pass");
    }
}
