package org.assay.engine.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.assay.api.workflow.StepDefinition;
import org.assay.api.workflow.WorkflowDefinition;
import org.assay.engine.RunEvent;
import org.assay.engine.RunInfo;
import org.assay.engine.RunService;
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
    /** Where events were dropped from the middle; a marker, not an event, so it shows without a time. */
    private static final String OMITTED = "(older events omitted)";

    final String runId;
    final WorkflowDefinition workflow;
    final int workflowVersion;
    final Path folder;
    final Instant queuedAt;
    final Map<String, StepState> steps = new LinkedHashMap<>();
    /** The notable events, bounded (see {@link #event}); step transitions and progress only go to listeners. */
    final List<RunEvent> events = new CopyOnWriteArrayList<>();
    /** The lines its steps log; see {@link RunLog}. */
    final RunLog log;
    final CountDownLatch finished = new CountDownLatch(1);

    volatile RunStatus status = RunStatus.QUEUED;
    volatile Instant startedAt;
    volatile Instant finishedAt;
    volatile String error;
    volatile Path report;
    volatile boolean cancelRequested;
    /** Who started the run, how, and who asked it to stop: kept in its record. */
    volatile String startedBy = RunService.SYSTEM;
    volatile String trigger = "";
    volatile String cancelledBy;
    /** Where its events go besides the record: the run listeners. */
    private volatile Consumer<RunEvent> listeners = e -> { };
    private volatile List<RunEvent> held;
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
        this.log = new RunLog(folder.resolve(RunLog.FILE_NAME));
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
                if (s.error == null && status == RunStatus.FAILED && !cancelRequested) {
                    // Cut off before its own segment said why (it was starting or waiting).
                    s.error = StepState.STOPPED_BY_FAILURE;
                }
            }
        }
        finishedAt = Instant.now();
    }

    /** Sends the run's events to the listeners too, from now on, after those held since {@link #holdEvents}. */
    void publishTo(Consumer<RunEvent> sink) {
        listeners = sink;
        List<RunEvent> h = held;
        held = null;
        if (h != null) {
            synchronized (h) {
                h.forEach(sink);
            }
        }
    }

    /**
     * Keeps the events for the listeners until {@link #publishTo} names them: a run being
     * resumed records why before it is live again, and the listeners are told that too.
     */
    void holdEvents() {
        List<RunEvent> h = Collections.synchronizedList(new ArrayList<>());
        held = h;
        listeners = h::add;
    }

    /** Hands an event to the listeners only (step transitions, progress: the record has them as counts). */
    void publish(RunEvent e) {
        listeners.accept(e);
    }

    /** A notable thing without a kind of its own. */
    void event(String text) {
        event(RunEvent.Kind.NOTE, null, text);
    }

    /**
     * Records a notable thing and tells the listeners.
     *
     * @param stepId the step it concerns, or null
     */
    void event(RunEvent.Kind kind, String stepId, String text) {
        StepState step = stepId == null ? null : steps.get(stepId);
        RunEvent e = new RunEvent(Instant.now(), runId, stepId, kind, text,
                step == null ? totals() : RunEvent.Counts.of(step.snapshot()));
        synchronized (this) {
            events.add(e);
            if (events.size() > MAX_EVENTS) {
                if (!eventsOmitted) {
                    eventsOmitted = true;
                    events.add(FIRST_EVENTS_KEPT, new RunEvent(e.at(), runId, null, RunEvent.Kind.NOTE,
                            OMITTED, null));
                }
                events.remove(FIRST_EVENTS_KEPT + 1);
            }
        }
        publish(e);
    }

    /** Counts summed over the steps; progress is the mean. */
    RunEvent.Counts totals() {
        long in = 0;
        long out = 0;
        long quarantined = 0;
        long filtered = 0;
        double progress = 0;
        for (StepState s : steps.values()) {
            StepRunInfo i = s.snapshot();
            in += i.rowsIn();
            out += i.rowsOut();
            quarantined += i.quarantined();
            filtered += i.filtered();
            progress += i.progress();
        }
        return new RunEvent.Counts(in, out, quarantined, filtered, steps.isEmpty() ? 0 : progress / steps.size());
    }

    /** Takes over what a record of this run kept: its events and who started or stopped it (a resumed run). */
    void restore(RunInfo r) {
        events.addAll(r.timeline());
        startedBy = r.startedBy();
        trigger = r.trigger();
        cancelledBy = r.cancelledBy();
    }

    /** An event as {@link RunInfo#events()} shows it. */
    static String line(RunEvent e) {
        if (e.kind() == RunEvent.Kind.NOTE && e.stepId() == null && e.message().equals(OMITTED)) {
            return OMITTED;
        }
        return time(e.at()) + " " + e.message();
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
        List<RunEvent> timeline = List.copyOf(events);
        return new RunInfo(runId, workflow.id(), workflowVersion, status, queuedAt, startedAt, finishedAt, error,
                folder, report, List.copyOf(list), timeline.stream().map(RunState::line).toList(), downtimeMillis,
                startedBy, trigger, cancelledBy, timeline);
    }
}
