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
 * Copies an input it reads once (so the engine streams it), pausing after each batch; when
 * its bundle has version {@code stallVersion}, it stalls after its first batch for
 * {@code stallMillis}, ignoring cancellation and interrupts, as a step inside a long library
 * call (a Weka build) does.
 */
@Component(service = StepType.class, property = StepType.TYPE_PROPERTY + "=stream-copy")
public final class StreamCopyStepType implements StepType {

    private final StepDescriptor descriptor;
    private final String version;

    @Activate
    public StreamCopyStepType(BundleContext context) {
        version = BundleVersions.of(context);
        descriptor = StepDescriptor.builder("stream-copy")
                .version(version)
                .category(StepCategory.CLEANER)
                .title("Stream copy")
                .description("Copies rows unchanged from a streamed input; can stall like a library call (itests only).")
                .parameter(ParameterSpec.builder("pauseMillis", ParameterType.INTEGER)
                        .description("Pause after each batch, in milliseconds.").defaultValue(0L)
                        .range(0, 10_000).build())
                .parameter(ParameterSpec.builder("stallMillis", ParameterType.INTEGER)
                        .description("Stall after the first batch, ignoring cancellation, in milliseconds.")
                        .defaultValue(0L).range(0, 120_000).build())
                .parameter(ParameterSpec.builder("stallVersion", ParameterType.STRING)
                        .description("Stall only when this bundle has this version.").build())
                .input(PortSpec.streamed(PortSpec.IN, "any rows"))
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
            boolean stalls = context.params().optionalString("stallVersion").map(version::equals).orElse(false);
            long stall = context.params().integer("stallMillis");
            try (DataStream in = context.input(PortSpec.IN)) {
                BatchSink out = context.output(PortSpec.OUT, in.schema());
                Batch batch;
                boolean first = true;
                while ((batch = in.next()) != null) {
                    out.write(batch);
                    if (first && stalls) {
                        stallIgnoringInterrupts(stall);
                    }
                    first = false;
                    context.checkCancelled();
                    if (pause > 0) {
                        Thread.sleep(pause);
                    }
                }
            }
        };
    }

    private static void stallIgnoringInterrupts(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        boolean interrupted = false;
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
