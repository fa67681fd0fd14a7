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

/** The {@code rfm} step type: recency, frequency and monetary scores and named segments per customer. */
@Component(service = StepType.class)
@AssayStepType("rfm")
public final class RfmStepType extends TypedStepType<RfmParameters> {

    public RfmStepType() {
        super(RfmParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.MINER).title("RFM segments")
                .description("Per customer from orders: recency (days from the last order to asOf), frequency"
                        + " (orders) and monetary value (total or mean spend), each scored 1-5 by quintile of the"
                        + " customers (recency reversed: the most recent get 5). Ties share a score: a customer's"
                        + " score is 1 + floor(5 (p - 1) / n) where p is the first position of its value in"
                        + " ascending order, so equal values always score the same and quintiles are uneven when"
                        + " many tie. FM = (F + M) / 2 rounded half up. Segments by R and FM: " + RfmSegments.DOC
                        + ". The rule table is also the artifact " + RfmStep.RULES_FILE + ". Rows without a"
                        + " customer or date, or with a negative amount, are quarantined.")
                .tags("rfm", "recency", "frequency", "monetary", "segments", "crm", "customer value")
                .input(PortSpec.streamed(PortSpec.IN, "Orders: one row per order with customer, date, amount"))
                .output(PortSpec.OUT, "Per customer: recency, frequency, monetary, scores and segment")
                .output(PortSpec.of(RfmStep.SEGMENTS_PORT, "Per segment: customers, share, revenue share, mean"
                        + " recency, frequency and monetary value"));
    }

    @Override
    protected Step newStep(RfmParameters p) {
        return new RfmStep(p);
    }

    @Override
    protected List<ParameterProblem> check(RfmParameters p, Map<String, Schema> inputs) {
        return new ArrayList<>();
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(RfmParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null || !in.contains(p.customerColumn())) {
            return Optional.empty();
        }
        return Optional.of(Map.of(PortSpec.OUT, RfmStep.customers(Orders.keyField(in.field(p.customerColumn()))),
                RfmStep.SEGMENTS_PORT, RfmStep.SEGMENTS));
    }
}
