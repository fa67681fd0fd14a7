package org.assay.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot of a run.
 *
 * @param error          why the run failed or waits, in plain words; null when nothing to say
 * @param events         notable things in order: waits, hot-swaps, replays and engine stops, each
 *                       as "HH:mm:ss text" (local time); the same as {@link #timeline} in words
 * @param report         the HTML report once written, else null
 * @param downtimeMillis time the run spent with the engine stopped (Karaf down or crashed) between
 *                       its start and its resumption; included in the wall time, not in {@link #activeTime}
 * @param startedBy      who started the run: a user name, or {@value RunService#SYSTEM} (the
 *                       workflow folder, the scheduler, a run recorded before principals were kept)
 * @param trigger        how it was started: "on demand", "by schedule 0 0 2 * * ?", ...
 * @param cancelledBy    who asked it to stop, or null when nobody did
 * @param timeline       the notable events as structured {@link RunEvent}s (without the
 *                       step transitions and progress that listeners also get)
 */
public record RunInfo(String runId, String workflowId, int workflowVersion, RunStatus status, Instant queuedAt,
        Instant startedAt, Instant finishedAt, String error, Path folder, Path report, List<StepRunInfo> steps,
        List<String> events, long downtimeMillis, String startedBy, String trigger, String cancelledBy,
        List<RunEvent> timeline) {

    public RunInfo {
        startedBy = startedBy == null || startedBy.isBlank() ? RunService.SYSTEM : startedBy;
        trigger = trigger == null ? "" : trigger;
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    /** A run recorded without principals and structured events. */
    public RunInfo(String runId, String workflowId, int workflowVersion, RunStatus status, Instant queuedAt,
            Instant startedAt, Instant finishedAt, String error, Path folder, Path report, List<StepRunInfo> steps,
            List<String> events, long downtimeMillis) {
        this(runId, workflowId, workflowVersion, status, queuedAt, startedAt, finishedAt, error, folder, report, steps,
                events, downtimeMillis, RunService.SYSTEM, "", null, List.of());
    }

    /** A run that never saw the engine stop. */
    public RunInfo(String runId, String workflowId, int workflowVersion, RunStatus status, Instant queuedAt,
            Instant startedAt, Instant finishedAt, String error, Path folder, Path report, List<StepRunInfo> steps,
            List<String> events) {
        this(runId, workflowId, workflowVersion, status, queuedAt, startedAt, finishedAt, error, folder, report, steps,
                events, 0);
    }

    public long quarantined() {
        return steps.stream().mapToLong(StepRunInfo::quarantined).sum();
    }

    /**
     * How long the run was executing: from its start to its finish (to {@code now} while it
     * runs) without the engine's downtime; null before it started.
     */
    public Duration activeTime(Instant now) {
        if (startedAt == null) {
            return null;
        }
        Duration wall = Duration.between(startedAt, finishedAt == null ? now : finishedAt);
        Duration active = wall.minusMillis(downtimeMillis);
        return active.isNegative() ? Duration.ZERO : active;
    }
}
