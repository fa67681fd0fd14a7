package org.assay.teststeps.internal;

import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.DataStream;
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

/**
 * Copies its input unchanged, sleeping after each batch: a run stays in this step long enough
 * for an itest to update or stop the bundle underneath it.
 */
@Component(service = StepType.class, property = StepType.TYPE_PROPERTY + "=slow-copy")
public final class SlowCopyStepType implements StepType {

    private final StepDescriptor descriptor;

    @Activate
    public SlowCopyStepType(BundleContext context) {
        descriptor = StepDescriptor.builder("slow-copy")
                .version(BundleVersions.of(context))
                .category(StepCategory.CLEANER)
                .title("Slow copy")
                .description("Copies rows unchanged, pausing after each batch (itests only).")
                .parameter(ParameterSpec.builder("pauseMillis", ParameterType.INTEGER)
                        .description("Pause after each batch, in milliseconds.").defaultValue(100L)
                        .range(0, 10_000).build())
                .input(PortSpec.IN, "any rows")
                .output(PortSpec.OUT, "the same rows")
                .build();
    }

    @Override
    public StepDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Step newStep() {
        return context -> {
            long pause = context.params().integer("pauseMillis");
            try (DataStream in = context.input(PortSpec.IN)) {
                BatchSink out = context.output(PortSpec.OUT, in.schema());
                Batch batch;
                while ((batch = in.next()) != null) {
                    out.write(batch);
                    context.checkCancelled();
                    Thread.sleep(pause);
                }
            }
        };
    }
}
