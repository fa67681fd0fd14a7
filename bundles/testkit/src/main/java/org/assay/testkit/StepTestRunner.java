package org.assay.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.DataStream;
import org.assay.api.data.Schema;
import org.assay.api.model.ModelContent;
import org.assay.api.model.TrainedModel;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.ParameterChecks;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.Parameters;
import org.assay.api.step.PortKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Quarantine;
import org.assay.api.step.ReadMode;
import org.assay.api.step.StepCancelledException;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;
import org.assay.api.step.StepType;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;

/**
 * Runs one step in memory: set parameters, feed input rows, run, then assert on outputs,
 * quarantine, counts and artifacts. No OSGi, no engine.
 *
 * <pre>{@code
 * StepTestRunner r = new StepTestRunner(new ImputeStepType(), tempDir)
 *         .param("strategy", "mean")
 *         .input("in", schema, row(1L, 2.0), row(2L, null));
 * r.run();
 * assertEquals(2, r.output("out").size());
 * }</pre>
 */
public final class StepTestRunner {

    private final StepType type;
    private final Path workDir;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final Map<String, List<Batch>> inputs = new LinkedHashMap<>();
    private final Map<String, Schema> inputSchemas = new LinkedHashMap<>();
    private final Map<String, List<Batch>> outputs = new LinkedHashMap<>();
    private final Map<String, Schema> outputSchemas = new LinkedHashMap<>();
    private final List<Rejected> rejected = new ArrayList<>();
    private final List<Artifact> artifacts = new ArrayList<>();
    private final Map<String, TrainedModel> inputModels = new LinkedHashMap<>();
    private final Map<String, TrainedModel> outputModels = new LinkedHashMap<>();
    /** Read-once inputs opened so far: as in the engine, a second open fails. */
    private final Set<String> openedOnce = new HashSet<>();
    private long countedIn;
    private long countedOut;
    private long filtered;
    private double progress;
    private volatile boolean cancelled;

    /** A quarantined row as the step reported it. */
    public record Rejected(long rowNumber, String record, String reason) { }

    /** An artifact as the step registered it. */
    public record Artifact(Path file, ArtifactKind kind, String title) { }

    /**
     * @param type    the step type under test
     * @param workDir a temporary folder: relative paths resolve against it, artifacts go under it
     */
    public StepTestRunner(StepType type, Path workDir) {
        this.type = type;
        this.workDir = workDir;
    }

    public StepTestRunner param(String name, Object value) {
        params.put(name, value instanceof Integer i ? Long.valueOf(i) : value);
        return this;
    }

    /** Feeds rows (one Object[] per row, values as {@link BatchBuilder#set} takes them). */
    public StepTestRunner input(String port, Schema schema, Object[]... rows) {
        return input(port, schema, List.of(rows), BatchBuilder.DEFAULT_CAPACITY);
    }

    /** Feeds rows in batches of {@code batchSize}, to exercise batch boundaries. */
    public StepTestRunner input(String port, Schema schema, List<Object[]> rows, int batchSize) {
        List<Batch> batches = new ArrayList<>();
        BatchBuilder b = new BatchBuilder(schema, batchSize);
        for (Object[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                b.set(c, row[c]);
            }
            b.endRow();
            if (b.isFull()) {
                batches.add(b.build());
            }
        }
        if (!b.isEmpty()) {
            batches.add(b.build());
        }
        inputs.put(port, batches);
        inputSchemas.put(port, schema);
        return this;
    }

    /** Feeds a model to a model input port ({@link PortSpec#model}). */
    public StepTestRunner inputModel(String port, TrainedModel model) {
        inputModels.put(port, model);
        return this;
    }

    /**
     * The model the step wrote on a model output port. Its content was read when the step
     * wrote it, as the engine does, so it stays readable after the step's own copy is gone.
     */
    public TrainedModel outputModel(String port) {
        TrainedModel m = outputModels.get(port);
        if (m == null) {
            throw new AssertionError("the step wrote no model on output '" + port + "'");
        }
        return m;
    }

    /** Builds a row for {@link #input}. */
    public static Object[] row(Object... values) {
        return values;
    }

