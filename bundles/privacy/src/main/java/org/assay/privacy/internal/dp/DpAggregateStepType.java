package org.assay.privacy.internal.dp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@code dp-aggregate} step type. */
@Component(service = StepType.class)
@AssayStepType("dp-aggregate")
public final class DpAggregateStepType extends TypedStepType<DpAggregateParameters> {

    private final BudgetLedger ledger;

    @Activate
    public DpAggregateStepType(@Reference BudgetLedger ledger) {
        super(DpAggregateParameters.class);
        this.ledger = ledger;
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.PRIVACY).title("Differentially private counts, sums and means")
                .tags("privacy", "differential-privacy", "aggregate", "laplace", "gaussian", "gdpr")
                .description("Releases per group a noisy count, sums and means under epsilon-differential privacy "
                        + "(one person added or removed changes each result's distribution by at most e^epsilon): "
                        + "the discrete Laplace (two-sided geometric) mechanism with scale sensitivity / epsilon, "
                        + "or (mechanism gaussian) the discrete Gaussian under (epsilon, delta)-DP with sigma "
                        + "calibrated exactly (Canonne-Kamath-Steinke, the discrete analytic Gaussian: smaller than "
                        + "the classic sqrt(2 ln(1.25/delta)) bound); "
                        + "sums and means over values clamped into the declared bounds (sensitivity max(|low|, "
                        + "|high|)); a mean spends half its epsilon (and delta) on the sum and half on the count. "
                        + "Each query spends epsilon (and delta) of the workflow's privacy budgets "
                        + "(etc/org.assay.privacy.cfg), kept across runs in a ledger and added up by basic "
                        + "composition, so Laplace and Gaussian releases mix soundly; a run that would exceed either "
                        + "fails before releasing anything. "
                        + "dp-report.csv gives each query's noise scale and the budgets. Groups come from the data: "
                        + "group by columns whose values are public. Holds one entry per group.")
                .input(PortSpec.streamed(PortSpec.IN, "Rows about people, one row per person and event."))
                .output(PortSpec.OUT, "One row per group: the group columns, count, sum_<column>, mean_<column>.");
    }

    @Override
    protected Step newStep(DpAggregateParameters p) {
        return new DpAggregateStep(p, ledger);
    }

    static Schema output(DpAggregateParameters p, Schema in) {
        List<Field> fields = new ArrayList<>();
        for (String g : p.groupBy()) {
            fields.add(in.field(g));
        }
        if (p.count()) {
            fields.add(Field.of("count", FieldType.INTEGER).withNullable(false));
        }
        for (String s : p.sum()) {
            fields.add(Field.of("sum_" + s, FieldType.DECIMAL).withNullable(false));
        }
        for (String m : p.mean()) {
            fields.add(Field.of("mean_" + m, FieldType.DECIMAL).withNullable(false));
        }
        return Schema.of(fields);
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(DpAggregateParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null || !p.groupBy().stream().allMatch(in::contains)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Map.of(PortSpec.OUT, output(p, in)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
