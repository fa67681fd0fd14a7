package org.assay.transforms.internal.table;

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

/** The {@code select} step type: keep, drop, reorder, rename, cast and retag columns. */
@Component(service = StepType.class)
@AssayStepType("select")
public final class SelectStepType extends TypedStepType<SelectParameters> {

    public SelectStepType() {
        super(SelectParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.TRANSFORM).title("Select, rename, cast and retag columns")
                .tags("columns", "rename", "cast", "types", "tags")
                .description("Keeps (in the order given) or drops columns, renames them, casts them to another "
                        + "type and replaces their tags (id, target, pii). Every parameter names columns as the "
                        + "input does. A row with a value that does not cast is quarantined with the column and the "
                        + "reason (a pii value is not quoted); the others go on. Casts: text parses strictly (ISO "
                        + "dates and timestamps, plain numbers, true/false/yes/no/1/0) and blank text becomes null; "
                        + "a decimal becomes an integer only when whole; numbers and booleans cast among themselves "
                        + "(booleans as 0/1), dates and timestamps among themselves (midnight UTC, the UTC date); "
                        + "anything casts to string or categorical. Streams: one pass, batch by batch.")
                .input(PortSpec.streamed(PortSpec.IN, "Rows to reshape."))
                .output(PortSpec.OUT, "The same rows with the selected, renamed, cast and retagged columns.");
    }

    @Override
    protected Step newStep(SelectParameters p) {
        return new SelectStep(p);
    }

    /** Casts must be possible and renamed columns must not clash: checked at deploy when the input is known. */
    @Override
    protected List<ParameterProblem> check(SelectParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        return in == null ? List.of() : ParameterMisfit.problems(() -> SelectPlan.resolve(p, in));
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(SelectParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Map.of(PortSpec.OUT, SelectPlan.resolve(p, in).output));
        } catch (ParameterMisfit e) {
            return Optional.empty();
        }
    }
}
