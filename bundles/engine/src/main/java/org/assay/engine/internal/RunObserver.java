package org.assay.engine.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.assay.engine.RunEvent;
import org.assay.engine.RunEvent.Counts;
import org.assay.engine.RunEvent.Kind;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;

/**
 * Turns the changes of a run's state into step and run events for the listeners: each time
 * the run's record is marked changed, written, or touched while in flight
 * ({@link RunRecordWriter}), it compares every step with what it last reported. So step
 * transitions are reported where they are recorded, without the executor having to announce
 * each; progress goes out at most once per {@code progressEvery} per step, and only when
 * counts moved. The run's end is reported once its final record is written (report included).
 */
final class RunObserver {

    private final RunEvents events;
    private final Duration progressEvery;
    private final Map<RunState, Seen> seen = new ConcurrentHashMap<>();

    /** What was last reported of one run. */
    private static final class Seen {
        final Map<String, RunStatus> status = new HashMap<>();
        final Map<String, Counts> counts = new HashMap<>();
        final Map<String, Instant> progressAt = new HashMap<>();
        boolean started;
    }

    RunObserver(RunEvents events, Duration progressEvery) {
        this.events = events;
        this.progressEvery = progressEvery;
    }

    /**
     * Reports what changed since the last call for this run.
     *
     * @param settled the run's record was just written at a point of rest (queued, paused,
     *                resumed or ended): an ended run is reported as ended
     */
    void observe(RunState run, boolean settled) {
        Seen s = seen.get(run);
        if (s == null) {
            if (run.status.isFinished()) {
                // Reported as ended already (or never seen alive): nothing left to tell.
                return;
            }
            s = seen.computeIfAbsent(run, RunObserver::first);
        }
        synchronized (s) {
            Instant now = Instant.now();
            if (!s.started && run.startedAt != null && run.status != RunStatus.QUEUED) {
                s.started = true;
                run.publish(new RunEvent(now, run.runId, null, Kind.RUN_STARTED, "run started", run.totals()));
            }
            for (StepState step : run.steps.values()) {
                StepRunInfo info = step.snapshot();
                RunStatus before = s.status.put(step.id(), info.status());
                if (before != info.status()) {
                    transition(run, info, now);
                    s.counts.put(step.id(), Counts.of(info));
                } else if (info.status() == RunStatus.RUNNING) {
                    Counts c = Counts.of(info);
                    Instant last = s.progressAt.get(step.id());
                    if (!c.equals(s.counts.get(step.id()))
                            && (last == null || !now.isBefore(last.plus(progressEvery)))) {
                        s.counts.put(step.id(), c);
                        s.progressAt.put(step.id(), now);
                        run.publish(new RunEvent(now, run.runId, step.id(), Kind.STEP_PROGRESS,
                                "step '" + step.id() + "' " + Math.round(c.progress() * 100) + "%: " + c.rowsIn()
                                        + " in, " + c.rowsOut() + " out", c));
                    }
                }
            }
            if (settled && run.status.isFinished()) {
                seen.remove(run);
                Kind kind = switch (run.status) {
                    case SUCCEEDED -> Kind.RUN_SUCCEEDED;
                    case CANCELLED -> Kind.RUN_CANCELLED;
                    default -> Kind.RUN_FAILED;
                };
                run.publish(new RunEvent(now, run.runId, null, kind, "run " + run.status.label()
                        + (run.error == null || run.status == RunStatus.SUCCEEDED ? "" : ": " + run.error), run.totals()));
            }
        }
    }

    /** The state a run is first seen in is not news: a resumed run's finished steps are not reported again. */
    private static Seen first(RunState run) {
        Seen s = new Seen();
        for (StepState step : run.steps.values()) {
            s.status.put(step.id(), step.status);
        }
        s.started = run.status != RunStatus.QUEUED && run.startedAt != null;
        return s;
    }

    private static void transition(RunState run, StepRunInfo step, Instant now) {
        String name = "step '" + step.stepId() + "' (" + step.type() + ")";
        Counts c = Counts.of(step);
        RunEvent e = switch (step.status()) {
            case RUNNING -> new RunEvent(now, run.runId, step.stepId(), Kind.STEP_STARTED,
                    name + " started" + (step.provider().isEmpty() ? "" : " on " + step.provider())
                            + (step.attempts() > 1 ? ", attempt " + step.attempts() : ""), c);
            case SUCCEEDED -> new RunEvent(now, run.runId, step.stepId(), Kind.STEP_SUCCEEDED, name + " succeeded: "
                    + c.rowsIn() + " in, " + c.rowsOut() + " out, " + c.quarantined() + " quarantined, " + c.filtered()
                    + " filtered, " + step.durationMillis() + " ms", c);
            case FAILED -> new RunEvent(now, run.runId, step.stepId(), Kind.STEP_FAILED,
                    name + " failed: " + step.error(), c);
            case CANCELLED -> new RunEvent(now, run.runId, step.stepId(), Kind.STEP_CANCELLED,
                    name + " cancelled" + (step.error() == null ? "" : ": " + step.error()), c);
            // Waiting and queued again come with their reason as recorded events (RunState.event).
            default -> null;
        };
        if (e != null) {
            run.publish(e);
        }
    }
}
