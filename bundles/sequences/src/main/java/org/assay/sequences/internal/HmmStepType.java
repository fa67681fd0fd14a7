package org.assay.sequences.internal;

import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Field;
import org.assay.api.data.Schema;
import org.assay.api.model.ModelStore;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The {@code hmm} step type: hidden engagement states from each customer's sequence of periods. */
@Component(service = StepType.class)
@AssayStepType("hmm")
public final class HmmStepType extends TypedStepType<HmmParameters> {

    /**
     * The platform's model store (assay-miners provides it), optional and dynamic: hmm trains and
     * decodes without it, and only a run with {@code modelName} needs it. Read once per use, never
     * cached by a step, so a store that is updated or goes away mid-run is seen as such.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModelStore store;

    /** Without a model store until DS binds one: modelName then fails the run with advice. */
    public HmmStepType() {
        super(HmmParameters.class);
    }

    /** For tests: a given store. */
    HmmStepType(ModelStore store) {
        this();
        this.store = store;
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.MINER).title("Hidden engagement states (HMM)")
                .description("A hidden Markov model over each customer's periods (e.g. monthly orders, spend,"
                        + " tickets): trained with Baum-Welch from several seeded starts, the number of states chosen"
                        + " by BIC unless fixed, states numbered and named from the most active down and described"
                        + " by their emissions. Per customer: the current state (Viterbi), its probability, and the"
                        + " probability of each state next period — p_next_less_active is a churn-risk signal to"
                        + " feed a churn model. With a model input (from an earlier hmm run) it only decodes."
                        + " Rows without a key, a period or any observation are quarantined.")
                .tags("hmm", "hidden markov model", "engagement", "churn", "sequences", "states")
                .input(PortSpec.IN, "One row per customer and period: key, period, observed columns")
                .input(PortSpec.model(PortSpec.MODEL, "An hmm model to decode with instead of training").asOptional())
                .output(PortSpec.OUT, "Per customer: current state and next-period probabilities")
                .output(PortSpec.of(HmmStep.NEXT_PORT, "Per customer and state: the probability of being in it next"
                        + " period"))
                .output(PortSpec.of(HmmStep.STATES_PORT, "The states: name, description, start and stay"
                        + " probabilities, share of customers in it now"))
                .output(PortSpec.of(HmmStep.TRANSITIONS_PORT, "The transition matrix in long form"))
                .output(PortSpec.model(PortSpec.MODEL, "The fitted model (" + HmmCodec.FORMAT + "); with modelName"
                        + " also a new version in the model store"));
    }

    @Override
    protected Step newStep(HmmParameters p) {
        return new HmmStep(p, () -> store);
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(HmmParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null || !in.contains(p.keyColumn())) {
            return Optional.empty();
        }
        Field key = HmmStep.keyField(in.field(p.keyColumn()));
        return Optional.of(Map.of(PortSpec.OUT, HmmStep.current(key), HmmStep.NEXT_PORT, HmmStep.next(key), HmmStep.STATES_PORT, HmmStep.STATES, HmmStep.TRANSITIONS_PORT,
                HmmStep.TRANSITIONS));
    }
}
