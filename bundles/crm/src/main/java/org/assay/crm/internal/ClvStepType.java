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

/** The {@code clv} step type: customer lifetime value from BG/NBD and Gamma-Gamma, with a historical fallback. */
@Component(service = StepType.class)
@AssayStepType("clv")
public final class ClvStepType extends TypedStepType<ClvParameters> {

    public ClvStepType() {
        super(ClvParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.MINER).title("Customer lifetime value (BG/NBD, Gamma-Gamma)")
                .description("Per customer from orders (orders on one day are one purchase): the expected purchases"
                        + " in the next horizonDays and P(alive) from a BG/NBD model (Fader, Hardie and Lee 2005;"
                        + " maximum likelihood by Nelder-Mead on log parameters from several starts), the expected"
                        + " spend per purchase from a Gamma-Gamma model (Fader and Hardie 2013) fitted on repeat"
                        + " customers, and the CLV: month by month (30 days) expected purchases x spend, discounted"
                        + " by discountRate a month. With fewer than minRepeatCustomers repeat customers, or when"
                        + " the BG/NBD fit fails, the historical value is used instead (repeat purchases per day"
                        + " so far x mean spend); when only Gamma-Gamma fails, the customer's mean spend. The"
                        + " method column and the log say which. With holdoutDays > 0 the models are also fitted"
                        + " on the orders before the last holdoutDays and their predictions compared with the"
                        + " actual purchases (MAE, correlation, totals; artifacts " + ClvStep.EVALUATION_FILE
                        + " and " + ClvStep.HOLDOUT_FILE + "). Rows without a customer or date, or with a"
                        + " negative amount, are quarantined.")
                .tags("clv", "customer lifetime value", "bg/nbd", "gamma-gamma", "p alive", "churn", "crm")
                .input(PortSpec.streamed(PortSpec.IN, "Orders: one row per order with customer, date, amount"))
                .output(PortSpec.OUT, "Per customer: history, P(alive), expected purchases and spend, CLV, method")
                .output(PortSpec.of(ClvStep.FIT_PORT, "The fitted parameters: model, parameter, value"));
    }

    @Override
    protected Step newStep(ClvParameters p) {
        return new ClvStep(p);
    }

    @Override
    protected List<ParameterProblem> check(ClvParameters p, Map<String, Schema> inputs) {
        return new ArrayList<>();
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(ClvParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null || !in.contains(p.customerColumn())) {
            return Optional.empty();
        }
        return Optional.of(Map.of(PortSpec.OUT, ClvStep.customers(Orders.keyField(in.field(p.customerColumn()))),
                ClvStep.FIT_PORT, ClvStep.FIT));
    }
}
