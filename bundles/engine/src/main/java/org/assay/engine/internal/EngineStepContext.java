package org.assay.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.DataStream;
import org.assay.api.data.Schema;
import org.assay.api.model.TrainedModel;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.Parameters;
import org.assay.api.step.PortKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Quarantine;
import org.assay.api.step.ReadMode;
import org.assay.api.step.StepCancelledException;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepFailure;
import org.assay.engine.ArtifactInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link StepContext} for one attempt of one step: inputs come from upstream
 * spool files, outputs go to new spool files, and every row is counted. Model ports read and
 * write {@link ModelFile}s in the same spool folder. Ports are used as the step type declares
 * them: a model port only through the model methods, a read-once input opened once.
 */
final class EngineStepContext implements StepContext {

    private final RunState run;
    private final StepState step;
    private final Parameters params;
    private final StepDescriptor descriptor;
    private final Map<String, Path> inputs;
    private final Path spoolDir;
    private final FileAccess files;
    private final QuarantineLog quarantineLog;
    private final Map<String, SpoolFile.Writer> outputs = new LinkedHashMap<>();
    private final Map<String, Path> outputFiles = new LinkedHashMap<>();
    /** Read-once inputs opened so far. */
    private final Set<String> opened = ConcurrentHashMap.newKeySet();
    /** Rows read per input port; a second pass over a port does not count twice. */
    private final Map<String, AtomicLong> maxReadPerPort = new ConcurrentHashMap<>();
    private final Logger log;
    private long countedIn;

    EngineStepContext(RunState run, StepState step, Parameters params, StepDescriptor descriptor,
            Map<String, Path> inputs, Path spoolDir, FileAccess files, QuarantineLog quarantineLog) {
        this.run = run;
        this.step = step;
        this.params = params;
        this.descriptor = descriptor;
        this.inputs = inputs;
        this.spoolDir = spoolDir;
        this.files = files;
        this.quarantineLog = quarantineLog;
        this.log = run.log.forStep(step.id(), LoggerFactory.getLogger("org.assay.step." + step.definition.type()));
    }

    @Override
    public String runId() {
        return run.runId;
    }

    @Override
    public String stepId() {
        return step.id();
    }

    @Override
    public Parameters params() {
        return params;
    }

