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

/** The {@code split} step type: train and test rows, at random or by a date cutoff. */
@Component(service = StepType.class)
@AssayStepType("split")
public final class SplitStepType extends TypedStepType<SplitParameters> {

    static final String TRAIN = "train";
    static final String TEST = "test";

    public SplitStepType() {
        super(SplitParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.TRANSFORM).title("Split into train and test").tags("split", "train", "test", "holdout")
                .description("Sends every row to train or test: at random with a seed (testFraction, exact per "
                        + "stratum with stratify; reads the input twice), or in time (rows before cutoff in "
                        + "dateColumn to train, the rest to test; reads it once). Rows keep their input order.")
                .input(PortSpec.IN, "The rows to split.")
                .output(TRAIN, "The rows to learn from.")
                .output(TEST, "The rows held out.");
    }

    @Override
    protected Step newStep(SplitParameters p) {
        return new SplitStep(p);
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(SplitParameters p, Map<String, Schema> inputs) {
        return Optional.ofNullable(inputs.get(PortSpec.IN)).map(in -> Map.of(TRAIN, in, TEST, in));
    }
}