    /** Makes {@link StepContext#isCancelled()} true, as the engine does on cancel or hot-swap. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Runs the step once; exceptions from the step propagate to the test. The parameters are
     * checked first exactly as the engine checks them at deploy ({@link ParameterChecks}):
     * unknown names, types, allowed values, ranges, the step type's own checks, and column
     * parameters against the schemas of the inputs fed so far.
     *
     * @throws IllegalArgumentException listing the problems when the engine would refuse them
     */
    public StepTestRunner run() throws Exception {
        List<ParameterProblem> problems = ParameterChecks.problems(type, params, inputSchemas);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid parameters: " + problems.stream()
                    .map(StepTestRunner::describe).toList());
        }
        type.newStep().run(new Context(Parameters.of(type.descriptor(), params)));
        return this;
    }

    /**
     * Asserts that the engine would refuse the parameters set so far with a problem about
     * {@code parameter} (null: the parameters as a whole) whose message contains {@code text}.
     */
    public StepTestRunner assertInvalid(String parameter, String text) {
        List<ParameterProblem> problems = ParameterChecks.problems(type, params, inputSchemas);
        boolean found = problems.stream().anyMatch(p -> java.util.Objects.equals(p.parameter(), parameter)
                && p.message().contains(text));
        if (!found) {
            throw new AssertionError("expected a problem with " + (parameter == null ? "the parameters" : "parameter "
                    + parameter) + " containing '" + text + "', got " + problems);
        }
        return this;
    }

    private static String describe(ParameterProblem p) {
        return p.parameter() == null ? p.message() : "parameter " + p.parameter() + ": " + p.message();
    }

    /** The batches written to an output port. */
    public List<Batch> outputBatches(String port) {
        return outputs.getOrDefault(port, List.of());
    }

    public Schema outputSchema(String port) {
        Schema s = outputSchemas.get(port);
        if (s == null) {
            throw new AssertionError("the step did not open output '" + port + "'");
        }
        return s;
    }

    /** The rows written to an output port, boxed as {@link Batch#get} returns them. */
    public List<Object[]> output(String port) {
        List<Object[]> rows = new ArrayList<>();
        for (Batch b : outputBatches(port)) {
            for (int r = 0; r < b.rowCount(); r++) {
                Object[] row = new Object[b.schema().size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = b.get(r, c);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The default output's rows. */
    public List<Object[]> output() {
        return output(PortSpec.OUT);
    }

    public List<Rejected> quarantined() {
        return rejected;
    }

    public List<Artifact> artifacts() {
        return artifacts;
    }

    public long countedIn() {
        return countedIn;
    }

    public long countedOut() {
        return countedOut;
    }

    public long filtered() {
        return filtered;
    }

    public double progress() {
        return progress;
    }

    /** Rows read from input ports. */
    public long rowsFromInputs() {
        return inputs.values().stream().flatMap(List::stream).mapToLong(Batch::rowCount).sum();
    }

    /** Rows written to output ports. */
    public long rowsToOutputs() {
        return outputs.values().stream().flatMap(List::stream).mapToLong(Batch::rowCount).sum();
    }

    /** Asserts the engine's accounting rule: in = out + quarantined + filtered. */
    public StepTestRunner assertRowsAccountedFor() {
        long in = rowsFromInputs() + countedIn;
        long out = rowsToOutputs() + countedOut;
        if (in != out + rejected.size() + filtered) {
            throw new AssertionError("rows in " + in + " != out " + out + " + quarantined " + rejected.size()
                    + " + filtered " + filtered);
        }
        return this;
    }

    private final class Context implements StepContext {
        private final Parameters params;

        Context(Parameters params) {
            this.params = params;
        }

        @Override
        public String runId() {
            return "test-run";
        }

        @Override
        public String stepId() {
            return "step-under-test";
        }

        @Override
        public Parameters params() {
            return params;
        }

        @Override
        public DataStream input(String port) {
            PortSpec spec = type.descriptor().input(port).orElse(null);
            if (spec != null && spec.kind() == PortKind.MODEL) {
                throw new IllegalStateException("input '" + port + "' is a model port; read it with inputModel");
            }
            List<Batch> batches = inputs.get(port);
            if (batches == null) {
                throw new IllegalArgumentException("input '" + port + "' is not connected");
            }
            if (spec != null && spec.reads() == ReadMode.ONCE && !openedOnce.add(port)) {
                throw new IllegalStateException("input '" + port + "' opened a second time, but the step type declares"
                        + " it read once (PortSpec.streamed); declare it PortSpec.of to read it several times");
            }
            Schema schema = inputSchemas.get(port);
            return new DataStream() {
                private int next;

                @Override
                public Schema schema() {
                    return schema;
                }

                @Override
                public Batch next() {
                    return next < batches.size() ? batches.get(next++) : null;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public boolean hasInput(String port) {
            return inputs.containsKey(port) || inputModels.containsKey(port);
        }

        @Override
        public TrainedModel inputModel(String port) {
            requireModelPort(type.descriptor().input(port).orElse(null), "input", port);
            TrainedModel m = inputModels.get(port);
            if (m == null) {
                throw new IllegalArgumentException("input '" + port + "' is not connected");
            }
            return m;
        }

        @Override
        public void outputModel(String port, TrainedModel model) throws IOException {
            requireModelPort(type.descriptor().output(port).orElse(null), "output", port);
            if (outputModels.containsKey(port) || outputSchemas.containsKey(port)) {
                throw new IllegalStateException("output '" + port + "' written twice");
            }
            try (var in = model.openContent()) {
                outputModels.put(port, model.withContent(ModelContent.of(in.readAllBytes())));
            }
        }

        private void requireModelPort(PortSpec spec, String direction, String port) {
            if (spec == null || spec.kind() != PortKind.MODEL) {
                throw new IllegalStateException(direction + " '" + port + "' is not declared as a model port"
                        + " (PortSpec.model) by the step type");
            }
        }

        @Override
        public BatchSink output(String port, Schema schema) {
            if (type.descriptor().output(port).map(PortSpec::kind).orElse(PortKind.DATASET) == PortKind.MODEL) {
                throw new IllegalStateException("output '" + port + "' is a model port; write it with outputModel");
            }
            if (outputSchemas.putIfAbsent(port, schema) != null) {
                throw new IllegalStateException("output '" + port + "' opened twice");
            }
            List<Batch> sink = outputs.computeIfAbsent(port, k -> new ArrayList<>());
            return new BatchSink() {
                @Override
                public Schema schema() {
                    return schema;
                }

                @Override
                public void write(Batch batch) {
                    if (!batch.schema().equals(schema)) {
                        throw new IllegalArgumentException("batch schema " + batch.schema()
                                + " differs from declared " + schema);
                    }
                    if (batch.rowCount() > 0) {
                        sink.add(batch);
                    }
                }
            };
        }

        @Override
        public Path artifactDir() {
            Path dir = workDir.resolve("artifacts");
            try {
                return Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void addArtifact(Path file, ArtifactKind kind, String title) {
            artifacts.add(new Artifact(file, kind, title));
        }

        /** As the engine: relative paths against the runner's work folder; the engine also confines them. */
        @Override
        public Path readPath(String path) {
            return workDir.resolve(path).toAbsolutePath().normalize();
        }

        /** As the engine: relative paths into the artifact folder, parent folders created. */
        @Override
        public Path writePath(String path) throws StepFailure {
            Path target = artifactDir().resolve(path).toAbsolutePath().normalize();
            try {
                Files.createDirectories(target.getParent());
            } catch (IOException e) {
                throw new StepFailure("cannot create the folder for " + path, e);
            }
            return target;
        }

        @Override
        public Quarantine quarantine() {
            return new Quarantine() {
                @Override
                public void reject(long rowNumber, String record, String reason) {
                    rejected.add(new Rejected(rowNumber, record, reason));
                }

                @Override
                public long count() {
                    return rejected.size();
                }
            };
        }

        @Override
        public void progress(double fraction) {
            progress = fraction;
        }

        @Override
        public void countIn(long rows) {
            countedIn += rows;
        }

        @Override
        public void countOut(long rows) {
            countedOut += rows;
        }

        @Override
        public void countFiltered(long rows) {
            filtered += rows;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void checkCancelled() {
            if (cancelled) {
                throw new StepCancelledException("cancelled by the test");
            }
        }

        @Override
        public Logger log() {
            return NOPLogger.NOP_LOGGER;
        }
    }
}
