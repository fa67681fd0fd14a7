package org.assay.baskets.internal;

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
import org.osgi.service.component.annotations.Component;

/** The {@code weka-associate} step type: association rules ("bought together") with Weka. */
@Component(service = StepType.class)
@AssayStepType("weka-associate")
public final class AssociateStepType extends TypedStepType<AssociateParameters> {

    public AssociateStepType() {
        super(AssociateParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.MINER).title("Association rules with Weka")
                .description("Finds which items are bought together (A => C: baskets with A also hold C) with Weka's"
                        + " FPGrowth or Apriori. Reads order lines (long form) or one 0/1 row per basket (wide form)"
                        + " once and mines them as sparse instances, so memory follows the order lines, not"
                        + " baskets x items. Order lines without a basket or an item are quarantined. Writes the"
                        + " rules with support, confidence, lift, leverage, conviction and counts, best first."
                        + " Artifacts: frequent-itemsets.csv and rules-summary.txt (Weka's own output).")
                .tags("weka", "association rules", "market basket", "cross-sell")
                .input(PortSpec.streamed(PortSpec.IN, "Order lines (basket, item) or one row per basket"))
                .output(PortSpec.OUT, "The rules, one row each, sorted by sortBy")
                .output(PortSpec.model(PortSpec.MODEL, "The same rules for recommend (format " + Rule.MODEL_FORMAT
                        + ")"));
    }

    @Override
    protected Step newStep(AssociateParameters p) {
        return new AssociateStep(p);
    }

    @Override
    protected List<ParameterProblem> check(AssociateParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        return in == null ? List.of()
                : BasketReader.problems(in, p.format(), p.basketColumn(), p.itemColumn(), p.itemColumns());
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(AssociateParameters p, Map<String, Schema> inputs) {
        return Optional.of(Map.of(PortSpec.OUT, AssociateStep.RULES));
    }
}
