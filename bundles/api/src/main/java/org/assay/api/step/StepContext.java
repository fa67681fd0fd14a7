package org.assay.api.step;

import java.io.IOException;
import java.nio.file.Path;
import org.assay.api.data.BatchSink;
import org.assay.api.data.DataStream;
import org.assay.api.data.Schema;
import org.assay.api.model.TrainedModel;
import org.osgi.annotation.versioning.ProviderType;
import org.slf4j.Logger;

/**
 * What the engine gives a step for one run. Used by the one thread running the step.
 *
 * <p>Row accounting: the engine counts rows read from input ports and written to output
 * ports. Steps that read from outside (files, databases) report those rows with
 * {@link #countIn(long)}; steps that write outside (files, charts) report them with
 * {@link #countOut(long)}; rows dropped on purpose are reported with
 * {@link #countFiltered(long)}. For every step: in = out + quarantined + filtered.
 */
@ProviderType
public interface StepContext {

    String runId();

    /** The step's id in the workflow. */
    String stepId();

    Parameters params();

    /**
     * Opens the named dataset input from its first batch. May be called more than once for
     * steps that need two passes (mean imputation), if the port is declared
     * {@link ReadMode#MANY}; each call returns a new stream. A port declared
     * {@link ReadMode#ONCE} ({@link PortSpec#streamed}) may be opened once: the engine may
     * stream it through memory, and a second open fails.
     *
     * @throws IllegalArgumentException if the port is not connected
     * @throws IllegalStateException    if the port is a model port, or a read-once port opened
     *                                  a second time
     */
    DataStream input(String port) throws IOException;

    /** Whether the named input port is connected in this workflow. */
    boolean hasInput(String port);

    /**
     * Opens the named dataset output. Call at most once per port and run.
     *
     * @param schema the schema every batch written will have
     * @throws IllegalStateException if the port is a model port, or was opened already
     */
    BatchSink output(String port, Schema schema) throws IOException;

    /**
     * Writes the trained model on a model output port ({@link PortSpec#model}). Call at most
     * once per port and run. The content is read once, before this method returns, into a
     * file of the run, so the caller may discard its own copy afterwards; the engine keeps
     * only the file's name, which survives a restart and can be shipped to another machine.
     *
     * @throws IllegalStateException if the port is not declared as a model output, or was
     *                               written already
     */
    void outputModel(String port, TrainedModel model) throws IOException;

    /**
     * The model on a model input port ({@link PortSpec#model}). Its content is opened from
     * the run's stored file each time {@link TrainedModel#openContent()} is called; nothing
     * of it is held in memory until the step reads it.
     *
     * @throws IllegalArgumentException if the port is not connected
     * @throws IllegalStateException    if the port is not declared as a model input
     */
    TrainedModel inputModel(String port) throws IOException;

    /**
     * The folder for this step's artifacts inside the run folder; exists on return.
     */
    Path artifactDir();

    /**
     * Registers a file written under {@link #artifactDir()} so the run report shows it.
     */
    void addArtifact(Path file, ArtifactKind kind, String title);

    /**
     * Resolves a path the step will read (an {@link ParameterType#INPUT_PATH} parameter).
     * Relative paths resolve against the workflow folder; the result, with symbolic links
     * resolved, must lie inside a folder workflows may read (the workflow folder, this run's
     * folder, and the roots an administrator added). The file need not exist.
     *
     * @return the real, absolute path to open
     * @throws StepFailure naming the path and the fix when it lies outside those folders
     */
    Path readPath(String path) throws StepFailure;

    /**
     * Resolves a path the step will write (an {@link ParameterType#OUTPUT_PATH} parameter).
     * Relative paths resolve inside this step's artifact folder, so every run keeps its own
     * output; absolute paths must lie inside a folder workflows may write (the run folder,
     * the workflow folder's {@code data/} and the roots an administrator added). Karaf's own
     * folders ({@code etc}, {@code deploy}, {@code system}, {@code lib}, {@code bin}, the
     * data folder outside this run) are never writable. Missing parent folders are created.
     *
     * @return the absolute path to write; a symbolic link there is never followed
     * @throws StepFailure naming the path and the fix when it may not be written
     */
    Path writePath(String path) throws StepFailure;

    Quarantine quarantine();

    /** Reports progress between 0 and 1, for {@code assay:run --wait}. */
    void progress(double fraction);

    /** Counts rows read from outside the workflow (a source step). */
    void countIn(long rows);

    /** Counts rows written outside the workflow (a sink step: file, chart, table). */
    void countOut(long rows);

    /** Counts rows the step dropped on purpose (a filter, a deduplication). */
    void countFiltered(long rows);

    /** True once the run is cancelled or the step's bundle has gone away. */
    boolean isCancelled();

    /** @throws StepCancelledException if {@link #isCancelled()} */
    void checkCancelled();

    /**
     * Logger whose lines land in the Karaf log and in the run's log file ({@code run.log} in
     * the run folder, one line per call: instant, level, step id, message), which the run
     * service serves with the run's other files. A line goes to the file when the logger is
     * enabled for its level. Never log row values: whatever a step logs is kept as written, and
     * personal data belongs only where the workflow puts it.
     */
    Logger log();
}
