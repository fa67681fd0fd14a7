package org.assay.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEngineTest {

    @TempDir
    Path dir;

    private final StepRegistry registry = new StepRegistry();
    private EngineSettings settings;
    private WorkflowStore store;
    private RunEngine engine;

    @BeforeEach
    void setUp() {
        settings = new EngineSettings(dir.resolve("workflows"), dir.resolve("data"), List.of(), List.of(), 2, 2, Duration.ofSeconds(20),
                Duration.ofSeconds(1), 0, true, false, ResourceLimits.DEFAULTS);
        registry.add(TestSteps.source(), "test.steps", "1.0.0", 1, 1);
        store = new WorkflowStore(registry, settings);
        engine = new RunEngine(registry, store, settings);
    }

    @AfterEach
    void tearDown() {
        engine.deactivate();
    }

    private void deploy(String steps) throws Exception {
        store.deploy("{\"format\": 1, \"id\": \"wf\", \"steps\": [" + steps + "]}", "test");
    }

    /** Starts a run, does something while it runs, waits for its end. */
    private RunInfo runToEnd(ThrowingRunnable during) throws Exception {
        RunInfo started = engine.start("wf");
        during.run();
        RunInfo done = engine.await(started.runId(), Duration.ofSeconds(30));
        assertTrue(done.status().isFinished(), () -> "still " + done.status());
        return done;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private RunInfo runToEnd() throws Exception {
        RunInfo started = engine.start("wf");
        RunInfo done = engine.await(started.runId(), Duration.ofSeconds(30));
        assertTrue(done.status().isFinished(), () -> "still " + done.status());
        return done;
    }

    private static StepRunInfo step(RunInfo r, String id) {
        return r.steps().stream().filter(s -> s.stepId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void runsStepsAndAccountsForEveryRow() throws Exception {
        registry.add(TestSteps.copy("1.0.0", null, null), "test.steps", "1.0.0", 1, 2);
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 1000, \"badEvery\": 100}},"
                + "{\"id\": \"even\", \"type\": \"copy\", \"inputs\": {\"in\": \"src\"}, \"params\": {\"dropOdd\": true}}");
        RunInfo r = runToEnd();
        assertEquals(RunStatus.SUCCEEDED, r.status(), r::error);
        StepRunInfo src = step(r, "src");
        assertEquals(1000, src.rowsIn());
        assertEquals(990, src.rowsOut());
        assertEquals(10, src.quarantined());
        StepRunInfo even = step(r, "even");
        assertEquals(990, even.rowsIn());
        assertEquals(490, even.rowsOut());
        assertEquals(500, even.filtered());
        assertEquals("test.steps 1.0.0", even.provider());
        assertTrue(Files.readString(r.folder().resolve("quarantine.csv")).contains("row 100 is bad on purpose"));
        String report = Files.readString(r.report());
        // The ten reasons differ only by their numbers: one group of ten rows, with examples.
        assertTrue(report.contains("succeeded") && report.contains("<td>row N is bad on purpose</td><td class=\"n\">10</td>")
                && report.contains("row 100: row 100"), report);
        assertFalse(Files.exists(r.folder().resolve(".spool")), "spool files are cleaned up");
    }

    @Test
    void stepFailureMessageReachesTheRunRecord() throws Exception {
        registry.add(TestSteps.failing(), "test.steps", "1.0.0", 1, 3);
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 5}},"
                + "{\"id\": \"out\", \"type\": \"failing\", \"inputs\": {\"in\": \"src\"}}");
        RunInfo r = runToEnd();
        assertEquals(RunStatus.FAILED, r.status());
        assertEquals("step 'out' failed: parameter 'path': /nowhere/x.csv does not exist; check the path", r.error());
    }

    @Test
    void aStepThatLosesRowsFailsTheRun() throws Exception {
        registry.add(TestSteps.leaky(), "test.steps", "1.0.0", 1, 4);
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 10}},"
                + "{\"id\": \"leak\", \"type\": \"leaky\", \"inputs\": {\"in\": \"src\"}}");
        RunInfo r = runToEnd();
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.error().contains("lost track of rows: 10 in, but 1 out"), r.error());
    }

    @Test
    void waitsForAMissingStepTypeThenCompletes() throws Exception {
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 50}},"
                + "{\"id\": \"c\", \"type\": \"copy\", \"inputs\": {\"in\": \"src\"}}");
        RunInfo started = engine.start("wf");
        RunInfo waiting = awaitStatus(started.runId(), RunStatus.WAITING_FOR_STEPS);
        assertTrue(waiting.error().contains("waiting for step type copy"), waiting.error());
        assertEquals(1, store.get("wf").orElseThrow().warnings().size(), "deployed with a warning");
        registry.add(TestSteps.copy("1.0.0", null, null), "test.steps", "1.0.0", 1, 2);
        assertEquals(List.of(), store.get("wf").orElseThrow().warnings(), "the warning goes when the type arrives");
        RunInfo done = engine.await(started.runId(), Duration.ofSeconds(30));
        assertEquals(RunStatus.SUCCEEDED, done.status(), done::error);
        assertEquals(50, step(done, "c").rowsOut());
        assertTrue(done.events().stream().anyMatch(e -> e.contains("arrived")), done.events()::toString);
    }

    @Test
    void replaysAStepWhoseBundleIsSwappedMidStep() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        registry.add(TestSteps.copy("1.0.0", started, gate), "test.steps", "1.0.0", 1, 10);
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 1000}},"
                + "{\"id\": \"c\", \"type\": \"copy\", \"inputs\": {\"in\": \"src\"}}");
        RunInfo run = engine.start("wf");
        assertTrue(started.await(10, TimeUnit.SECONDS));
        // What bundle:update does: the old service goes, then the new one comes.
        registry.remove(10);
        registry.add(TestSteps.copy("2.0.0", null, null), "test.steps", "2.0.0", 1, 11);
        gate.countDown();
        RunInfo done = engine.await(run.runId(), Duration.ofSeconds(30));
        assertEquals(RunStatus.SUCCEEDED, done.status(), done::error);
        StepRunInfo c = step(done, "c");
        assertEquals(1000, c.rowsIn());
        assertEquals(1000, c.rowsOut());
        assertEquals(2, c.attempts());
        assertEquals("test.steps 2.0.0", c.provider());
        assertTrue(done.events().stream().anyMatch(e -> e.contains("replaying from its inputs")), done.events()::toString);
    }

    @Test
    void cancelStopsARunningStep() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        registry.add(TestSteps.copy("1.0.0", started, gate), "test.steps", "1.0.0", 1, 10);
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 1000}},"
                + "{\"id\": \"c\", \"type\": \"copy\", \"inputs\": {\"in\": \"src\"}}");
        RunInfo run = engine.start("wf");
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertTrue(engine.cancel(run.runId()));
        gate.countDown();
        RunInfo done = engine.await(run.runId(), Duration.ofSeconds(30));
        assertEquals(RunStatus.CANCELLED, done.status());
        assertFalse(engine.cancel(run.runId()), "a finished run cannot be cancelled");
    }

    @Test
    void independentBranchesRunInParallel() throws Exception {
        registry.add(TestSteps.rendezvous(new CyclicBarrier(2)), "test.steps", "1.0.0", 1, 11);
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 300}},"
                + "{\"id\": \"a\", \"type\": \"rendezvous\", \"inputs\": {\"in\": \"src\"}},"
                + "{\"id\": \"b\", \"type\": \"rendezvous\", \"inputs\": {\"in\": \"src\"}}");
        RunInfo done = runToEnd();
        assertEquals(RunStatus.SUCCEEDED, done.status(), done::error);
        assertEquals(300, step(done, "a").rowsOut());
        assertEquals(300, step(done, "b").rowsOut());
    }

    @Test
    void aFailingBranchStopsTheOthers() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        registry.add(TestSteps.copy("1.0.0", started, gate), "test.steps", "1.0.0", 1, 12);
        registry.add(TestSteps.failingAfter(started), "test.steps", "1.0.0", 1, 13);
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 5000}},"
                + "{\"id\": \"c\", \"type\": \"copy\", \"inputs\": {\"in\": \"src\"}},"
                + "{\"id\": \"after\", \"type\": \"copy\", \"inputs\": {\"in\": \"c\"}},"
                + "{\"id\": \"f\", \"type\": \"failing\", \"inputs\": {\"in\": \"src\"}}");
        RunInfo run = engine.start("wf");
        assertTrue(started.await(10, TimeUnit.SECONDS));
        awaitStatus(run.runId(), RunStatus.FAILED);
        gate.countDown();
        RunInfo done = engine.await(run.runId(), Duration.ofSeconds(30));
        assertEquals(RunStatus.FAILED, done.status());
        assertTrue(done.error().startsWith("step 'f' failed"), done.error());
        assertEquals(RunStatus.CANCELLED, step(done, "c").status());
        assertEquals("stopped because another step failed", step(done, "c").error());
        // 'after' follows c's spool, so it started with c and stopped with it.
        assertEquals(RunStatus.CANCELLED, step(done, "after").status());
        assertEquals("stopped because another step failed", step(done, "after").error());
    }

    @Test
    void keepsOnlyTheNewestRunsWhenAsked() throws Exception {
        engine.deactivate();
        settings = new EngineSettings(settings.workflowDir(), settings.dataDir(), List.of(), List.of(), 1, 2, Duration.ofSeconds(20),
                Duration.ofSeconds(1), 2, true, false, ResourceLimits.DEFAULTS);
        engine = new RunEngine(registry, store, settings);
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 3}}");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(runToEnd().runId());
        }
        assertEquals(ids.subList(2, 4), engine.list().stream().map(RunInfo::runId).sorted().toList());
        assertFalse(Files.exists(settings.runsDir().resolve(ids.get(0))), "the oldest run folder is deleted");
        assertTrue(Files.isDirectory(settings.runsDir().resolve(ids.get(3))));
    }

    @Test
    void aRunInterruptedByAnEngineStopResumesAfterItsFinishedSteps() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        registry.add(TestSteps.copy("1.0.0", started, gate), "test.steps", "1.0.0", 1, 14);
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 5000, \"badEvery\": 1000}},"
                + "{\"id\": \"c\", \"type\": \"copy\", \"inputs\": {\"in\": \"src\"}},"
                + "{\"id\": \"c2\", \"type\": \"copy\", \"inputs\": {\"in\": \"c\"}}");
        RunInfo run = engine.start("wf");
        assertTrue(started.await(10, TimeUnit.SECONDS));
        awaitStepSucceeded(run.runId(), "src");
        engine.deactivate();
        RunInfo paused = RunRecords.read(settings.runsDir().resolve(run.runId()).resolve(RunRecords.FILE_NAME));
        assertFalse(paused.status().isFinished(), "paused, not finished: " + paused.status());

        StepRegistry fresh = new StepRegistry();
        fresh.add(TestSteps.source(), "test.steps", "1.0.0", 1, 1);
        fresh.add(TestSteps.copy("1.0.0", null, null), "test.steps", "1.0.0", 1, 2);
        RunEvents events = new RunEvents();
        List<org.assay.engine.RunEvent> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        events.addListener(told::add);
        engine = new RunEngine(fresh, new WorkflowStore(fresh, settings), settings, RunEngine.RECORD_INTERVAL, events);
        RunInfo done = engine.await(run.runId(), Duration.ofSeconds(30));

        assertEquals(RunStatus.SUCCEEDED, done.status(), done::error);
        for (int i = 0; i < 300 && told.stream().noneMatch(e -> e.kind().endsRun()); i++) {
            Thread.sleep(10);
        }
        List<org.assay.engine.RunEvent.Kind> kinds = told.stream().map(org.assay.engine.RunEvent::kind)
                .filter(k -> k != org.assay.engine.RunEvent.Kind.STEP_PROGRESS).toList();
        assertTrue(kinds.indexOf(org.assay.engine.RunEvent.Kind.RUN_RESUMED) >= 0
                && kinds.indexOf(org.assay.engine.RunEvent.Kind.RUN_RESUMED) < kinds.indexOf(
                        org.assay.engine.RunEvent.Kind.RUN_SUCCEEDED), "listeners hear of the resume, first: " + told);
        assertTrue(told.stream().anyMatch(e -> e.message().contains("step 'c' was interrupted")), told::toString);
        assertEquals(1, step(done, "src").attempts(), "the finished source step is not run again");
        assertEquals(2, step(done, "c").attempts(), "the attempt the stop cut short counts");
        assertTrue(done.events().stream().anyMatch(e -> e.contains("step 'c' was interrupted by engine stop at ")),
                done.events()::toString);
        assertEquals(4995, step(done, "c2").rowsOut());
        assertTrue(done.events().stream().anyMatch(e -> e.contains("run resumed after src")), done.events()::toString);
        List<String> quarantine = Files.readAllLines(done.folder().resolve(QuarantineLog.FILE_NAME));
        assertEquals(1 + 5, quarantine.size(), "header and the source's 5 rows, once: " + quarantine);
    }

    @Test
    void aReplayedStepLeavesOnlyItsLastAttemptInTheQuarantine() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        registry.add(TestSteps.copy("1.0.0", started, gate), "test.steps", "1.0.0", 1, 15);
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 100}},"
                + "{\"id\": \"c\", \"type\": \"copy\", \"params\": {\"rejectEvery\": 7}, \"inputs\": {\"in\": \"src\"}}");
        RunInfo done = runToEnd(() -> {
            assertTrue(started.await(10, TimeUnit.SECONDS));
            registry.remove(15);
            registry.add(TestSteps.copy("2.0.0", null, null), "test.steps", "2.0.0", 1, 16);
            gate.countDown();
        });
        assertEquals(RunStatus.SUCCEEDED, done.status(), done::error);
        assertEquals(2, step(done, "c").attempts());
        assertEquals(14, step(done, "c").quarantined());
        List<String> quarantine = Files.readAllLines(done.folder().resolve(QuarantineLog.FILE_NAME));
        assertEquals(1 + 14, quarantine.size(), "header and the last attempt's 14 rows, once: " + quarantine);
        assertEquals("c,7,multiple of 7,row 7", quarantine.get(1));
    }

    @Test
    void runRecordsSurviveARestart() throws Exception {
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 7}}");
        RunInfo r = runToEnd();
        engine.deactivate();
        StepRegistry fresh = new StepRegistry();
        WorkflowStore store2 = new WorkflowStore(fresh, settings);
        engine = new RunEngine(fresh, store2, settings);
        RunInfo reloaded = engine.get(r.runId()).orElseThrow();
        assertEquals(RunStatus.SUCCEEDED, reloaded.status());
        assertEquals(7, step(reloaded, "src").rowsOut());
        assertNotNull(reloaded.report());
        assertEquals(1, store2.get("wf").orElseThrow().version(), "deployments survive too");
        RunInfo second = engine.start("wf");
        assertFalse(second.runId().equals(r.runId()), "run ids are not reused after a restart");
    }

    @Test
    void stepTransitionsAreCoalescedIntoFewRecordWrites() throws Exception {
        engine.deactivate();
        // No periodic write within the test: only the writes a run's start and end force.
        engine = new RunEngine(registry, store, settings, Duration.ofHours(1));
        registry.add(TestSteps.copy("1.0.0", null, null), "test.steps", "1.0.0", 1, 2);
        StringBuilder chain = new StringBuilder("{\"id\": \"s0\", \"type\": \"numbers\", \"params\": {\"rows\": 10}}");
        for (int i = 1; i < 60; i++) {
            chain.append(",{\"id\": \"s").append(i).append("\", \"type\": \"copy\", \"inputs\": {\"in\": \"s")
                    .append(i - 1).append("\"}}");
        }
        deploy(chain.toString());
        long before = engine.recordWrites();
        RunInfo done = runToEnd();
        assertEquals(RunStatus.SUCCEEDED, done.status(), done::error);
        assertEquals(2, engine.recordWrites() - before, "one write when queued, one at the end; not one per step");
        RunInfo onDisk = RunRecords.read(done.folder().resolve(RunRecords.FILE_NAME));
        assertEquals(RunStatus.SUCCEEDED, onDisk.status());
        assertEquals(10, step(onDisk, "s59").rowsOut(), "the final record has every step");
    }

    @Test
    void aRecordKeepsMessagesAndEventsBounded() throws Exception {
        RunState run = new RunState("r1", WorkflowValidator.readDeployed(
                "{\"format\": 1, \"id\": \"wf\", \"steps\": [{\"id\": \"a\", \"type\": \"numbers\"}]}"),
                1, Files.createDirectories(dir.resolve("r1")), java.time.Instant.now());
        run.steps.get("a").error = "x".repeat(100_000);
        for (int i = 0; i < 2000; i++) {
            run.event("event " + i);
        }
        RunRecords.write(run.snapshot());
        RunInfo read = RunRecords.read(run.folder.resolve(RunRecords.FILE_NAME));
        assertEquals(RunRecords.MAX_TEXT, step(read, "a").error().length());
        assertEquals(RunState.MAX_EVENTS + 1, read.events().size());
        assertTrue(read.events().get(0).endsWith(" event 0"), read.events().get(0));
        assertEquals("(older events omitted)", read.events().get(100));
        assertTrue(read.events().get(read.events().size() - 1).endsWith(" event 1999"));
    }

    /**
     * kill -9 mid-step: the record shows the step running (written within the record interval)
     * and is never finished. The restarted engine says the step was interrupted, counts its new
     * attempt, and keeps the downtime out of the run's active time.
     */
    @Test
    void aRunKilledMidStepResumesWithTheInterruptionRecorded() throws Exception {
        engine.deactivate();
        engine = new RunEngine(registry, store, settings, Duration.ofMillis(20));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        registry.add(TestSteps.copy("1.0.0", started, gate), "test.steps", "1.0.0", 1, 14);
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 3000}},"
                + "{\"id\": \"c\", \"type\": \"copy\", \"inputs\": {\"in\": \"src\"}},"
                + "{\"id\": \"c2\", \"type\": \"copy\", \"inputs\": {\"in\": \"c\"}}");
        RunInfo run = engine.start("wf");
        assertTrue(started.await(10, TimeUnit.SECONDS));
        Path folder = settings.runsDir().resolve(run.runId());
        Path record = folder.resolve(RunRecords.FILE_NAME);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        awaitStepSucceeded(run.runId(), "src");
        while ((step(RunRecords.read(record), "c").status() != RunStatus.RUNNING
                || step(RunRecords.read(record), "src").status() != RunStatus.SUCCEEDED) && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        // The folder as a dying engine leaves it; what the engine does after this never reaches the disk.
        Path image = dir.resolve("image");
        copyTree(folder, image);
        engine.deactivate();
        gate.countDown();
        deleteTree(folder);
        copyTree(image, folder);
        StepRunInfo left = step(RunRecords.read(record), "c");
        assertEquals(RunStatus.RUNNING, left.status(), "the running step is saved as running");
        assertEquals(1, left.attempts());
        // As if the run had started two hours ago and the engine had died one hour ago.
        RunInfo r = RunRecords.read(record);
        java.time.Instant died = java.time.Instant.now().minus(Duration.ofHours(1));
        RunRecords.write(new RunInfo(r.runId(), r.workflowId(), r.workflowVersion(), r.status(),
                r.queuedAt().minus(Duration.ofHours(2)), r.startedAt().minus(Duration.ofHours(2)), null, null,
                r.folder(), null, r.steps(), r.events()));
        Files.setLastModifiedTime(record, java.nio.file.attribute.FileTime.from(died));

        StepRegistry fresh = new StepRegistry();
        fresh.add(TestSteps.source(), "test.steps", "1.0.0", 1, 1);
        fresh.add(TestSteps.copy("1.0.0", null, null), "test.steps", "1.0.0", 1, 2);
        engine = new RunEngine(fresh, new WorkflowStore(fresh, settings), settings);
        RunInfo done = engine.await(run.runId(), Duration.ofSeconds(30));

        assertEquals(RunStatus.SUCCEEDED, done.status(), done::error);
        assertEquals(1, step(done, "src").attempts());
        assertEquals(2, step(done, "c").attempts(), "the interrupted attempt counts");
        assertEquals(3000, step(done, "c2").rowsOut());
        String interrupted = "step 'c' was interrupted by engine stop at " + RunState.time(died) + " during attempt 1";
        assertTrue(done.events().stream().anyMatch(e -> e.contains(interrupted)), done.events()::toString);
        Duration down = Duration.ofMillis(done.downtimeMillis());
        assertTrue(down.compareTo(Duration.ofHours(1)) >= 0 && down.compareTo(Duration.ofMinutes(61)) < 0,
                () -> "downtime " + down);
        Duration wall = Duration.between(done.startedAt(), done.finishedAt());
        assertEquals(wall.minus(down), done.activeTime(done.finishedAt()), "the run's time leaves the downtime out");
        assertEquals(done.downtimeMillis(), RunRecords.read(record).downtimeMillis(), "the downtime is recorded");
    }

    /** Validation walks every step (and may peek at files): a run does it once, not once per step. */
    @Test
    void aRunValidatesItsWorkflowOncePerSetOfStepTypes() throws Exception {
        java.util.concurrent.atomic.AtomicInteger walks = new java.util.concurrent.atomic.AtomicInteger();
        registry.add(new org.assay.api.step.StepType() {
            @Override
            public org.assay.api.step.StepDescriptor descriptor() {
                return TestSteps.copy("1.0.0", null, null).descriptor();
            }

            @Override
            public org.assay.api.step.Step newStep() {
                return TestSteps.copy("1.0.0", null, null).newStep();
            }

            @Override
            public java.util.Optional<java.util.Map<String, org.assay.api.data.Schema>> outputSchemas(
                    org.assay.api.step.Parameters p, java.util.Map<String, org.assay.api.data.Schema> inputs) {
                walks.incrementAndGet();
                return java.util.Optional.empty();
            }
        }, "test.steps", "1.0.0", 1, 2);
        StringBuilder steps = new StringBuilder("{\"id\": \"s0\", \"type\": \"numbers\", \"params\": {\"rows\": 3}}");
        for (int i = 1; i <= 6; i++) {
            steps.append(",{\"id\": \"s").append(i).append("\", \"type\": \"copy\", \"inputs\": {\"in\": \"s")
                    .append(i - 1).append("\"}}");
        }
        deploy(steps.toString());
        int atDeploy = walks.get();
        assertEquals(6, atDeploy, "one outputSchemas call per copy step at deploy");
        assertEquals(RunStatus.SUCCEEDED, runToEnd().status());
        assertEquals(atDeploy * 2, walks.get(), "the run validated the workflow once more, not once per step");
    }

    @Test
    void aRunWaitingForATypeOneSlipFromAnInstalledOneFailsAtOnce() throws Exception {
        deploy("{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 5}},"
                + "{\"id\": \"c\", \"type\": \"copyy\", \"inputs\": {\"in\": \"src\"}}");
        // Deployed while no 'copy' existed: then the typo looked like a bundle still to come.
        registry.add(TestSteps.copy("1.0.0", null, null), "test.steps", "1.0.0", 1, 2);
        RunInfo done = runToEnd();
        assertEquals(RunStatus.FAILED, done.status());
        assertEquals("step 'c' failed: unknown step type 'copyy'; did you mean 'copy'? Correct the workflow and run "
                + "it again", done.error());
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private RunInfo awaitStatus(String runId, RunStatus status) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        RunInfo r = engine.get(runId).orElseThrow();
        while (r.status() != status && System.nanoTime() < end) {
            Thread.sleep(20);
            r = engine.get(runId).orElseThrow();
        }
        assertEquals(status, r.status());
        return r;
    }

    /** A step that reads its input twice starts with its producer (following its spool): waits for the producer's end. */
    private void awaitStepSucceeded(String runId, String stepId) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (step(engine.get(runId).orElseThrow(), stepId).status() != RunStatus.SUCCEEDED
                && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertEquals(RunStatus.SUCCEEDED, step(engine.get(runId).orElseThrow(), stepId).status());
    }
}
