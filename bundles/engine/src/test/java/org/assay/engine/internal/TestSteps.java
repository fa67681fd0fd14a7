package org.assay.engine.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.FieldTag;
import org.assay.api.data.Schema;
import org.assay.api.model.TrainedModel;
import org.assay.api.step.ColumnRule;
import org.assay.api.step.Parameters;
import org.assay.api.step.ParameterSpec;
import org.assay.api.step.ParameterType;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepFailure;
import org.assay.api.step.StepType;

/** Small real step types for engine tests. */
final class TestSteps {

    static final Schema SCHEMA = Schema.of(Field.of("n", FieldType.INTEGER), Field.of("label", FieldType.STRING));

    private TestSteps() {
    }

    /** Emits {@code rows} rows; every {@code badEvery}-th row goes to quarantine instead. */
    static StepType source() {
        return new StepType() {
            @Override
            public StepDescriptor descriptor() {
                return StepDescriptor.builder("numbers").category(StepCategory.CONNECTOR).title("Numbers")
                        .parameter(ParameterSpec.builder("rows", ParameterType.INTEGER).required().minimum(0).build())
                        .parameter(ParameterSpec.builder("badEvery", ParameterType.INTEGER).defaultValue(0L).build())
                        .parameter(ParameterSpec.builder("mode", ParameterType.ENUM).allowed("fast", "slow")
                                .defaultValue("fast").build())
                        .output("out", "numbers").build();
            }

            @Override
            public Step newStep() {
                return ctx -> {
                    long rows = ctx.params().integer("rows");
                    long bad = ctx.params().integer("badEvery");
                    BatchSink out = ctx.output("out", SCHEMA);
                    BatchBuilder b = new BatchBuilder(SCHEMA, 100);
                    for (long i = 1; i <= rows; i++) {
                        ctx.countIn(1);
                        if (bad > 0 && i % bad == 0) {
                            ctx.quarantine().reject(i, "row " + i, "row " + i + " is bad on purpose");
                            continue;
                        }
                        b.setLong(0, i).setString(1, "r" + i).endRow();
                        if (b.isFull()) {
                            out.write(b.build());
                        }
                    }
                    if (!b.isEmpty()) {
                        out.write(b.build());
                    }
                };
            }
        };
    }

    /**
     * Reads the file {@code from} (one row per line, into {@code label}) and writes its lines to
     * {@code to}: a step with one path parameter of each kind, for the file-access checks.
     * Lines starting with "secret:" are quarantined as rows of a schema whose label is pii.
     */
    static StepType files() {
        return new StepType() {
            @Override
            public StepDescriptor descriptor() {
                return StepDescriptor.builder("files").category(StepCategory.CONNECTOR).title("Files")
                        .parameter(ParameterSpec.builder("from", ParameterType.INPUT_PATH).build())
                        .parameter(ParameterSpec.builder("to", ParameterType.OUTPUT_PATH).build())
                        .output("out", "lines").build();
            }

            @Override
            public Step newStep() {
                return ctx -> {
                    Schema schema = Schema.of(Field.of("n", FieldType.INTEGER),
                            Field.of("label", FieldType.STRING).withTags(org.assay.api.data.FieldTag.PII));
                    BatchSink out = ctx.output("out", schema);
                    java.util.List<String> lines = java.util.List.of();
                    if (ctx.params().has("from")) {
                        lines = java.nio.file.Files.readAllLines(ctx.readPath(ctx.params().string("from")));
                    }
                    BatchBuilder b = new BatchBuilder(schema, 100);
                    long n = 0;
                    for (String line : lines) {
                        n++;
                        ctx.countIn(1);
                        if (line.startsWith("secret:")) {
                            ctx.quarantine().reject(n, schema, java.util.List.of(String.valueOf(n), line),
                                    "line " + n + " is a secret");
                            continue;
                        }
                        b.setLong(0, n).setString(1, line).endRow();
                    }
                    out.write(b.build());
                    if (ctx.params().has("to")) {
                        java.nio.file.Files.write(ctx.writePath(ctx.params().string("to")), lines);
                    }
                };
            }
        };
    }

