package org.assay.miners.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Schema;
import org.assay.api.model.ModelStore;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepFailure;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@code weka-score} step type: applies a trained classifier to new rows. Stateless. */
@Component(service = StepType.class)
@AssayStepType("weka-score")
public final class WekaScoreStepType extends TypedStepType<ScoreParameters> {

    private final ModelStore store;

    @Activate
    public WekaScoreStepType(@Reference ModelStore store) {
        super(ScoreParameters.class);
        this.store = store;
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.MINER)
                .title("Score rows with a trained model")
                .description("Applies a model from weka-classify (input 'model', or the model store by name and"
                    + " version) to new rows and appends the prediction, a probability per class and the top reasons"
                    + " for each row's score. Streams the input once; rows keep their order. The input must have the"
                    + " columns the model was trained on with the same kinds (checked at deploy when the model comes"
                    + " from a step, else when the run starts); extra columns are passed through, the target may be"
                    + " absent, and categories the model never saw are scored as missing and counted in the log."
                    + " Models are read through a deserialisation filter that admits Weka's classes only. A stored"
                    + " version marked tainted by assay:subject-erase (trained on erased rows) is refused, at deploy"
                    + " when it is known then and always when the run starts. With reasons,"
                    + " the artifact explanations.csv keeps every feature's contribution per row by key (the id"
                    + " column), without personal data; assay:explain <run> <key> prints it in words.")
                .tags("weka", "scoring", "prediction", "explanation", "churn")
                .input(PortSpec.streamed(PortSpec.IN, "Rows to score"))
                .input(PortSpec.model(PortSpec.MODEL, "A model from weka-classify; leave unconnected to score with"
                        + " a stored model (modelName)").asOptional())
                .output(PortSpec.OUT, "The rows with the prediction, probability and reason columns appended");
    }

    @Override
    protected Step newStep(ScoreParameters p) {
        return new ScoreStep(p, store);
    }

    @Override
    protected List<ParameterProblem> check(ScoreParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        Schema model = modelSchema(p, inputs);
        List<ParameterProblem> problems = new ArrayList<>();
        storedTaint(p, inputs).ifPresent(m -> problems.add(ParameterProblem.of("modelName", m)));
        if (in != null && model != null) {
            for (String problem : RowEncoder.problems(model, ScoredColumns.target(model).name(), in)) {
                problems.add(ParameterProblem.general("input 'in' does not fit the model: " + problem));
            }
        }
        return problems;
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(ScoreParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        Schema model = modelSchema(p, inputs);
        if (in == null || model == null) {
            return Optional.empty();
        }
        org.assay.api.data.Field target = ScoredColumns.target(model);
        if (target.type() == org.assay.api.data.FieldType.CATEGORICAL && target.categories().isEmpty()) {
            // The classes are known only once the model is trained: the columns are too.
            return Optional.empty();
        }
        return Optional.of(Map.of(PortSpec.OUT, ScoredColumns.output(in, ScoredColumns.fields(model, p))));
    }

    /** Why the stored version named is not to be used (it is tainted), if it is known now. */
    private Optional<String> storedTaint(ScoreParameters p, Map<String, Schema> inputs) {
        if (inputs.get(PortSpec.MODEL) != null || p.modelName().isEmpty()) {
            return Optional.empty();
        }
        try {
            ModelStore.Version v = ScoreStep.find(store, p.modelName().get(), p);
            return org.assay.api.audit.ModelTaint.refusal(v.name(), v.version(), v.metadata());
        } catch (IOException | StepFailure | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The model's header: from the upstream step's model port, else the stored version's record, else null. */
    private Schema modelSchema(ScoreParameters p, Map<String, Schema> inputs) {
        Schema fromPort = inputs.get(PortSpec.MODEL);
        if (fromPort != null || p.modelName().isEmpty()) {
            return fromPort;
        }
        try {
            return StoredSchema.of(ScoreStep.resolve(store, p.modelName().get(), p));
        } catch (IOException | StepFailure | RuntimeException e) {
            // Not stored yet (the workflow that trains it may run first): checked when the run starts.
            return null;
        }
    }
}