    @Override
    public DataStream input(String port) throws IOException {
        Path file = connected(port);
        Optional<PortSpec> spec = descriptor.input(port);
        if (spec.map(PortSpec::kind).orElse(PortKind.DATASET) == PortKind.MODEL || ModelFile.isModel(file)) {
            throw new IllegalStateException("step '" + step.id() + "' (" + step.definition.type() + ") opened input '"
                    + port + "' as a dataset, but it carries a model; read it with inputModel");
        }
        if (spec.map(PortSpec::reads).orElse(ReadMode.MANY) == ReadMode.ONCE && !opened.add(port)) {
            // A streamed input cannot be replayed: refused now, while every edge is still spooled.
            throw new IllegalStateException("step '" + step.id() + "' (" + step.definition.type() + ") opened input '"
                    + port + "' a second time, but its type declares it read once (PortSpec.streamed); declare it"
                    + " PortSpec.of to read it several times");
        }
        DataStream in = SpoolFile.open(file);
        AtomicLong max = maxReadPerPort.computeIfAbsent(port, p -> new AtomicLong());
        return new DataStream() {
            private long read;

            @Override
            public Schema schema() {
                return in.schema();
            }

            @Override
            public Batch next() throws IOException {
                Batch b = in.next();
                if (b != null) {
                    read += b.rowCount();
                    if (read > max.get()) {
                        max.set(read);
                        updateRowsIn();
                    }
                }
                return b;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private Path connected(String port) {
        Path file = inputs.get(port);
        if (file == null) {
            throw new IllegalArgumentException("input '" + port + "' of step '" + step.id() + "' is not connected");
        }
        return file;
    }

    @Override
    public TrainedModel inputModel(String port) throws IOException {
        Path file = connected(port);
        if (descriptor.input(port).map(PortSpec::kind).orElse(PortKind.DATASET) != PortKind.MODEL) {
            throw new IllegalStateException("step '" + step.id() + "' (" + step.definition.type() + ") read input '"
                    + port + "' as a model, but its type does not declare it as a model port (PortSpec.model)");
        }
        if (!ModelFile.isModel(file)) {
            throw new IllegalStateException("input '" + port + "' of step '" + step.id() + "' takes a model, but it is wired to"
                    + " a dataset; connect it to a model output (see assay:step-show for each step's ports)");
        }
        return ModelFile.read(file);
    }

    private void updateRowsIn() {
        long sum = countedIn;
        for (AtomicLong v : maxReadPerPort.values()) {
            sum += v.get();
        }
        step.rowsIn.set(sum);
    }

    @Override
    public boolean hasInput(String port) {
        return inputs.containsKey(port);
    }

    @Override
    public BatchSink output(String port, Schema schema) throws IOException {
        if (outputFiles.containsKey(port)) {
            throw new IllegalStateException("step '" + step.id() + "' opened output '" + port + "' twice");
        }
        if (descriptor.output(port).map(PortSpec::kind).orElse(PortKind.DATASET) == PortKind.MODEL) {
            throw new IllegalStateException("step '" + step.id() + "' (" + step.definition.type() + ") wrote rows to"
                    + " output '" + port + "', which its type declares as a model port; write it with outputModel");
        }
        Path file = spoolDir.resolve(step.id() + "." + port + ".a" + step.attempts + ".spool");
        SpoolFile.Writer w = new SpoolFile.Writer(file, schema);
        outputs.put(port, w);
        outputFiles.put(port, file);
        return new BatchSink() {
            @Override
            public Schema schema() {
                return schema;
            }

            @Override
            public void write(Batch batch) throws IOException {
                if (!batch.schema().equals(schema)) {
                    throw new IllegalArgumentException("step '" + step.id() + "' wrote a batch with schema "
                            + batch.schema() + " to output '" + port + "' declared as " + schema);
                }
                if (batch.rowCount() == 0) {
                    return;
                }
                w.write(batch);
                step.rowsOut.addAndGet(batch.rowCount());
            }
        };
    }

    @Override
    public void outputModel(String port, TrainedModel model) throws IOException {
        if (outputFiles.containsKey(port)) {
            throw new IllegalStateException("step '" + step.id() + "' wrote output '" + port + "' twice");
        }
        if (descriptor.output(port).map(PortSpec::kind).orElse(PortKind.DATASET) != PortKind.MODEL) {
            throw new IllegalStateException("step '" + step.id() + "' (" + step.definition.type() + ") wrote a model"
                    + " to output '" + port + "', which its type does not declare as a model port (PortSpec.model)");
        }
        outputFiles.put(port, ModelFile.write(spoolDir, step.id() + "." + port + ".a" + step.attempts,
                Objects.requireNonNull(model, "model")));
    }

    /** Closes the outputs; returns port to spool file (a dataset spool or a model description). */
    Map<String, Path> finishOutputs() throws IOException {
        for (SpoolFile.Writer w : outputs.values()) {
            w.close();
        }
        return outputFiles;
    }

    /** Closes and deletes the outputs of an attempt that will be replayed. */
    void discardOutputs() {
        for (SpoolFile.Writer w : outputs.values()) {
            try {
                w.close();
            } catch (IOException ignored) {
                // The file is deleted next; a close failure changes nothing.
            }
        }
        for (Path file : outputFiles.values()) {
            try {
                if (ModelFile.isModel(file)) {
                    ModelFile.delete(file);
                } else {
                    Files.deleteIfExists(file);
                }
            } catch (IOException ignored) {
                // Left-over spool files are removed with the run's spool folder.
            }
        }
    }

    @Override
    public Path artifactDir() {
        Path dir = run.folder.resolve(step.id());
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    @Override
    public void addArtifact(Path file, ArtifactKind kind, String title) {
        step.artifacts.add(new ArtifactInfo(step.id(), file.toAbsolutePath(), kind, title));
    }

    @Override
    public Path readPath(String path) throws StepFailure {
        try {
            return files.read(path, run.folder);
        } catch (FileAccess.Refused e) {
            throw new StepFailure(e.getMessage());
        }
    }

    @Override
    public Path writePath(String path) throws StepFailure {
        try {
            Path target = files.write(path, run.folder, artifactDir());
            Files.createDirectories(target.getParent());
            // Checked again now that the folders exist: a link among them is resolved.
            return files.write(target.toString(), run.folder, artifactDir());
        } catch (FileAccess.Refused e) {
            throw new StepFailure(e.getMessage());
        } catch (IOException e) {
            throw new StepFailure("cannot create the folder for \"" + path + "\" (" + e.getMessage()
                    + "); choose a path the Karaf user may write to", e);
        }
    }

    @Override
    public Quarantine quarantine() {
        return new Quarantine() {
            @Override
            public void reject(long rowNumber, String record, String reason) {
                quarantineLog.add(step.id(), rowNumber, record, reason);
                step.quarantined.incrementAndGet();
            }

            @Override
            public long count() {
                return step.quarantined.get();
            }
        };
    }

    @Override
    public void progress(double fraction) {
        step.progress = Math.max(0, Math.min(1, fraction));
    }

    @Override
    public void countIn(long rows) {
        countedIn += rows;
        updateRowsIn();
    }

    @Override
    public void countOut(long rows) {
        step.rowsOut.addAndGet(rows);
    }

    @Override
    public void countFiltered(long rows) {
        step.filtered.addAndGet(rows);
    }

    @Override
    public boolean isCancelled() {
        return run.shouldStop() || step.providerGone;
    }

    @Override
    public void checkCancelled() {
        if (step.providerGone) {
            throw new StepCancelledException("the bundle providing " + step.definition.type() + " went away");
        }
        if (run.cancelRequested) {
            throw new StepCancelledException("the run was cancelled");
        }
        if (run.stopping) {
            throw new StepCancelledException("another step of the run failed");
        }
    }

    @Override
    public Logger log() {
        return log;
    }
}
