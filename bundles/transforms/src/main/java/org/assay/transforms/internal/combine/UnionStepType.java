package org.assay.transforms.internal.combine;

import java.util.LinkedHashMap;
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

/** The {@code union} step type: the rows of two or three inputs, one after the other, columns matched by name. */
@Component(service = StepType.class)
@AssayStepType("union")
public final class UnionStepType extends TypedStepType<UnionParameters> {

    static final String FIRST = "first";
    static final String SECOND = "second";
    static final String THIRD = "third";
    /** The input ports in the order their rows are written. */
    static final List<String> PORTS = List.of(FIRST, SECOND, THIRD);

    public UnionStepType() {
        super(UnionParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.TRANSFORM).title("Stack rows of several inputs").tags("union", "append", "integrate")
                .description("Writes the rows of first, then second, then third (when connected), matching columns by "
                        + "name. The output has first's columns, then any column a later input adds. Types: integer "
                        + "with decimal is decimal, date with timestamp is timestamp, string or categorical with "
                        + "anything else is string; other pairs fail (cast with select). A column an input lacks is "
                        + "null in its rows. Tags are merged: a column pii in any input is pii in the output. To "
                        + "stack more than three inputs, chain union steps.")
                .input(PortSpec.streamed(FIRST, "The first rows."))
                .input(PortSpec.streamed(SECOND, "Rows to append."))
                .input(PortSpec.streamed(THIRD, "More rows to append; optional.").asOptional())
                .output(PortSpec.OUT, "The rows of every input, in port order.");
    }

    @Override
    protected Step newStep(UnionParameters p) {
        return new UnionStep(p);
    }

    /**
     * Column types that union does not reconcile, and a sourceColumn that clashes: checked at
     * deploy among the inputs whose schemas are known.
     */
    @Override
    protected List<ParameterProblem> check(UnionParameters p, Map<String, Schema> inputs) {
        Map<String, Schema> ordered = new LinkedHashMap<>();
        PORTS.stream().filter(inputs::containsKey).forEach(port -> ordered.put(port, inputs.get(port)));
        return ordered.size() < 2 ? List.of()
                : ParameterMisfit.problems(() -> UnionSchema.of(ordered, p.sourceColumn().orElse(null)));
    }

    /**
     * Known when every required input is known. The optional third port cannot be told apart
     * from an unconnected one here: it is reconciled when its schema is given.
     */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(UnionParameters p, Map<String, Schema> inputs) {
        if (!inputs.containsKey(FIRST) || !inputs.containsKey(SECOND)) {
            return Optional.empty();
        }
        Map<String, Schema> ordered = new LinkedHashMap<>();
        PORTS.stream().filter(inputs::containsKey).forEach(port -> ordered.put(port, inputs.get(port)));
        try {
            return Optional.of(Map.of(PortSpec.OUT, UnionSchema.of(ordered, p.sourceColumn().orElse(null))));
        } catch (ParameterMisfit e) {
            return Optional.empty();
        }
    }
}
