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
 * The live, mutable state of one run. Written by the thread executing the run, read by
 * anyone asking for a snapshot; fields are volatile or guarded by {@code this}.
 */
final class RunState {

    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    final String runId;
    final WorkflowDefinition workflow;
    final int workflowVersion;
    final Path folder;
    final Path dataDir;
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
    /** The step being executed, for hot-swap and cancel. */
    volatile StepState current;

    RunState(String runId, WorkflowDefinition workflow, int workflowVersion, Path folder, Path dataDir, Instant queuedAt) {
        this.runId = runId;
        this.workflow = workflow;
        this.workflowVersion = workflowVersion;
        this.folder = folder;
        this.dataDir = dataDir;
        this.queuedAt = queuedAt;
        for (StepDefinition s : workflow.steps()) {
            steps.put(s.id(), new StepState(s));
        }
    }

    void event(String text) {
        events.add(EVENT_TIME.format(Instant.now()) + " " + text);
    }

    RunInfo snapshot() {
        List<StepRunInfo> list = new ArrayList<>();
        for (StepState s : steps.values()) {
            list.add(s.snapshot());
        }
        return new RunInfo(runId, workflow.id(), workflowVersion, status, queuedAt, startedAt, finishedAt, error,
                folder, report, List.copyOf(list), List.copyOf(events));
    }
}