    /**
     * Copies rows; drops odd n when {@code dropOdd}. Blocks after the first batch until
     * {@code gate} opens, so a test can swap providers mid-step.
     */
    static StepType copy(String version, CountDownLatch started, CountDownLatch gate) {
        return new StepType() {
            @Override
            public StepDescriptor descriptor() {
                return StepDescriptor.builder("copy").version(version).category(StepCategory.CLEANER)
                        .parameter(ParameterSpec.builder("dropOdd", ParameterType.BOOLEAN).defaultValue(false).build())
                        .parameter(ParameterSpec.builder("rejectEvery", ParameterType.INTEGER).defaultValue(0L).build())
                        .input("in", "rows").output("out", "rows").build();
            }

            @Override
            public Step newStep() {
                return ctx -> {
                    boolean dropOdd = ctx.params().bool("dropOdd");
                    long rejectEvery = ctx.params().integer("rejectEvery");
                    try (DataStream in = ctx.input("in")) {
                        BatchSink out = ctx.output("out", in.schema());
                        Batch batch;
                        boolean first = true;
                        while ((batch = in.next()) != null) {
                            if (rejectEvery > 0) {
                                int[] keep = new int[batch.rowCount()];
                                int k = 0;
                                for (int r = 0; r < batch.rowCount(); r++) {
                                    long n = batch.column(0).longs()[r];
                                    if (n % rejectEvery == 0) {
                                        ctx.quarantine().reject(n, "row " + n, "multiple of " + rejectEvery);
                                    } else {
                                        keep[k++] = r;
                                    }
                                }
                                batch = batch.select(keep, k);
                            }
                            if (dropOdd) {
                                int[] keep = new int[batch.rowCount()];
                                int k = 0;
                                for (int r = 0; r < batch.rowCount(); r++) {
                                    if (batch.column(0).longs()[r] % 2 == 0) {
                                        keep[k++] = r;
                                    }
                                }
                                ctx.countFiltered(batch.rowCount() - k);
                                batch = batch.select(keep, k);
                            }
                            out.write(batch);
                            if (first && started != null) {
                                first = false;
                                started.countDown();
                                gate.await(10, TimeUnit.SECONDS);
                            }
                            ctx.checkCancelled();
                        }
                    }
                };
            }
        };
    }

    /** Reads its input and loses a row: the engine must catch that. */
    static StepType leaky() {
        return new StepType() {
            @Override
            public StepDescriptor descriptor() {
                return StepDescriptor.builder("leaky").category(StepCategory.CLEANER)
                        .input("in", "rows").output("out", "rows").build();
            }

            @Override
            public Step newStep() {
                return ctx -> {
                    try (DataStream in = ctx.input("in")) {
                        BatchSink out = ctx.output("out", in.schema());
                        Batch b;
                        while ((b = in.next()) != null) {
                            out.write(b.select(new int[] {0}, b.rowCount() > 1 ? 1 : 0));
                        }
                    }
                };
            }
        };
    }

    /**
     * Copies rows, then meets the other branches at {@code barrier}: succeeds only if every
     * party runs at the same time, which proves independent branches run in parallel.
     */
    static StepType rendezvous(CyclicBarrier barrier) {
        return new StepType() {
            @Override
            public StepDescriptor descriptor() {
                return StepDescriptor.builder("rendezvous").category(StepCategory.CLEANER)
                        .input("in", "rows").output("out", "rows").build();
            }

            @Override
            public Step newStep() {
                return ctx -> {
                    try (DataStream in = ctx.input("in")) {
                        BatchSink out = ctx.output("out", in.schema());
                        Batch b;
                        while ((b = in.next()) != null) {
                            out.write(b);
                        }
                    }
                    try {
                        barrier.await(10, TimeUnit.SECONDS);
                    } catch (BrokenBarrierException | TimeoutException e) {
                        throw new StepFailure("the other branch did not run at the same time");
                    }
                };
            }
        };
    }

