package org.assay.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot of a run.
 *
 * @param error  why the run failed or waits, in plain words; null when nothing to say
 * @param events notable things in order: waits, hot-swaps and replays, with times
 * @param report the HTML report once written, else null
 */
public record RunInfo(String runId, String workflowId, int workflowVersion, RunStatus status, Instant queuedAt,
        Instant startedAt, Instant finishedAt, String error, Path folder, Path report, List<StepRunInfo> steps,
        List<String> events) {

    public long quarantined() {
        return steps.stream().mapToLong(StepRunInfo::quarantined).sum();
    }
}
