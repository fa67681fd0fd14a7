package org.assay.engine;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Starts, follows and cancels runs; finds them page by page; opens the files they produced.
 * Thread-safe. Live progress comes to {@link RunListener} services.
 */
@ProviderType
public interface RunService {

    /** The principal of actions nobody in particular took: the scheduler, the workflow folder. */
    String SYSTEM = "system";

    /**
     * Queues a run of the active version of a deployed workflow, started by {@value #SYSTEM}.
     *
     * @throws NoSuchElementException naming the id when no such workflow is deployed
     */
    default RunInfo start(String workflowId) {
        return start(workflowId, "on demand");
    }

    /**
     * Queues a run started by {@value #SYSTEM}, noting in its events what started it.
     *
     * @param trigger e.g. "on demand", "by schedule 0 0 2 * * ?"
     * @throws NoSuchElementException naming the id when no such workflow is deployed
     */
    default RunInfo start(String workflowId, String trigger) {
        return start(workflowId, trigger, SYSTEM);
    }

    /**
     * Queues a run of the active version of a deployed workflow.
     *
     * @param trigger   e.g. "on demand", "by schedule 0 0 2 * * ?"
     * @param principal who starts it (a Karaf user name); kept in the run record
     *                  ({@link RunInfo#startedBy()}); null or blank means {@value #SYSTEM}
     * @throws NoSuchElementException naming the id when no such workflow is deployed
     */
    RunInfo start(String workflowId, String trigger, String principal);

    Optional<RunInfo> get(String runId);

    /** All runs known, newest first, including those from before a restart. */
    List<RunInfo> list();

    /**
     * A page of run summaries matching the query, newest first (queue time, then run id).
     *
     * @throws IllegalArgumentException when the query's cursor is not one this engine gave out
     */
    RunPage query(RunQuery query);

    /** Asks a run to stop on behalf of {@value #SYSTEM}. @return false if the run is unknown or already finished */
    default boolean cancel(String runId) {
        return cancel(runId, SYSTEM);
    }

    /**
     * Asks a run to stop; the run record keeps who asked ({@link RunInfo#cancelledBy()}).
     *
     * @param principal null or blank means {@value #SYSTEM}
     * @return false if the run is unknown or already finished
     */
    boolean cancel(String runId, String principal);

    /**
     * Waits until the run finishes or the timeout passes.
     *
     * @return the latest snapshot (finished or not)
     */
    RunInfo await(String runId, Duration timeout) throws InterruptedException;

    /**
     * Opens an artifact a step of the run registered, by its {@link ArtifactInfo#id()}. Only
     * artifacts in the run record can be opened: the id is looked up, never used as a path.
     *
     * @return empty when the run or the artifact is unknown, or its file is gone
     * @throws IllegalArgumentException when the id is not of the form {@code <step id>/<file name>}
     * @throws IOException              when the file exists but cannot be opened
     */
    Optional<RunContent> openArtifact(String runId, String artifactId) throws IOException;

    /** Opens the run's HTML report. @return empty until it is written, or for an unknown run */
    Optional<RunContent> openReport(String runId) throws IOException;

    /**
     * Opens the run's quarantine ({@code step,row,reason,record} CSV). Its rows are as the
     * steps rejected them: they may hold personal data. {@link QuarantineFile} pages through it
     * and summarises it.
     *
     * @return empty when nothing was quarantined (it is written when the run ends), or for an unknown run
     */
    Optional<RunContent> openQuarantine(String runId) throws IOException;

    /**
     * Opens the run's log: the lines its steps logged through {@code StepContext.log()}, one
     * per line as {@code <instant> <level> <step id> <message>}.
     *
     * @return empty when no step logged anything, or for an unknown run
     */
    Optional<RunContent> openLog(String runId) throws IOException;
}
