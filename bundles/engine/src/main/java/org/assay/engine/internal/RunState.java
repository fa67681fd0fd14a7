package org.assay.engine.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.assay.api.workflow.StepDefinition;
import org.assay.api.workflow.WorkflowDefinition;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;

/**
 * The live, mutable state of one run. Written by the threads executing its steps (branches
 * run in parallel), read by anyone asking for a snapshot; fields are volatile, and status
 * changes go through the synchronized methods so that a failure is never overwritten.
 */
final class RunState {

    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    /** Events kept per run: the first ones tell how it began, the latest how it goes; the middle goes. */
    static final int MAX_EVENTS = 500;
    private static final int FIRST_EVENTS_KEPT = 100;

    final String runId;
    final WorkflowDefinition workflow;
    final int workflowVersion;
    final Path folder;
    final Instant queuedAt;
    final Map<String, StepState> steps = new LinkedHashMap<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    final CountDownLatch finished = new CountDownLatch(1);

    volatile RunStatus status = RunStatus.QUEUED;
    volatile Instant startedAt;
    volatile Instant finishedAt;
    volatile String error;
    volatile Path report;
    volatile boolean cancelRequested;
    /** Set when a step failed: the other branches in flight stop, no new step starts. */
    volatile boolean stopping;
    /** Time spent with the engine stopped, over all resumptions. */
    volatile long downtimeMillis;
    private boolean eventsOmitted;

    RunState(String runId, WorkflowDefinition workflow, int workflowVersion, Path folder, Instant queuedAt) {
        this.runId = runId;
        this.workflow = workflow;
        this.workflowVersion = workflowVersion;
        this.folder = folder;
        this.queuedAt = queuedAt;
        for (StepDefinition s : workflow.steps()) {
            steps.put(s.id(), new StepState(s));
        }
    }

    /** The engine is going away: the run stops where it is and resumes on the next start. */
    volatile boolean engineStopping;

    /** Whether steps should stop: the user cancelled, another branch failed, or the engine stops. */
    boolean shouldStop() {
        return cancelRequested || stopping || engineStopping;
    }

    /** A step started work; the run is running unless it already failed. */
    synchronized void stepRunning() {
        if (status == RunStatus.QUEUED || status == RunStatus.WAITING_FOR_STEPS) {
            status = RunStatus.RUNNING;
        }
    }

    /** A step waits for its type; the run shows it unless another step is running. */
    synchronized void stepWaiting(String reason) {
        if (status.isFinished()) {
            return;
        }
        error = reason;
        if (steps.values().stream().noneMatch(s -> s.status == RunStatus.RUNNING)) {
            status = RunStatus.WAITING_FOR_STEPS;
        }
    }

    /** A missing step type arrived: the waiting message goes. */
    synchronized void clearWaiting() {
        if (status != RunStatus.FAILED && error != null && error.startsWith("waiting for step type")) {
            error = null;
        }
    }

    /** The first failure wins: it names the step that broke the run. */
    synchronized void failed(String message) {
        if (status != RunStatus.FAILED) {
            status = RunStatus.FAILED;
            error = message;
            event(message);
        }
        stopping = true;
    }

    /** Sets the final status once every step has stopped. */
    synchronized void finish() {
        if (status == RunStatus.FAILED) {
            // keep the failure
        } else if (cancelRequested) {
            status = RunStatus.CANCELLED;
            error = "cancelled";
        } else {
            status = RunStatus.SUCCEEDED;
            error = null;
        }
        for (StepState s : steps.values()) {
            // Steps a failure kept from starting stay queued: they never ran.
            if (!s.status.isFinished() && (cancelRequested || s.status != RunStatus.QUEUED)) {
                s.status = RunStatus.CANCELLED;
            }
        }
        finishedAt = Instant.now();
    }

    synchronized void event(String text) {
        events.add(time(Instant.now()) + " " + text);
        if (events.size() > MAX_EVENTS) {
            if (!eventsOmitted) {
                eventsOmitted = true;
                events.add(FIRST_EVENTS_KEPT, "(older events omitted)");
            }
            events.remove(FIRST_EVENTS_KEPT + 1);
        }
    }

    /** A time as events show it. */
    static String time(Instant at) {
        return EVENT_TIME.format(at);
    }

    RunInfo snapshot() {
        List<StepRunInfo> list = new ArrayList<>();
        for (StepState s : steps.values()) {
            list.add(s.snapshot());
        }
        return new RunInfo(runId, workflow.id(), workflowVersion, status, queuedAt, startedAt, finishedAt, error,
                folder, report, List.copyOf(list), List.copyOf(events), downtimeMillis);
    }
}
