package org.assay.teststeps.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepFailure;
import org.assay.api.step.StepType;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Writes checksum.txt: row count, sum and number of distinct values of the integer column
 * {@code id}. For ids 1..n with nothing lost or doubled: rows = distinct = n, sum = n(n+1)/2.
 */
@Component(service = StepType.class, property = StepType.TYPE_PROPERTY + "=test-checksum")
public final class TestChecksumStepType implements StepType {

    private final StepDescriptor descriptor;

    @Activate
    public TestChecksumStepType(BundleContext context) {
        descriptor = StepDescriptor.builder("test-checksum")
                .version(BundleVersions.of(context))
                .category(StepCategory.SINK)
                .title("Test checksum")
                .description("Counts rows and sums the id column into checksum.txt (itests only).")
                .input(PortSpec.streamed(PortSpec.IN, "rows with an integer column 'id'"))
                .build();
    }

    @Override
    public StepDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Step newStep() {
        return context -> {
            long rows = 0;
            long sum = 0;
            BitSet seen = new BitSet();
            try (DataStream in = context.input(PortSpec.IN)) {
                if (!in.schema().contains("id")) {
                    throw new StepFailure("step '" + context.stepId() + "' needs an input column 'id'");
                }
                Batch batch;
                while ((batch = in.next()) != null) {
                    Column ids = batch.column("id");
                    for (int r = 0; r < batch.rowCount(); r++) {
                        long id = ids.getLong(r);
                        sum += id;
                        seen.set((int) id);
                    }
                    rows += batch.rowCount();
                }
            }
            Path file = context.artifactDir().resolve("checksum.txt");
            Files.writeString(file, "rows=" + rows + " sum=" + sum + " distinct=" + seen.cardinality() + "\n",
                    StandardCharsets.UTF_8);
            context.addArtifact(file, ArtifactKind.TEXT, "Checksum of the id column");
            context.countOut(rows);
        };
    }
}
