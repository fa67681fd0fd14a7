package org.assay.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assay.engine.RunEvent;
import org.assay.engine.RunEvent.Kind;
import org.assay.engine.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step transitions and progress are told once each, from the run's state, and the end only once it settles. */
class RunObserverTest {

    @TempDir
    Path dir;

    private final List<RunEvent> seen = new CopyOnWriteArrayList<>();

    private RunState run(String stepStatusOfResumed) throws Exception {
        RunState run = new RunState("r1", WorkflowValidator.readDeployed("{\"format\": 1, \"id\": \"wf\", \"steps\": ["
                + "{\"id\": \"a\", \"type\": \"numbers\"}, {\"id\": \"b\", \"type\": \"copy\", \"inputs\": {\"in\": \"a\"}}]}"),
                1, dir, Instant.now());
        if (stepStatusOfResumed != null) {
            run.steps.get("a").status = RunStatus.valueOf(stepStatusOfResumed);
            run.startedAt = Instant.now();
            run.status = RunStatus.RUNNING;
        }
        run.publishTo(seen::add);
        return run;
    }

    private List<Kind> kinds() {
        return seen.stream().map(RunEvent::kind).toList();
    }

    @Test
    void transitionsProgressAndTheEndAreToldOnceEach() throws Exception {
        RunObserver observer = new RunObserver(new RunEvents(), Duration.ZERO);
        RunState run = run(null);
        observer.observe(run, true);
        assertTrue(seen.isEmpty(), "a queued run is no news");
        StepState a = run.steps.get("a");
        run.startedAt = Instant.now();
        run.stepRunning();
        a.status = RunStatus.RUNNING;
        observer.observe(run, false);
        assertEquals(List.of(Kind.RUN_STARTED, Kind.STEP_STARTED), kinds());
        observer.observe(run, false);
        assertEquals(2, seen.size(), "nothing moved, nothing told");
        a.counts.rowsIn.set(100);
        a.counts.rowsOut.set(90);
        observer.observe(run, false);
        RunEvent progress = seen.get(2);
        assertEquals(Kind.STEP_PROGRESS, progress.kind());
        assertEquals("a", progress.stepId());
        assertEquals(new RunEvent.Counts(100, 90, 0, 0, 0), progress.counts());
        a.counts.filtered.set(10);
        a.status = RunStatus.SUCCEEDED;
        observer.observe(run, false);
        assertEquals(Kind.STEP_SUCCEEDED, seen.get(3).kind());
        assertTrue(seen.get(3).message().contains("100 in, 90 out, 0 quarantined, 10 filtered"), seen.get(3).message());
        run.finish();
        observer.observe(run, false);
        assertEquals(List.of(Kind.RUN_STARTED, Kind.STEP_STARTED, Kind.STEP_PROGRESS, Kind.STEP_SUCCEEDED), kinds(),
                "finished, but the run's end waits for its final record (the report comes first)");
        observer.observe(run, true);
        assertEquals(Kind.RUN_SUCCEEDED, seen.get(seen.size() - 1).kind());
        int told = seen.size();
        observer.observe(run, true);
        observer.observe(run, false);
        assertEquals(told, seen.size(), "the end is told once");
    }

    @Test
    void progressIsToldAtMostOncePerIntervalPerStep() throws Exception {
        RunObserver observer = new RunObserver(new RunEvents(), Duration.ofHours(1));
        RunState run = run(null);
        observer.observe(run, true);
        StepState a = run.steps.get("a");
        run.startedAt = Instant.now();
        a.status = RunStatus.RUNNING;
        observer.observe(run, false);
        for (int i = 1; i <= 5; i++) {
            a.counts.rowsIn.set(i);
            observer.observe(run, false);
        }
        assertEquals(1, kinds().stream().filter(k -> k == Kind.STEP_PROGRESS).count(), kinds()::toString);
    }

    /** A resumed run's steps that had finished before the stop are not reported again. */
    @Test
    void whatARunIsFirstSeenInIsNotNews() throws Exception {
        RunObserver observer = new RunObserver(new RunEvents(), Duration.ZERO);
        RunState run = run("SUCCEEDED");
        observer.observe(run, true);
        run.steps.get("b").status = RunStatus.RUNNING;
        observer.observe(run, false);
        assertEquals(List.of(Kind.STEP_STARTED), kinds());
        assertEquals("b", seen.get(0).stepId());
    }
}
