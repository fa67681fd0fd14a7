package org.assay.engine;

import java.util.List;

/**
 * What one step did in one run. A snapshot: counts keep moving while the step runs.
 *
 * @param provider      bundle that ran the step, "symbolic-name version", or empty if not yet
 * @param attempts      1, or more when the step was replayed after its bundle changed
 * @param durationMillis wall time of the last attempt so far
 */
public record StepRunInfo(String stepId, String type, RunStatus status, String provider, long rowsIn, long rowsOut,
        long quarantined, long filtered, double progress, long durationMillis, int attempts, String error,
        List<ArtifactInfo> artifacts) {
}
