package org.assay.transforms.internal.combine;

import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.DataStream;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/** One run of {@code split}. Every row goes to train, test or (no date) quarantine: in = out + quarantined. */
final class SplitStep implements Step {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final SplitParameters p;

    SplitStep(SplitParameters p) {
        this.p = p;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        if (p.dateColumn().isPresent()) {
            byDate(ctx, p.dateColumn().get(), p.cutoffMillis());
        } else {
            byFraction(ctx, p.testFraction().orElseThrow());
        }
    }

    private void byFraction(StepContext ctx, double testFraction) throws Exception {
        String stratify = p.stratify().orElse(null);
        StratifiedSelection test;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            test = new StratifiedSelection(SampleStep.stratumColumn(in, stratify), p.seed());
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                test.count(b, stratify);
            }
        }
        test.target(size -> Math.round(testFraction * size));
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Sinks sinks = new Sinks(ctx, in.schema());
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                sinks.start(b);
                for (int r = 0; r < b.rowCount(); r++) {
                    sinks.send(r, test.pick(b, r));
                }
                sinks.finish(b);
            }
        }
    }

    private void byDate(StepContext ctx, String column, long cutoff) throws Exception {
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema schema = in.schema();
            int at = schema.indexOf(column);
            if (at < 0) {
                throw new StepFailure(ColumnNotFound.message(column, schema, "the input"));
            }
            FieldType type = schema.field(at).type();
            if (type != FieldType.DATE && type != FieldType.TIMESTAMP) {
                throw new StepFailure("dateColumn '" + column + "' is " + type.jsonName() + "; a split in time needs "
                        + "a date or timestamp column");
            }
            long scale = type == FieldType.DATE ? MILLIS_PER_DAY : 1;
            Sinks sinks = new Sinks(ctx, schema);
            long position = 0;
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                Column dates = b.column(at);
                sinks.start(b);
                for (int r = 0; r < b.rowCount(); r++) {
                    position++;
                    if (dates.isNull(r)) {
                        ctx.quarantine().reject(position, b, r, "column " + column + " has no value, so the row is "
                                + "neither before nor after the cutoff");
                        continue;
                    }
                    sinks.send(r, dates.longs()[r] * scale >= cutoff);
                }
                sinks.finish(b);
            }
        }
    }

    /** The two outputs, filled batch by batch with the positions of the rows each gets. */
    private static final class Sinks {
        private final BatchSink train;
        private final BatchSink test;
        private int[] toTrain = new int[BatchBuilder.DEFAULT_CAPACITY];
        private int[] toTest = new int[BatchBuilder.DEFAULT_CAPACITY];
        private int trainCount;
        private int testCount;

        Sinks(StepContext ctx, Schema schema) throws java.io.IOException {
            this.train = ctx.output(SplitStepType.TRAIN, schema);
            this.test = ctx.output(SplitStepType.TEST, schema);
        }

        void start(Batch b) {
            if (toTrain.length < b.rowCount()) {
                toTrain = new int[b.rowCount()];
                toTest = new int[b.rowCount()];
            }
            trainCount = 0;
            testCount = 0;
        }

        void send(int row, boolean toTestSide) {
            if (toTestSide) {
                toTest[testCount++] = row;
            } else {
                toTrain[trainCount++] = row;
            }
        }

        void finish(Batch b) throws java.io.IOException {
            train.write(trainCount == b.rowCount() ? b : b.select(toTrain, trainCount));
            test.write(testCount == b.rowCount() ? b : b.select(toTest, testCount));
        }
    }
}
