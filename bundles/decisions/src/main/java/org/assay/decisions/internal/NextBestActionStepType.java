package org.assay.decisions.internal;

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

/** The {@code next-best-action} step type: which offer to make to whom, under budget and limits. */
@Component(service = StepType.class)
@AssayStepType("next-best-action")
public final class NextBestActionStepType extends TypedStepType<NextBestActionParameters> {

    public NextBestActionStepType() {
        super(NextBestActionParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.MINER).title("Next best action")
                .description("Chooses which offer to make to which customer to maximise expected net value"
                        + " (propensity x margin - cost, optionally weighted by churn risk) under a total budget,"
                        + " per-offer caps, per-channel capacity and at most maxPerCustomer actions each, skipping"
                        + " customers without consent for the purpose (a consent column, or a consent table as"
                        + " consent-filter reads it), contacted within fatigueDays, outside an offer's segments or"
                        + " failing its eligibility rule (a sandboxed expression over the candidates' columns, e.g."
                        + " plan != 'basic' && tenure_months >= 6, compiled once; a rule that does not compile fails"
                        + " the run naming the offer and the position). Solved as the assignment problem it is: a Lagrangian bound equal to"
                        + " the LP relaxation's, and the best of three greedy plans, with the gap between them"
                        + " reported. Also a what-if for the budget at -20% and +20%, a per-segment summary and a"
                        + " seeded Monte Carlo of the revenue (each response drawn from its propensity)."
                        + " Candidates with an unknown offer, a propensity outside 0..1 or a rule that cannot be"
                        + " evaluated on their row are quarantined. The run report gets a section with the budget,"
                        + " expected revenue, bound and gap, reach per segment, the what-if and simulationChart.")
                .tags("next best action", "offers", "optimisation", "budget", "campaign", "prescriptive")
                .input(PortSpec.IN, "Candidates: customer, offer, propensity (and segment, churn risk, consent, last"
                        + " contact)")
                .input(PortSpec.of(NextBestActionStep.OFFERS_PORT, "Offers: offer, margin, cost, channel (and cap,"
                        + " segments separated by ';', eligibility)"))
                .input(PortSpec.of(NextBestActionStep.CONSENT_PORT, "Consent table: key, purpose and optionally"
                        + " granted, as for consent-filter; needs purpose").asOptional())
                .output(PortSpec.OUT, "One row per chosen action, with the reason")
                .output(PortSpec.of(NextBestActionStep.SUMMARY_PORT, "Budget used, expected revenue, bound and gap,"
                        + " simulated revenue quantiles"))
                .output(PortSpec.of(NextBestActionStep.SEGMENTS_PORT, "Customers reached per segment"))
                .output(PortSpec.of(NextBestActionStep.WHAT_IF_PORT, "The plan at 80%, 100% and 120% of the budget"))
                .output(PortSpec.of(NextBestActionStep.SIMULATION_PORT, "Monte Carlo runs: responses, revenue, net"
                        + " value (draw a histogram of revenue)"));
    }

    @Override
    protected Step newStep(NextBestActionParameters p) {
        return new NextBestActionStep(p);
    }

    @Override
    protected List<ParameterProblem> check(NextBestActionParameters p, Map<String, Schema> inputs) {
        List<ParameterProblem> problems = new ArrayList<>();
        Schema offers = inputs.get(NextBestActionStep.OFFERS_PORT);
        if (offers != null) {
            List<String> missing = Catalogue.REQUIRED.stream().filter(c -> !offers.contains(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(ParameterProblem.general("the offers input lacks " + missing + "; it needs offer,"
                        + " margin, cost and channel"));
            }
        }
        Schema candidates = inputs.get(PortSpec.IN);
        if (candidates != null) {
            for (Map.Entry<String, String> e : p.eligibility().entrySet()) {
                try {
                    Eligibility.compile(e.getKey(), e.getValue(), null);
                } catch (IllegalArgumentException x) {
                    continue; // already reported by the parameters' own check
                }
                try {
                    Eligibility.compile(e.getKey(), e.getValue(), candidates);
                } catch (IllegalArgumentException x) {
                    problems.add(ParameterProblem.of("eligibility", x.getMessage()));
                }
            }
        }
        if (p.consentColumn().isPresent() && p.purpose().isEmpty() && candidates != null
                && candidates.contains(p.consentColumn().get())
                && candidates.field(p.consentColumn().get()).type() != org.assay.api.data.FieldType.BOOLEAN) {
            problems.add(ParameterProblem.of("purpose", "consentColumn '" + p.consentColumn().get() + "' is text (a"
                    + " list of purposes): set purpose to the workflow's purpose"));
        }
        return problems;
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(NextBestActionParameters p, Map<String, Schema> inputs) {
        return Optional.of(Map.of(PortSpec.OUT, NextBestActionStep.ACTIONS, NextBestActionStep.SUMMARY_PORT,
                NextBestActionStep.SUMMARY, NextBestActionStep.SEGMENTS_PORT, NextBestActionStep.SEGMENTS,
                NextBestActionStep.WHAT_IF_PORT, NextBestActionStep.WHAT_IF, NextBestActionStep.SIMULATION_PORT,
                NextBestActionStep.SIMULATION));
    }
}
