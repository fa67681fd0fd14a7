package org.assay.transforms.internal.combine;

import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/** The {@code sample} step type: a seeded random subset of the rows, optionally stratified. */
@Component(service = StepType.class)
@AssayStepType("sample")
public final class SampleStepType extends TypedStepType<SampleParameters> {

    public SampleStepType() {
        super(SampleParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.TRANSFORM).title("Random sample of rows").tags("sample", "subset")
                .description("Keeps n rows, or a fraction of the rows, chosen at random with a seed; with stratify, "
                        + "from each value of that column separately. Exact counts, rows kept in input order. Reads "
                        + "the input twice (count, then choose) and holds only a counter per stratum. Rows left out "
                        + "count as filtered.")
                .input(PortSpec.IN, "The rows to sample.")
                .output(PortSpec.OUT, "The sampled rows.");
    }

    @Override
    protected Step newStep(SampleParameters p) {
        return new SampleStep(p);
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(SampleParameters p, Map<String, Schema> inputs) {
        return sameAsInput(inputs);
    }
}
