package org.assay.crm.internal;

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

/** The {@code satisfaction} step type: NPS and CSAT by segment and period, and the drivers of low scores. */
@Component(service = StepType.class)
@AssayStepType("satisfaction")
public final class SatisfactionStepType extends TypedStepType<SatisfactionParameters> {

    public SatisfactionStepType() {
        super(SatisfactionParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.MINER).title("NPS, CSAT and drivers of low scores")
                .description("From survey responses: NPS = % promoters (9-10) - % detractors (0-6), in points, with"
                        + " a Wald interval (var = (p + d - (p - d)^2) / n); CSAT = % of scores 4-5, with a Wilson"
                        + " interval; and the mean sentiment and share of negative texts. Rows for everyone"
                        + " (dimension 'all') and per value of each segment column, each over the whole span"
                        + " (period 'all') and per period. The drivers output ranks every value of every driver"
                        + " column by how much more often its responses are low (detractors, or CSAT 1-3 without an"
                        + " NPS column) than all other responses: rate ratio with a Katz interval and odds ratio"
                        + " with a Woolf interval; 'significant' when the interval leaves out 1. Scores outside"
                        + " 0-10 or 1-5 are quarantined; missing scores are left out of their figure.")
                .tags("nps", "csat", "satisfaction", "survey", "drivers", "crm", "feedback")
                .input(PortSpec.streamed(PortSpec.IN, "Survey responses: scores, optional date, segments and drivers"))
                .output(PortSpec.OUT, "NPS, CSAT and sentiment per dimension, segment and period")
                .output(PortSpec.of(SatisfactionStep.DRIVERS_PORT, "Driver values ranked by the rate ratio of a low"
                        + " score, with counts, intervals and odds ratios"));
    }

    @Override
    protected Step newStep(SatisfactionParameters p) {
        return new SatisfactionStep(p);
    }

    @Override
    protected List<ParameterProblem> check(SatisfactionParameters p, Map<String, Schema> inputs) {
        return new ArrayList<>();
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(SatisfactionParameters p, Map<String, Schema> inputs) {
        return Optional.of(Map.of(PortSpec.OUT, SatisfactionStep.SUMMARY,
                SatisfactionStep.DRIVERS_PORT, SatisfactionStep.DRIVERS));
    }
}
