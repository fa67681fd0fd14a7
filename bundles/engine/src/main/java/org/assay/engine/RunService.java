package org.assay.engine;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Starts, follows and cancels runs. Thread-safe. */
@ProviderType
public interface RunService {

    /**
     * Queues a run of the active version of a deployed workflow.
     *
     * @throws NoSuchElementException naming the id when no such workflow is deployed
     */
    default RunInfo start(String workflowId) {
        return start(workflowId, "on demand");
    }

    /**
     * Queues a run, noting in its events who or what started it.
     *
     * @param trigger e.g. "on demand", "by schedule 0 0 2 * * ?"
     * @throws NoSuchElementException naming the id when no such workflow is deployed
     */
    RunInfo start(String workflowId, String trigger);

    Optional<RunInfo> get(String runId);

    /** All runs known, newest first, including those from before a restart. */
    List<RunInfo> list();

    /** Asks a run to stop. @return false if the run is unknown or already finished */
    boolean cancel(String runId);

    /**
     * Waits until the run finishes or the timeout passes.
     *
     * @return the latest snapshot (finished or not)
     */
    RunInfo await(String runId, Duration timeout) throws InterruptedException;
}
