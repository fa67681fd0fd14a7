package org.assay.sequences.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/** The {@code sequence-patterns} step type: frequent sequential patterns and sequence rules. */
@Component(service = StepType.class)
@AssayStepType("sequence-patterns")
public final class SequencePatternsStepType extends TypedStepType<SequencePatternsParameters> {

    public SequencePatternsStepType() {
        super(SequencePatternsParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.MINER).title("Sequential patterns")
                .description("Frequent sequential patterns in ordered events (page paths in sessions, the order in"
                        + " which customers buy categories, the contacts before they leave): the event sequences held"
                        + " by at least minSupport of the keys, in order but not necessarily adjacent, optionally"
                        + " within maxGap between events and a window overall. Mined with PrefixSpan; each key counts"
                        + " once per pattern. Also sequence rules: for a pattern A > B > C, 'A > B => C' with its"
                        + " confidence (of the keys with A then B, the share that go on to C) and lift (that"
                        + " confidence over the share of keys with C at all). Events without a key, order value or"
                        + " item are quarantined.")
                .tags("sequences", "journeys", "clickstream", "prefixspan", "patterns")
                .input(PortSpec.streamed(PortSpec.IN, "Events in long form: key, order, item"))
                .output(PortSpec.OUT, "Patterns: pattern, length, sequences, support, first, last")
                .output(PortSpec.of(SequencePatternsStep.RULES_PORT, "Sequence rules: antecedent, consequent,"
                        + " sequences, antecedent_sequences, consequent_sequences, support, confidence, lift"));
    }

    @Override
    protected Step newStep(SequencePatternsParameters p) {
        return new SequencePatternsStep(p);
    }

    @Override
    protected List<ParameterProblem> check(SequencePatternsParameters p, Map<String, Schema> inputs) {
        List<ParameterProblem> problems = new ArrayList<>();
        Schema in = inputs.get(PortSpec.IN);
        if (in != null && (p.orderColumn().isEmpty() || in.contains(p.orderColumn().get()))) {
            problems.addAll(p.spanProblems(orderType(in, p)));
        }
        return problems;
    }

    static FieldType orderType(Schema in, SequencePatternsParameters p) {
        return p.orderColumn().map(c -> in.field(c).type()).orElse(null);
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(SequencePatternsParameters p, Map<String, Schema> inputs) {
        return Optional.of(Map.of(PortSpec.OUT, SequencePatternsStep.PATTERNS, SequencePatternsStep.RULES_PORT,
                SequencePatternsStep.RULES));
    }
}
