package org.assay.connectors.jdbc.internal;

import java.util.Optional;
import org.assay.api.step.StepFailure;

/**
 * Where incremental {@code jdbc-reader} steps keep their watermark, per workflow and step. A
 * run records the highest value it read as pending; it becomes the value the next run reads
 * above only once the run has succeeded, so a failed or cancelled run reads the same rows again
 * next time. Thread-safe.
 */
interface Watermarks {

    /**
     * The value of the last successful run of this workflow's step, settling first what earlier
     * runs left pending.
     *
     * @throws StepFailure when the store cannot be read
     */
    Optional<Watermark> committed(String runId, String stepId) throws StepFailure;

    /** Records the highest value this run read; it counts once the run has succeeded. */
    void pending(String runId, String stepId, Watermark value) throws StepFailure;

    /** For a platform without run records (a plain class path): incremental mode is refused. */
    Watermarks UNAVAILABLE = new Watermarks() {
        @Override
        public Optional<Watermark> committed(String runId, String stepId) throws StepFailure {
            throw new StepFailure("parameter watermark: incremental mode needs the Assay engine's run records, "
                    + "which this platform does not have; leave watermark out to read every row");
        }

        @Override
        public void pending(String runId, String stepId, Watermark value) throws StepFailure {
            committed(runId, stepId);
        }
    };
}
