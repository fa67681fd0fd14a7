package org.assay.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assay.api.data.BatchSink;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.RunContent;
import org.assay.engine.RunEvent;
import org.assay.engine.RunEvent.Kind;
import org.assay.engine.RunInfo;
import org.assay.engine.RunListener;
import org.assay.engine.RunService;
import org.assay.engine.WorkflowVersion;
import org.assay.engine.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's services for REST, dashboard and audit: principals, listeners, files by id, the run log. */
class RunServicesTest {

    @TempDir
    Path dir;

    private final StepRegistry registry = new StepRegistry();
    private EngineSettings settings;
    private WorkflowStore store;
    private RunEvents events;
    private RunEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        settings = new EngineSettings(dir.resolve("workflows"), dir.resolve("data"), List.of(), List.of(), 2, 2,
                Duration.ofSeconds(20), Duration.ofSeconds(1), 0, true, false, ResourceLimits.DEFAULTS);
        registry.add(TestSteps.source(), "test.steps", "1.0.0", 1, 1);
        registry.add(reporting(), "test.steps", "1.0.0", 1, 2);
        store = new WorkflowStore(registry, settings);
        events = new RunEvents(32);
        engine = new RunEngine(registry, store, settings, Duration.ofMillis(50), events);
        store.deploy("{\"format\": 1, \"id\": \"wf\", \"steps\": ["
                + "{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 250, \"badEvery\": 50}},"
                + "{\"id\": \"rep\", \"type\": \"reporting\", \"inputs\": {\"in\": \"src\"}}]}", "test", "alice");
    }

    @AfterEach
    void tearDown() {
        engine.deactivate();
        events.close();
    }

    /**
     * Counts its input, logs at three levels (one line with a throwable and a line break),
     * writes an artifact, and registers one more file outside the run folder and a link.
     */
    static StepType reporting() {
        return new StepType() {
            @Override
            public StepDescriptor descriptor() {
                return StepDescriptor.builder("reporting").category(StepCategory.SINK).title("Reporting")
                        .input("in", "rows").build();
            }

            @Override
            public Step newStep() {
                return ctx -> {
                    long rows = 0;
                    try (var in = ctx.input("in")) {
                        for (var b = in.next(); b != null; b = in.next()) {
                            rows += b.rowCount();
                        }
                    }
                    ctx.countOut(rows);
                    ctx.log().info("read {} rows", rows);
                    ctx.log().debug("not written: debug is off for steps in the test logger");
                    ctx.log().warn("two\nlines", new IllegalStateException("inner"));
                    Path summary = ctx.artifactDir().resolve("summary.csv");
                    Files.writeString(summary, "rows\n" + rows + "\n");
                    ctx.addArtifact(summary, ArtifactKind.TABLE, "Summary");
                    Path outside = ctx.artifactDir().getParent().getParent().resolve("outside.txt");
                    Files.writeString(outside, "not the run's");
                    ctx.addArtifact(outside, ArtifactKind.TABLE, "Outside");
                    Path link = ctx.artifactDir().resolve("link.txt");
                    Files.createSymbolicLink(link, outside);
                    ctx.addArtifact(link, ArtifactKind.TABLE, "Link");
                };
            }
        };
    }

    private RunInfo runToEnd(String principal) throws Exception {
        RunInfo started = engine.start("wf", "on demand", principal);
        RunInfo done = engine.await(started.runId(), Duration.ofSeconds(30));
        assertTrue(done.status().isFinished(), () -> "still " + done.status());
        return done;
    }

    private static String read(RunContent c) throws IOException {
        try (c) {
            return new String(c.stream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---- principals ----

    @Test
    void theRunRecordKeepsWhoStartedItAcrossARestart() throws Exception {
        RunInfo done = runToEnd("bob");
        assertEquals(RunStatus.SUCCEEDED, done.status(), done::error);
        assertEquals("bob", done.startedBy());
        assertEquals("on demand", done.trigger());
        assertNull(done.cancelledBy());
        assertTrue(done.events().get(0).endsWith("(on demand, by bob)"), done.events().get(0));
        engine.deactivate();
        engine = new RunEngine(registry, store, settings, Duration.ofMillis(50), events);
        RunInfo reloaded = engine.get(done.runId()).orElseThrow();
        assertEquals("bob", reloaded.startedBy());
        assertEquals("on demand", reloaded.trigger());
        assertEquals(done.timeline(), reloaded.timeline(), "structured events survive the record");
        assertEquals(done.events(), reloaded.events());
    }

    @Test
    void theOldSignaturesActAsSystem() throws Exception {
        RunInfo started = engine.start("wf");
        RunInfo done = engine.await(started.runId(), Duration.ofSeconds(30));
        assertEquals(RunService.SYSTEM, done.startedBy());
        RunInfo blank = engine.await(engine.start("wf", "test", " ").runId(), Duration.ofSeconds(30));
        assertEquals(RunService.SYSTEM, blank.startedBy());
    }

    @Test
    void aCancelKeepsWhoAskedForIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        registry.add(TestSteps.copy("1.0.0", started, gate), "test.steps", "1.0.0", 1, 3);
        store.deploy("{\"format\": 1, \"id\": \"slow\", \"steps\": ["
                + "{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 3000}},"
                + "{\"id\": \"c\", \"type\": \"copy\", \"inputs\": {\"in\": \"src\"}}]}", "test");
        RunInfo run = engine.start("slow", "on demand", "carol");
        assertTrue(started.await(30, TimeUnit.SECONDS));
        assertTrue(engine.cancel(run.runId(), "dave"));
        gate.countDown();
        RunInfo done = engine.await(run.runId(), Duration.ofSeconds(30));
        assertEquals(RunStatus.CANCELLED, done.status());
        assertEquals("carol", done.startedBy());
        assertEquals("dave", done.cancelledBy());
        assertTrue(done.timeline().stream().anyMatch(e -> e.kind() == Kind.CANCEL_REQUESTED
                && e.message().equals("cancel requested by dave")), done.timeline()::toString);
        assertEquals("dave", RunRecords.read(done.folder().resolve(RunRecords.FILE_NAME)).cancelledBy());
        assertFalse(engine.cancel(run.runId(), "dave"), "already finished");
    }

    @Test
    void deploymentsKeepWhoDeployedAndUndeployedThem() throws Exception {
        DeployedWorkflow wf = store.get("wf").orElseThrow();
        assertEquals("alice", wf.deployedBy());
        WorkflowStore reloaded = new WorkflowStore(registry, settings);
        assertEquals("alice", reloaded.get("wf").orElseThrow().deployedBy(), "kept across a restart");
        assertEquals(RunService.SYSTEM, store.deploy("{\"format\": 1, \"id\": \"other\", \"steps\": ["
                + "{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 1}}]}", "test")
                .deployedBy());
        assertTrue(store.undeploy("wf", "erin"));
        String meta = Files.readString(settings.deploymentsDir().resolve("wf").resolve("undeployed.json"));
        assertTrue(meta.contains("\"undeployedBy\" : \"erin\""), meta);
        assertFalse(store.undeploy("wf", "erin"));
    }

    @Test
    void everyVersionIsKeptWithWhoDeployedIt() throws Exception {
        String v2 = "{\"format\": 1, \"id\": \"wf\", \"steps\": ["
                + "{\"id\": \"src\", \"type\": \"numbers\", \"params\": {\"rows\": 7}}]}";
        store.deploy(v2, "test", "bob");
        List<WorkflowVersion> versions = store.versions("wf");
        assertEquals(List.of(1, 2), versions.stream().map(WorkflowVersion::version).toList());
        assertEquals("alice", versions.get(0).deployedBy());
        assertFalse(versions.get(0).active());
        assertEquals("bob", versions.get(1).deployedBy());
        assertTrue(versions.get(1).active());
        assertEquals(v2, store.source("wf", 2).orElseThrow());
        assertTrue(store.source("wf", 1).orElseThrow().contains("\"badEvery\": 50"));
        assertTrue(store.source("wf", 3).isEmpty());
        assertTrue(store.versions("nope").isEmpty());
        // An id outside the id rule is no path: nothing above the deployments folder is read.
        Files.writeString(settings.deploymentsDir().resolve("v1.json"), "secret");
        assertTrue(store.source("wf/..", 1).isEmpty());
        assertTrue(store.versions("..").isEmpty());
        assertTrue(store.undeploy("wf", "erin"));
        WorkflowStore reloaded = new WorkflowStore(registry, settings);
        List<WorkflowVersion> after = reloaded.versions("wf");
        assertEquals(2, after.size(), "an undeployed workflow keeps its versions");
        assertFalse(after.get(1).active());
        assertEquals("bob", after.get(1).deployedBy(), "kept across a restart");
    }

    // ---- listeners ----

    /** Collects events; for the run it was asked about, counts down when the run ends. */
    private static final class Collecting implements RunListener {
        final List<RunEvent> seen = new CopyOnWriteArrayList<>();
        final CountDownLatch ended = new CountDownLatch(1);

        @Override
        public void runEvent(RunEvent event) {
            seen.add(event);
            if (event.kind().endsRun()) {
                ended.countDown();
            }
        }
    }

    @Test
    void listenersGetStructuredEventsOfEachStepAndTheRunInOrder() throws Exception {
        Collecting listener = new Collecting();
        events.addListener(listener);
        RunInfo done = runToEnd("bob");
        assertTrue(listener.ended.await(30, TimeUnit.SECONDS));
        List<Kind> kinds = listener.seen.stream().map(RunEvent::kind).filter(k -> k != Kind.STEP_PROGRESS).toList();
        // The two steps may overlap (rep follows src's output as it grows): order holds per step and for the run.
        assertEquals(List.of(Kind.RUN_QUEUED, Kind.RUN_STARTED), kinds.subList(0, 2), listener.seen::toString);
        assertEquals(Kind.RUN_SUCCEEDED, kinds.get(kinds.size() - 1));
        assertEquals(7, kinds.size(), listener.seen::toString);
        for (String step : List.of("src", "rep")) {
            List<Kind> ofStep = listener.seen.stream().filter(e -> step.equals(e.stepId()))
                    .map(RunEvent::kind).filter(k -> k != Kind.STEP_PROGRESS).toList();
            assertEquals(List.of(Kind.STEP_STARTED, Kind.STEP_SUCCEEDED), ofStep, step);
        }
        RunEvent srcDone = listener.seen.stream().filter(e -> e.kind() == Kind.STEP_SUCCEEDED).findFirst().orElseThrow();
        assertEquals("src", srcDone.stepId());
        assertEquals(new RunEvent.Counts(250, 245, 5, 0, 1.0), srcDone.counts());
        RunEvent end = listener.seen.get(listener.seen.size() - 1);
        assertEquals(done.runId(), end.runId());
        assertNull(end.stepId());
        assertTrue(engine.openReport(done.runId()).isPresent(), "the end is told once the report is there");
    }

    /** One listener throws on every event, one blocks forever: the run ends as usual, a third gets everything. */
    @Test
    void aListenerThatThrowsOrBlocksHarmsNeitherTheRunNorOtherListeners() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        RunListener blocking = e -> {
            blocked.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        };
        RunListener throwing = e -> {
            throw new IllegalStateException("listener bug");
        };
        Collecting healthy = new Collecting();
        events.addListener(blocking);
        events.addListener(throwing);
        events.addListener(healthy);
        int runs = 6;
        for (int i = 0; i < runs; i++) {
            RunInfo done = runToEnd("bob");
            assertEquals(RunStatus.SUCCEEDED, done.status(), done::error);
        }
        assertTrue(blocked.await(10, TimeUnit.SECONDS));
        assertTrue(healthy.ended.await(30, TimeUnit.SECONDS));
        // Six runs give more events (7 or more each) than the blocked listener's queue of 32 holds: the rest were dropped.
        assertTrue(events.dropped(blocking) > 0, "dropped " + events.dropped(blocking));
        assertEquals(0, events.dropped(healthy));
        long ends = 0;
        for (int i = 0; i < 300 && ends < runs; i++) {
            ends = healthy.seen.stream().filter(e -> e.kind().endsRun()).count();
            Thread.sleep(10);
        }
        assertEquals(runs, ends, "the healthy listener saw every run end");
        events.removeListener(blocking);
    }

    // ---- files by id ----

    @Test
    void artifactsReportQuarantineAndLogOpenAsStreamsById() throws Exception {
        RunInfo done = runToEnd("bob");
        String runId = done.runId();
        RunContent summary = engine.openArtifact(runId, "rep/summary.csv").orElseThrow();
        assertEquals("text/csv; charset=utf-8", summary.contentType());
        assertEquals("summary.csv", summary.fileName());
        assertEquals(Files.size(done.folder().resolve("rep").resolve("summary.csv")), summary.size());
        assertEquals("rows\n245\n", read(summary));
        RunContent report = engine.openReport(runId).orElseThrow();
        assertTrue(report.contentType().startsWith("text/html"));
        assertTrue(read(report).contains("<html"));
        String quarantine = read(engine.openQuarantine(runId).orElseThrow());
        assertTrue(quarantine.startsWith("step,row,reason,record\n"), quarantine);
        assertEquals(6, quarantine.lines().count());
        assertTrue(engine.openLog(runId).isPresent());
        assertTrue(engine.openArtifact(runId, "rep/missing.csv").isEmpty());
        assertTrue(engine.openArtifact("no-such-run", "rep/summary.csv").isEmpty());
        assertTrue(engine.openReport("no-such-run").isEmpty());
    }

    /** Ids come from URLs: none reaches a file the run did not record, inside its folder. */
    @Test
    void artifactIdsCannotReachOtherFiles() throws Exception {
        RunInfo done = runToEnd("bob");
        String runId = done.runId();
        Files.writeString(done.folder().resolve("secret.txt"), "run folder, but no artifact");
        for (String id : List.of("../../etc/passwd", "rep/../../../etc/passwd", "/etc/passwd", "rep/../secret.txt",
                "rep/..", "rep/.", "rep", "rep/sub/summary.csv", "rep\\..\\secret.txt", "rep/summary.csv\u0000.png",
                "..", "", "rep/" + "x".repeat(300))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> engine.openArtifact(runId, id), id);
            assertTrue(e.getMessage().contains("is not an artifact id"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> engine.openArtifact(runId, null));
        // Well formed, but not recorded: not found, even though the file exists.
        assertTrue(engine.openArtifact(runId, "rep/secret.txt").isEmpty());
        assertTrue(engine.openArtifact(runId, "src/summary.csv").isEmpty());
        // Recorded by the step, but outside the run folder or a link: not served.
        assertTrue(engine.openArtifact(runId, "rep/outside.txt").isEmpty());
        assertTrue(engine.openArtifact(runId, "rep/link.txt").isEmpty());
    }

    // ---- the run log ----

    @Test
    void theRunLogHasTheStepsLinesWithInstantLevelAndStep() throws Exception {
        RunInfo done = runToEnd("bob");
        String log = read(engine.openLog(done.runId()).orElseThrow());
        List<String> lines = log.lines().toList();
        assertEquals(2, lines.size(), log);
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z INFO rep read 245 rows"), lines.get(0));
        assertTrue(lines.get(1).endsWith(" WARN rep two\\nlines | java.lang.IllegalStateException: inner"),
                lines.get(1));
        assertEquals(done.folder().resolve("run.log"), done.folder().resolve(RunLog.FILE_NAME));
        assertEquals("text/plain; charset=utf-8", engine.openLog(done.runId()).orElseThrow().contentType());
    }

    @Test
    void theRunLogStopsAtItsBoundWithOneLineSayingSo() throws Exception {
        RunLog log = new RunLog(dir.resolve("run.log"));
        String line = "y".repeat(1 << 20);
        for (int i = 0; i < 20; i++) {
            log.write(java.time.Instant.now(), "INFO", "s", line, null);
        }
        log.close();
        List<String> lines = Files.readAllLines(dir.resolve("run.log"));
        assertTrue(Files.size(dir.resolve("run.log")) <= RunLog.MAX_BYTES + 200);
        assertTrue(lines.get(lines.size() - 1).endsWith("further lines of this run are only in the Karaf log"));
    }
}
