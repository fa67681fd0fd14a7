package org.assay.testkit;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assay.api.data.Batch;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.model.TrainedModel;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner holds steps to their declared ports as the engine does: kinds and read modes. */
class StepTestRunnerPortsTest {

    private static final Schema SCHEMA = Schema.of(Field.of("n", FieldType.INTEGER));

    @TempDir
    Path dir;

    private static StepType type(StepDescriptor descriptor, Step step) {
        return new StepType() {
            @Override
            public StepDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public Step newStep() {
                return step;
            }
        };
    }

    private static long drain(DataStream in) throws Exception {
        long n = 0;
        try (in) {
            for (Batch b = in.next(); b != null; b = in.next()) {
                n += b.rowCount();
            }
        }
        return n;
    }

    @Test
    void aReadOnceInputOpenedTwiceFailsWithTheFix() {
        StepType twice = type(StepDescriptor.builder("twice").category(StepCategory.SINK)
                .input(PortSpec.streamed("in", "rows")).build(), ctx -> {
                    ctx.countOut(drain(ctx.input("in")));
                    drain(ctx.input("in"));
                });
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new StepTestRunner(twice, dir).input("in", SCHEMA, row(1L)).run());
        assertEquals("input 'in' opened a second time, but the step type declares it read once (PortSpec.streamed);"
                + " declare it PortSpec.of to read it several times", e.getMessage());
    }

    @Test
    void aManyInputMayBeOpenedTwice() throws Exception {
        StepType twice = type(StepDescriptor.builder("twice").category(StepCategory.SINK).input("in", "rows").build(),
                ctx -> {
                    drain(ctx.input("in"));
                    ctx.countOut(drain(ctx.input("in")));
                });
        new StepTestRunner(twice, dir).input("in", SCHEMA, row(1L), row(2L)).run().assertRowsAccountedFor();
    }

    @Test
    void aWrittenModelIsCapturedAndAFedModelIsRead() throws Exception {
        Path source = dir.resolve("trained.bin");
        StepType train = type(StepDescriptor.builder("train").category(StepCategory.MINER)
                .output(PortSpec.model("model", "m")).build(), ctx -> {
                    Files.write(source, new byte[] {4, 2});
                    ctx.outputModel("model", TrainedModel.builder("test.bytes", SCHEMA).trainedRows(2)
                            .content(() -> Files.newInputStream(source)).build());
                    Files.delete(source);
                });
        TrainedModel written = new StepTestRunner(train, dir).run().outputModel("model");
        try (InputStream in = written.openContent()) {
            assertArrayEquals(new byte[] {4, 2}, in.readAllBytes(), "read when written, as the engine stores it");
        }

        long[] seen = new long[1];
        StepType use = type(StepDescriptor.builder("use").category(StepCategory.SINK)
                .input(PortSpec.model("model", "m")).build(), ctx -> seen[0] = ctx.inputModel("model").trainedRows());
        new StepTestRunner(use, dir).inputModel("model", written).run();
        assertEquals(2, seen[0]);
    }

    @Test
    void modelAndDatasetPortsAreNotMixedUp() {
        StepType rowsOnModelPort = type(StepDescriptor.builder("bad").category(StepCategory.MINER)
                .output(PortSpec.model("model", "m")).build(), ctx -> ctx.output("model", SCHEMA));
        assertEquals("output 'model' is a model port; write it with outputModel", assertThrows(
                IllegalStateException.class, () -> new StepTestRunner(rowsOnModelPort, dir).run()).getMessage());
        StepType modelOnDatasetPort = type(StepDescriptor.builder("bad").category(StepCategory.MINER)
                .output("out", "rows").build(), ctx -> ctx.outputModel("out",
                        TrainedModel.builder("f", SCHEMA).content(new byte[0]).build()));
        assertEquals("output 'out' is not declared as a model port (PortSpec.model) by the step type", assertThrows(
                IllegalStateException.class, () -> new StepTestRunner(modelOnDatasetPort, dir).run()).getMessage());
    }
}
