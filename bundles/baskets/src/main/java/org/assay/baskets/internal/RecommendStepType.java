package org.assay.baskets.internal;

import java.util.ArrayList;
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

/** The {@code recommend} step type: cross-sell lists from association rules. */
@Component(service = StepType.class)
@AssayStepType("recommend")
public final class RecommendStepType extends TypedStepType<RecommendParameters> {

    public RecommendStepType() {
        super(RecommendParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.MINER).title("Cross-sell recommendations")
                .description("For each customer, the top-N items they have not bought yet that association rules"
                        + " (from weka-associate, as its rules table or its model) point to, each with the rule that"
                        + " fired, its confidence and lift; and per product the items frequently bought with it."
                        + " With evaluate, holds out each customer's last basket, re-mines rules on the rest and"
                        + " writes hit rate, precision@N and recall@N next to a most-popular-items baseline"
                        + " (evaluation.csv). Purchases without a customer or an item are quarantined.")
                .tags("cross-sell", "recommendations", "market basket", "association rules")
                .input(PortSpec.IN, "Purchase lines: customer, basket, item (and optionally a date)")
                .input(PortSpec.of(RecommendStep.RULES_PORT, "Rules table from weka-associate").asOptional())
                .input(PortSpec.model(PortSpec.MODEL, "Rules model from weka-associate").asOptional())
                .input(PortSpec.of(Exclusions.PORT, "Items not to recommend, per customer: the customerColumn"
                        + " (empty: for everyone) and itemColumn, e.g. returns, opt-outs or items bought elsewhere")
                        .asOptional())
                .output(PortSpec.OUT, "Recommendations: customer, rank, item, rule, confidence, lift, support")
                .output(PortSpec.of(RecommendStep.RELATED_PORT, "Frequently bought with: product, rank, item,"
                        + " confidence, lift, support"));
    }

    @Override
    protected Step newStep(RecommendParameters p) {
        return new RecommendStep(p);
    }

    @Override
    protected List<ParameterProblem> check(RecommendParameters p, Map<String, Schema> inputs) {
        List<ParameterProblem> problems = new ArrayList<>();
        Schema in = inputs.get(PortSpec.IN);
        if (in != null) {
            problems.addAll(Purchases.problems(in, p));
        }
        Schema exclusions = inputs.get(Exclusions.PORT);
        if (exclusions != null) {
            problems.addAll(Exclusions.problems(exclusions, p));
        }
        Schema rules = inputs.get(RecommendStep.RULES_PORT);
        if (rules != null) {
            List<String> missing = RecommendStep.RULE_COLUMNS.stream().filter(c -> !rules.contains(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(ParameterProblem.general("the rules input lacks " + missing + "; connect the rules"
                        + " output of weka-associate"));
            }
        }
        return problems;
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(RecommendParameters p, Map<String, Schema> inputs) {
        return Optional.of(Map.of(PortSpec.OUT, RecommendStep.recommendations(p.customerColumn()),
                RecommendStep.RELATED_PORT, RecommendStep.RELATED));
    }
}
