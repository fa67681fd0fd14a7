package org.assay.transforms.internal.combine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Schema;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.assay.transforms.internal.ParameterMisfit;
import org.osgi.service.component.annotations.Component;

/** The {@code lookup} step type: adds columns from a small reference table, matched on a key. */
@Component(service = StepType.class)
@AssayStepType("lookup")
public final class LookupStepType extends TypedStepType<LookupParameters> {

    static final String REFERENCE = "reference";

    public LookupStepType() {
        super(LookupParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.TRANSFORM).title("Add columns from a reference table").tags("lookup", "enrich", "integrate")
                .description("Reads the reference into memory (at most maxReferenceRows rows), then adds the chosen "
                        + "reference columns to every input row whose key matches; a row without a match (or with "
                        + "a null key) gets each column's default, or null. Every input row comes out exactly once, "
                        + "in order. A reference key held by several rows fails the step unless duplicates is first. "
                        + "An added column whose name the input already has fails the step: rename it first. "
                        + "Reference rows are read, not passed on: the run counts them as filtered.")
                .input(PortSpec.streamed(PortSpec.IN, "The rows to enrich; read once, streaming."))
                .input(PortSpec.streamed(REFERENCE, "The reference table, one row per key."))
                .output(PortSpec.OUT, "The input rows with the reference columns added.");
    }

    @Override
    protected Step newStep(LookupParameters p) {
        return new LookupStep(p);
    }

    /**
     * Key types, name clashes and defaults against the columns they fill: checked at deploy when
     * both inputs are known.
     */
    @Override
    protected List<ParameterProblem> check(LookupParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        Schema reference = inputs.get(REFERENCE);
        return in == null || reference == null ? List.of()
                : ParameterMisfit.problems(() -> LookupLayout.of(p, in, reference));
    }

    /** Known when both inputs are and the parameters fit them (else {@link #check} reports why). */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(LookupParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        Schema reference = inputs.get(REFERENCE);
        if (in == null || reference == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Map.of(PortSpec.OUT, LookupLayout.of(p, in, reference).output));
        } catch (ParameterMisfit e) {
            return Optional.empty();
        }
    }
}
