package org.assay.teststeps.internal;

import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ParameterSpec;
import org.assay.api.step.ParameterType;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** A source of rows numbered 1..rows, so a sink can prove that none was lost or duplicated. */
@Component(service = StepType.class, property = StepType.TYPE_PROPERTY + "=test-rows")
public final class TestRowsStepType implements StepType {

    static final Schema SCHEMA = Schema.of(Field.of("id", FieldType.INTEGER), Field.of("label", FieldType.STRING));

    private final StepDescriptor descriptor;

    @Activate
    public TestRowsStepType(BundleContext context) {
        descriptor = StepDescriptor.builder("test-rows")
                .version(BundleVersions.of(context))
                .category(StepCategory.CONNECTOR)
                .title("Test rows")
                .description("Generates rows numbered 1 to 'rows' (itests only).")
                .parameter(ParameterSpec.builder("rows", ParameterType.INTEGER)
                        .description("How many rows to generate.").defaultValue(10_000L).minimum(1).build())
                .parameter(ParameterSpec.builder("batchSize", ParameterType.INTEGER)
                        .description("Rows per batch.").defaultValue(500L).range(1, 100_000).build())
                .output(PortSpec.OUT, "id (1..rows) and a label")
                .build();
    }

    @Override
    public StepDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Step newStep() {
        return context -> {
            long rows = context.params().integer("rows");
            int batchSize = context.params().intValue("batchSize");
            BatchSink out = context.output(PortSpec.OUT, SCHEMA);
            BatchBuilder builder = new BatchBuilder(SCHEMA, batchSize);
            for (long id = 1; id <= rows; id++) {
                builder.setLong(0, id).setString(1, "row " + id).endRow();
                if (builder.isFull()) {
                    out.write(builder.build());
                    context.checkCancelled();
                }
            }
            if (!builder.isEmpty()) {
                out.write(builder.build());
            }
            context.countIn(rows);
        };
    }
}
