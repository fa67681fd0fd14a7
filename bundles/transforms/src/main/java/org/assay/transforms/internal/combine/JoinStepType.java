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

/** The {@code join} step type: matches the rows of two inputs on key columns. */
@Component(service = StepType.class)
@AssayStepType("join")
public final class JoinStepType extends TypedStepType<JoinParameters> {

    static final String LEFT = "left";
    static final String RIGHT = "right";

    public JoinStepType() {
        super(JoinParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.TRANSFORM).title("Join two inputs on keys").tags("join", "merge", "integrate")
                .description("Matches left and right rows whose key columns are equal (inner, left, right, full, "
                        + "semi or anti). A hash join: the right input is read once into memory (at most buildRows "
                        + "rows; put the smaller table on the right), then the left input streams past it. A larger "
                        + "right input is split by key into " + JoinStep.PARTITIONS + " parts spilled to the step's "
                        + "folder (deleted afterwards) and joined part by part; rows then come out grouped by part. The "
                        + "output has the left columns, then the right columns that are not keys; a right column "
                        + "whose name the left already has gets the suffix (amount_right). A null key matches "
                        + "nothing. A right key held by several rows gives a left row one output row per match "
                        + "(fan-out): the step logs it and writes a join summary table with the counts. Key "
                        + "types must match (string and categorical match each other).")
                .input(PortSpec.streamed(LEFT, "The rows to match, usually the larger table; read once, streaming."))
                .input(PortSpec.streamed(RIGHT, "The rows to match against, the smaller table; held in memory."))
                .output(PortSpec.OUT, "The joined rows.");
    }

    @Override
    protected Step newStep(JoinParameters p) {
        return new JoinStep(p);
    }

    /**
     * The key types must match: checked at deploy when both inputs are known, at the right keys'
     * parameter (rightOn, or on when the names are shared).
     */
    @Override
    protected List<ParameterProblem> check(JoinParameters p, Map<String, Schema> inputs) {
        Schema left = inputs.get(LEFT);
        Schema right = inputs.get(RIGHT);
        return left == null || right == null ? List.of() : ParameterMisfit.problems(() -> JoinLayout.of(p, left, right));
    }

    /** Known when both inputs are and the keys fit them (else {@link #check} reports why). */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(JoinParameters p, Map<String, Schema> inputs) {
        Schema left = inputs.get(LEFT);
        Schema right = inputs.get(RIGHT);
        if (left == null || right == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Map.of(PortSpec.OUT, JoinLayout.of(p, left, right).output));
        } catch (ParameterMisfit e) {
            return Optional.empty();
        }
    }
}
