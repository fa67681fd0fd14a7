package org.assay.engine;

import java.time.Instant;

/**
 * A run as lists show it, without steps and events (see {@link RunService#get} for those).
 *
 * @param startedBy      who started it: a user name, or {@value RunService#SYSTEM}
 * @param trigger        how: "on demand", "by schedule 0 0 2 * * ?", ...
 * @param cancelledBy    who asked it to stop, or null
 * @param activeMillis   time executing so far without engine downtime, or -1 before it started
 * @param error          why it failed or waits, or null
 * @param steps          steps in the workflow
 * @param stepsSucceeded steps finished successfully
 * @param rowsIn         rows read by its source steps and from its inputs, over all steps
 * @param quarantined    rows quarantined, over all steps
 */
public record RunSummary(String runId, String workflowId, int workflowVersion, RunStatus status, Instant queuedAt,
        Instant startedAt, Instant finishedAt, long activeMillis, String error, String startedBy, String trigger,
        String cancelledBy, int steps, int stepsSucceeded, long rowsIn, long quarantined) {

    /** The summary of a snapshot; {@code now} measures a run still going. */
    public static RunSummary of(RunInfo r, Instant now) {
        int succeeded = (int) r.steps().stream().filter(s -> s.status() == RunStatus.SUCCEEDED).count();
        long in = r.steps().stream().mapToLong(StepRunInfo::rowsIn).sum();
        java.time.Duration active = r.activeTime(now);
        return new RunSummary(r.runId(), r.workflowId(), r.workflowVersion(), r.status(), r.queuedAt(), r.startedAt(),
                r.finishedAt(), active == null ? -1 : active.toMillis(), r.error(), r.startedBy(), r.trigger(),
                r.cancelledBy(), r.steps().size(), succeeded, in, r.quarantined());
    }
}
