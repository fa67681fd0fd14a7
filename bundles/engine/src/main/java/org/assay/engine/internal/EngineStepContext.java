package org.assay.engine.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
 * spool files or, for a streamed edge, from a {@link StreamChannel} fed by a producer running
 * at the same time; outputs go to new spool files, to channels, or both, and every row is
 * counted (in this attempt's {@link StepState.Counts}). Model ports read and write
 * {@link ModelFile}s in the same spool folder. Ports are used as the step type declares
 * them: a model port only through the model methods, a read-once input opened once.
 */
final class EngineStepContext implements StepContext {

    /** Where each port of one attempt reads from and writes to; decided by the {@link RunPlan}. */
    record Wiring(Map<String, Path> spooledInputs, Map<String, StreamChannel> streamedInputs,
            Map<String, GrowingSpool> tailedInputs, Set<String> spooledOutputs,
            Map<String, List<StreamChannel>> streamedOutputs, Map<String, GrowingSpool> tailedOutputs) { }

    private final RunState run;
    private final StepState step;
    private final StepState.Counts counts;
    private final int attempt;
    private final Parameters params;
    private final StepDescriptor descriptor;
    private final Wiring wiring;
    private final Path spoolDir;
    private final FileAccess files;
    private final QuarantineLog quarantineLog;
    private final Map<String, SpoolFile.Writer> outputs = new LinkedHashMap<>();
    private final Map<String, Path> outputFiles = new LinkedHashMap<>();
    private final Set<String> openedOutputs = ConcurrentHashMap.newKeySet();
    /** Read-once inputs opened so far. */
    private final Set<String> opened = ConcurrentHashMap.newKeySet();
    /** Rows read per input port; a second pass over a port does not count twice. */
    private final Map<String, AtomicLong> maxReadPerPort = new ConcurrentHashMap<>();
    private final Logger log;
    private long countedIn;
    private final AttemptFiles attemptFiles;
    /** Set when the engine gave up on this attempt (its provider went) and started another. */
    private volatile boolean abandoned;

    EngineStepContext(RunState run, StepState step, StepState.Counts counts, Parameters params,
            StepDescriptor descriptor, Wiring wiring, Path spoolDir, FileAccess files, QuarantineLog quarantineLog) {
        this.run = run;
        this.step = step;
        this.counts = counts;
        this.attempt = step.attempts;
        this.params = params;
        this.descriptor = descriptor;
        this.wiring = wiring;
        this.spoolDir = spoolDir;
        this.files = files;
        this.quarantineLog = quarantineLog;
        this.log = LoggerFactory.getLogger("org.assay.step." + step.definition.type());
        this.attemptFiles = new AttemptFiles(spoolDir, run.folder, run.runId, step.id(), attempt);
    }

    /** The engine started a replacement attempt: this one's work is thrown away. */
    void abandon() {
        abandoned = true;
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
        StreamChannel channel = wiring.streamedInputs().get(port);
        GrowingSpool tail = wiring.tailedInputs().get(port);
        Path file = channel == null && tail == null ? connected(port) : null;
        Optional<PortSpec> spec = descriptor.input(port);
        if (spec.map(PortSpec::kind).orElse(PortKind.DATASET) == PortKind.MODEL
                || file != null && ModelFile.isModel(file)) {
            throw new IllegalStateException("step '" + step.id() + "' (" + step.definition.type() + ") opened input '"
                    + port + "' as a dataset, but it carries a model; read it with inputModel");
        }
        if (spec.map(PortSpec::reads).orElse(ReadMode.MANY) == ReadMode.ONCE && !opened.add(port)) {
            // A streamed input cannot be replayed.
            throw new IllegalStateException("step '" + step.id() + "' (" + step.definition.type() + ") opened input '"
                    + port + "' a second time, but its type declares it read once (PortSpec.streamed); declare it"
                    + " PortSpec.of to read it several times");
        }
        DataStream in = channel != null ? channel.reader() : tail != null ? tail.open() : SpoolFile.open(file);
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
        Path file = wiring.spooledInputs().get(port);
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
        counts.rowsIn.set(sum);
    }

    @Override
    public boolean hasInput(String port) {
        return wiring.spooledInputs().containsKey(port) || wiring.streamedInputs().containsKey(port)
                || wiring.tailedInputs().containsKey(port);
    }

    @Override
    public BatchSink output(String port, Schema schema) throws IOException {
        if (!openedOutputs.add(port)) {
            throw new IllegalStateException("step '" + step.id() + "' opened output '" + port + "' twice");
        }
        if (descriptor.output(port).map(PortSpec::kind).orElse(PortKind.DATASET) == PortKind.MODEL) {
            openedOutputs.remove(port);
            throw new IllegalStateException("step '" + step.id() + "' (" + step.definition.type() + ") wrote rows to"
                    + " output '" + port + "', which its type declares as a model port; write it with outputModel");
        }
        SpoolFile.Writer w = null;
        if (wiring.spooledOutputs().contains(port)) {
            Path file = spoolDir.resolve(step.id() + "." + port + ".a" + attempt + ".spool");
            w = new SpoolFile.Writer(file, schema, wiring.tailedOutputs().get(port));
            outputs.put(port, w);
            outputFiles.put(port, file);
        }
        List<StreamChannel> channels = wiring.streamedOutputs().getOrDefault(port, List.of());
        for (StreamChannel c : channels) {
            c.open(schema);
        }
        SpoolFile.Writer writer = w;
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
                if (abandoned) {
                    throw new StepCancelledException("the bundle providing " + step.definition.type() + " went away");
                }
                if (writer != null) {
                    writer.write(batch);
                }
                for (StreamChannel c : channels) {
                    c.put(batch);
                }
                counts.rowsOut.addAndGet(batch.rowCount());
            }
        };
    }

    @Override
    public void outputModel(String port, TrainedModel model) throws IOException {
        if (openedOutputs.contains(port)) {
            throw new IllegalStateException("step '" + step.id() + "' wrote output '" + port + "' twice");
        }
        if (descriptor.output(port).map(PortSpec::kind).orElse(PortKind.DATASET) != PortKind.MODEL) {
            throw new IllegalStateException("step '" + step.id() + "' (" + step.definition.type() + ") wrote a model"
                    + " to output '" + port + "', which its type does not declare as a model port (PortSpec.model)");
        }
        outputFiles.put(port, ModelFile.write(spoolDir, step.id() + "." + port + ".a" + attempt,
                Objects.requireNonNull(model, "model")));
        openedOutputs.add(port);
    }

    /** Closes the spooled outputs; returns port to spool file (a dataset spool or a model description). */
    Map<String, Path> finishOutputs() throws IOException {
        for (SpoolFile.Writer w : outputs.values()) {
            w.close();
        }
        return outputFiles;
    }

    /** The outputs the step opened, spooled or streamed. */
    Set<String> openedOutputs() {
        return openedOutputs;
    }

    /** The attempt committed: consumers of the streamed outputs read to the end of what it wrote. */
    void completeStreams() {
        wiring.streamedOutputs().values().forEach(cs -> cs.forEach(StreamChannel::complete));
    }

    /** The attempt is over: inputs it did not read to the end are not wanted any more. */
    void releaseInputs() {
        wiring.streamedInputs().values().forEach(StreamChannel::consumerDone);
    }

    /** Closes and deletes the outputs of an attempt that will be replayed. */
    void discardOutputs() {
        // Followers first: closing a writer ends its file as if it were complete.
        wiring.tailedOutputs().values().forEach(t -> t.abort("the step writing it stopped"));
        wiring.streamedOutputs().values().forEach(cs -> cs.forEach(c -> c.abort("the step writing it stopped")));
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
        attemptFiles.discard();
    }

    /** The attempt's own folder until it commits; see {@link AttemptFiles}. */
    @Override
    public Path artifactDir() {
        return attemptFiles.artifactDir();
    }

    /** Moves the files the attempt wrote into place and points its artifacts at them. */
    void commitFiles() throws IOException {
        List<ArtifactInfo> moved = attemptFiles.commit(List.copyOf(counts.artifacts));
        counts.artifacts.clear();
        counts.artifacts.addAll(moved);
    }

    @Override
    public void addArtifact(Path file, ArtifactKind kind, String title) {
        counts.artifacts.add(new ArtifactInfo(step.id(), file.toAbsolutePath(), kind, title));
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
            return attemptFiles.stage(files.write(target.toString(), run.folder, artifactDir()));
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
                quarantineLog.add(step.id(), attempt, rowNumber, record, reason);
                counts.quarantined.incrementAndGet();
            }

            @Override
            public long count() {
                return counts.quarantined.get();
            }
        };
    }

    @Override
    public void progress(double fraction) {
        counts.progress = Math.max(0, Math.min(1, fraction));
    }

    @Override
    public void countIn(long rows) {
        countedIn += rows;
        updateRowsIn();
    }

    @Override
    public void countOut(long rows) {
        counts.rowsOut.addAndGet(rows);
    }

    @Override
    public void countFiltered(long rows) {
        counts.filtered.addAndGet(rows);
    }

    @Override
    public boolean isCancelled() {
        return abandoned || run.shouldStop() || step.providerGone;
    }

    @Override
    public void checkCancelled() {
        if (abandoned || step.providerGone) {
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