    /** The schema {@link #people} declares: an id, numbers, a category and a pii text. */
    static final Schema PEOPLE = Schema.of(Field.of("id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("age", FieldType.INTEGER), Field.of("income", FieldType.DECIMAL),
            Field.of("city", FieldType.CATEGORICAL), Field.of("email", FieldType.STRING).withTags(FieldTag.PII));

    /**
     * A source that declares its output schema {@link #PEOPLE} at design time, unless
     * {@code declared} is false (then it cannot tell, as a reader without declared columns).
     */
    static StepType people() {
        return new StepType() {
            @Override
            public StepDescriptor descriptor() {
                return StepDescriptor.builder("people").category(StepCategory.CONNECTOR).title("People")
                        .parameter(ParameterSpec.builder("declared", ParameterType.BOOLEAN).defaultValue(true).build())
                        .output("out", "people").build();
            }

            @Override
            public Step newStep() {
                return ctx -> ctx.output("out", PEOPLE);
            }

            @Override
            public Optional<Map<String, Schema>> outputSchemas(Parameters params, Map<String, Schema> inputs) {
                return params.bool("declared") ? Optional.of(Map.of("out", PEOPLE)) : Optional.empty();
            }
        };
    }

    /**
     * Names numeric columns in {@code columns} (a list) and passes its input's schema on, with
     * a boolean column {@code indicator} added when that is set: a step in the middle of a walk.
     */
    static StepType fill() {
        return new StepType() {
            @Override
            public StepDescriptor descriptor() {
                return StepDescriptor.builder("fill").category(StepCategory.CLEANER).title("Fill")
                        .parameter(ParameterSpec.builder("columns", ParameterType.STRING_LIST)
                                .columns(ColumnRule.of(FieldType.INTEGER, FieldType.DECIMAL)).build())
                        .parameter(ParameterSpec.builder("indicator", ParameterType.STRING).build())
                        .input("in", "rows").output("out", "rows").build();
            }

            @Override
            public Step newStep() {
                return ctx -> { };
            }

            @Override
            public Optional<Map<String, Schema>> outputSchemas(Parameters params, Map<String, Schema> inputs) {
                Schema in = inputs.get("in");
                if (in == null) {
                    return Optional.empty();
                }
                return Optional.of(Map.of("out", params.optionalString("indicator")
                        .map(name -> in.with(Field.of(name, FieldType.BOOLEAN))).orElse(in)));
            }
        };
    }

    /**
     * A sink with the column rules of a chart: {@code label} may be pii only with
     * {@code allowPii}; the keys of {@code colors} may never be pii; {@code left} and
     * {@code right} are columns of its two inputs.
     */
    static StepType publish() {
        return new StepType() {
            @Override
            public StepDescriptor descriptor() {
                return StepDescriptor.builder("publish").category(StepCategory.SINK).title("Publish")
                        .parameter(ParameterSpec.builder("label", ParameterType.STRING)
                                .columns(ColumnRule.any().piiOnlyWith("allowPii")).build())
                        .parameter(ParameterSpec.builder("allowPii", ParameterType.BOOLEAN).defaultValue(false).build())
                        .parameter(ParameterSpec.builder("colors", ParameterType.STRING_MAP)
                                .columns(ColumnRule.any().noPii()).build())
                        .parameter(ParameterSpec.builder("other", ParameterType.STRING)
                                .columns(ColumnRule.any().onPort("other")).build())
                        .input("in", "rows").input(PortSpec.of("other", "more rows").asOptional()).build();
            }

            @Override
            public Step newStep() {
                return ctx -> { };
            }
        };
    }

    /** Passes rows on, but its design-time schema is a bug that throws. */
    static StepType exploding() {
        return new StepType() {
            @Override
            public StepDescriptor descriptor() {
                return StepDescriptor.builder("exploding").category(StepCategory.CLEANER)
                        .input("in", "rows").output("out", "rows").build();
            }

            @Override
            public Step newStep() {
                return ctx -> { };
            }

            @Override
            public Optional<Map<String, Schema>> outputSchemas(Parameters params, Map<String, Schema> inputs) {
                throw new IllegalStateException("a bug in the step type");
            }
        };
    }

    /** Fails with a user-facing message. */
    static StepType failing() {
        return failingAfter(new CountDownLatch(0));
    }

    /** Fails once {@code first} has opened, so a test can order it after another step's start. */
    static StepType failingAfter(CountDownLatch first) {
        return new StepType() {
            @Override
            public StepDescriptor descriptor() {
                return StepDescriptor.builder("failing").category(StepCategory.SINK).input("in", "rows").build();
            }

            @Override
            public Step newStep() {
                return ctx -> {
                    first.await(10, TimeUnit.SECONDS);
                    throw new StepFailure("parameter 'path': /nowhere/x.csv does not exist; check the path");
                };
            }
        };
    }

    /** Format of the models {@link #fit()} writes: the threshold as decimal text. */
    static final String THRESHOLD_FORMAT = "test.threshold";

    /**
     * Passes its rows on and "trains" a model: the threshold half-way up the largest n, on a
     * model output port. Reads its input once.
     */
    static StepType fit() {
        return new StepType() {
            @Override
            public StepDescriptor descriptor() {
                return StepDescriptor.builder("fit").category(StepCategory.MINER)
                        .input(PortSpec.streamed("in", "rows"))
                        .output("out", "the same rows")
                        .output(PortSpec.model("model", "the threshold"))
                        .build();
            }

            @Override
            public Step newStep() {
                return ctx -> {
                    long max = 0;
                    long rows = 0;
                    Schema schema;
                    try (DataStream in = ctx.input("in")) {
                        schema = in.schema();
                        BatchSink out = ctx.output("out", schema);
                        for (Batch b = in.next(); b != null; b = in.next()) {
                            for (long n : java.util.Arrays.copyOf(b.column(0).longs(), b.rowCount())) {
                                max = Math.max(max, n);
                            }
                            rows += b.rowCount();
                            out.write(b);
                        }
                    }
                    ctx.outputModel("model", TrainedModel.builder(THRESHOLD_FORMAT, schema).algorithm("half-max")
                            .trainedRows(rows).property("max", Long.toString(max))
                            .content(Long.toString(max / 2).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            .build());
                };
            }
        };
    }

    /** Scores without blocking. */
    static StepType score() {
        return score(null, null);
    }

    /**
     * Keeps the rows whose n is at most the threshold of the model on its {@code model} input
     * and filters the rest; refuses a model of another format or header. Blocks after reading
     * the model until {@code gate} opens, so a test can stop the engine mid-step.
     */
    static StepType score(CountDownLatch started, CountDownLatch gate) {
        return new StepType() {
            @Override
            public StepDescriptor descriptor() {
                return StepDescriptor.builder("score").category(StepCategory.MINER)
                        .input(PortSpec.streamed("in", "rows to score"))
                        .input(PortSpec.model("model", "a threshold from fit"))
                        .output("out", "rows at most the threshold").build();
            }

            @Override
            public Step newStep() {
                return ctx -> {
                    TrainedModel model = ctx.inputModel("model");
                    if (!model.format().equals(THRESHOLD_FORMAT)) {
                        throw new StepFailure("input model: format " + model.format() + " is not " + THRESHOLD_FORMAT);
                    }
                    long threshold;
                    try (java.io.InputStream content = model.openContent()) {
                        threshold = Long.parseLong(new String(content.readAllBytes(),
                                java.nio.charset.StandardCharsets.UTF_8));
                    }
                    if (started != null) {
                        started.countDown();
                        gate.await(10, TimeUnit.SECONDS);
                    }
                    try (DataStream in = ctx.input("in")) {
                        if (!in.schema().equals(model.header())) {
                            throw new StepFailure("input model: trained on " + model.header() + ", not " + in.schema());
                        }
                        BatchSink out = ctx.output("out", in.schema());
                        for (Batch b = in.next(); b != null; b = in.next()) {
                            int[] keep = new int[b.rowCount()];
                            int k = 0;
                            for (int r = 0; r < b.rowCount(); r++) {
                                if (b.column(0).longs()[r] <= threshold) {
                                    keep[k++] = r;
                                }
                            }
                            ctx.countFiltered(b.rowCount() - k);
                            out.write(b.select(keep, k));
                            ctx.checkCancelled();
                        }
                    }
                };
            }
        };
    }

    /** Declares its input read once, then opens it twice: a bug the engine must refuse. */
    static StepType readsTwice() {
        return new StepType() {
            @Override
            public StepDescriptor descriptor() {
                return StepDescriptor.builder("twice").category(StepCategory.SINK)
                        .input(PortSpec.streamed("in", "rows")).build();
            }

            @Override
            public Step newStep() {
                return ctx -> {
                    for (int pass = 0; pass < 2; pass++) {
                        try (DataStream in = ctx.input("in")) {
                            long rows = 0;
                            for (Batch b = in.next(); b != null; b = in.next()) {
                                rows += b.rowCount();
                            }
                            ctx.countOut(pass == 0 ? rows : 0);
                        }
                    }
                };
            }
        };
    }

    /** What {@link #streamCopy} does besides copying; any field may be null or 0. */
    record StreamHooks(CountDownLatch firstBatchRead, CountDownLatch started, CountDownLatch stuckUntil,
            int failAtBatch) {
        static StreamHooks none() {
            return new StreamHooks(null, null, null, 0);
        }
    }

    /**
     * Copies rows from an input it reads once ({@link PortSpec#streamed}), so the engine may
     * stream it; drops odd n when {@code dropOdd}. After its first batch it counts down
     * {@code hooks.firstBatchRead} and {@code hooks.started}, then waits for
     * {@code hooks.stuckUntil} ignoring cancellation and interrupts (as a step inside a long
     * library call does); it fails at batch {@code hooks.failAtBatch}.
     */
    static StepType streamCopy(String version, StreamHooks hooks) {
        return streamCopy("scopy", version, hooks);
    }

    /** {@link #streamCopy(String, StreamHooks)} under another type id, for a test that swaps it alone. */
    static StepType streamCopy(String typeId, String version, StreamHooks hooks) {
        return new StepType() {
            @Override
            public StepDescriptor descriptor() {
                return StepDescriptor.builder(typeId).version(version).category(StepCategory.CLEANER)
                        .parameter(ParameterSpec.builder("dropOdd", ParameterType.BOOLEAN).defaultValue(false).build())
                        .input(PortSpec.streamed("in", "rows")).output("out", "rows").build();
            }

            @Override
            public Step newStep() {
                return ctx -> {
                    boolean dropOdd = ctx.params().bool("dropOdd");
                    try (DataStream in = ctx.input("in")) {
                        BatchSink out = ctx.output("out", in.schema());
                        Batch batch;
                        int n = 0;
                        while ((batch = in.next()) != null) {
                            n++;
                            if (n == hooks.failAtBatch()) {
                                throw new StepFailure("scopy broke at batch " + n + " on purpose");
                            }
                            if (dropOdd) {
                                int[] keep = new int[batch.rowCount()];
                                int k = 0;
                                for (int r = 0; r < batch.rowCount(); r++) {
                                    if (batch.column(0).longs()[r] % 2 == 0) {
                                        keep[k++] = r;
                                    }
                                }
                                ctx.countFiltered(batch.rowCount() - k);
                                batch = batch.select(keep, k);
                            }
                            out.write(batch);
                            if (n == 1) {
                                if (hooks.firstBatchRead() != null) {
                                    hooks.firstBatchRead().countDown();
                                }
                                if (hooks.started() != null) {
                                    hooks.started().countDown();
                                }
                                if (hooks.stuckUntil() != null) {
                                    stuck(hooks.stuckUntil());
                                }
                            }
                            ctx.checkCancelled();
                        }
                    }
                };
            }
        };
    }

    private static void stuck(CountDownLatch until) {
        boolean interrupted = false;
        while (until.getCount() > 0) {
            try {
                until.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A source that writes one batch, then waits (up to 10 s) for its consumer to have read
     * it before writing a second: only a streamed edge lets it finish.
     */
    static StepType pinger(CountDownLatch consumerSaw) {
        return new StepType() {
            @Override
            public StepDescriptor descriptor() {
                return StepDescriptor.builder("pinger").category(StepCategory.CONNECTOR).output("out", "numbers")
                        .build();
            }

            @Override
            public Step newStep() {
                return ctx -> {
                    BatchSink out = ctx.output("out", SCHEMA);
                    for (int i = 1; i <= 2; i++) {
                        ctx.countIn(1);
                        BatchBuilder b = new BatchBuilder(SCHEMA, 1);
                        b.setLong(0, i).setString(1, "r" + i).endRow();
                        out.write(b.build());
                        if (i == 1 && !consumerSaw.await(10, TimeUnit.SECONDS)) {
                            throw new StepFailure("the consumer did not see the first batch while the producer ran");
                        }
                    }
                };
            }
        };
    }

    /**
     * A sink that reads its input, waits for {@code stuckUntil} ignoring cancellation (if
     * given), then writes {@code text} to {@code marker.txt} (a relative writePath, kept as an
     * artifact) and counts down {@code finished}.
     */
    static StepType marker(String version, String text, CountDownLatch started, CountDownLatch stuckUntil,
            CountDownLatch finished) {
        return new StepType() {
            @Override
            public StepDescriptor descriptor() {
                return StepDescriptor.builder("marker").version(version).category(StepCategory.SINK)
                        .input(PortSpec.streamed("in", "rows")).build();
            }

            @Override
            public Step newStep() {
                return ctx -> {
                    try {
                        long rows = 0;
                        try (DataStream in = ctx.input("in")) {
                            Batch b;
                            while ((b = in.next()) != null) {
                                rows += b.rowCount();
                            }
                        }
                        ctx.countOut(rows);
                        if (started != null) {
                            started.countDown();
                        }
                        if (stuckUntil != null) {
                            stuck(stuckUntil);
                        }
                        java.nio.file.Path file = ctx.writePath("marker.txt");
                        java.nio.file.Files.writeString(file, text + " " + rows);
                        ctx.addArtifact(file, org.assay.api.step.ArtifactKind.TEXT, "marker");
                    } finally {
                        if (finished != null) {
                            finished.countDown();
                        }
                    }
                };
            }
        };
    }
}
