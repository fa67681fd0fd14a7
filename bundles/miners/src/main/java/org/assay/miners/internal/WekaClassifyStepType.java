package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.model.ModelStore;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.ReadMode;
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

/** The {@code weka-classify} step type: trains and measures any Weka classifier or regression. Stateless. */
@Component(service = StepType.class)
@AssayStepType("weka-classify")
public final class WekaClassifyStepType extends TypedStepType<ClassifyParameters> {

    private final ModelStore store;

    @Activate
    public WekaClassifyStepType(@Reference ModelStore store) {
        super(ClassifyParameters.class);
        this.store = store;
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.MINER)
                .title("Train and evaluate a Weka classifier")
                .description("Learns to predict the target column (churned, bought, value) from the other columns with"
                    + " any Weka classifier; a categorical or boolean target is a classification, a numeric one a"
                    + " regression. Measures the model with Weka's own Evaluation (cross-validation, holdout or a test"
                    + " input), then trains the final model on every row with a target. Reads all rows before writing."
                    + " Rows without a target are left out (counted as filtered). Artifacts: metrics.json,"
                    + " confusion-matrix.csv and roc-curve.csv (ROC, precision/recall and lift points per class, for"
                    + " charts), attribute-importance.csv (information gain and gain ratio, or correlation for a regression), model-summary.txt (the model and Weka's evaluation report) and model.bin (classifier"
                    + " and header, readable by Weka's SerializationHelper.readAll and the Explorer). Quality gates"
                    + " fail the run when a figure misses its bound; storeAs keeps the model as a new version in the"
                    + " model store (champion or challenger).")
                .tags("weka", "classification", "regression", "prediction", "churn")
                // Both inputs are read once, straight into Weka instances: streamed, so the engine
                // hands the batches over in memory instead of spooling them to disk first.
                .input(PortSpec.streamed(PortSpec.IN, "Training rows, with the target"))
                .input(new PortSpec(ClassifyStep.TEST_PORT, "Rows to measure on, with the target, for evaluation"
                        + " test-input", true, PortKind.DATASET, ReadMode.ONCE))
                .output(ClassifyStep.METRICS_PORT, "The evaluation figures: metric, class (empty for the whole"
                        + " model), value")
                .output(ClassifyStep.CURVES_PORT, "Threshold curves per class for classification (empty for a"
                        + " regression): class, threshold, false_positive_rate, true_positive_rate, precision, recall,"
                        + " sample_share, lift; for roc-chart and lift-chart")
                .output(ClassifyStep.CONFUSION_PORT, "The confusion matrix for classification (empty for a"
                        + " regression): actual, predicted, count; for the confusion-matrix chart")
                .output(ClassifyStep.PREDICTIONS_PORT, "The evaluation's held-out prediction of each measured row,"
                        + " in input order: row (1 for the first input row), the id column when the input has one,"
                        + " fold (cross-validation), actual, predicted (at the chosen threshold) and probability (of"
                        + " the positive class, or of the predicted class for more classes). For cross-validation"
                        + " these are the out-of-fold predictions: each from the model that did not see the row")
                .output(ClassifyStep.IMPORTANCE_PORT, "Global attribute importance, most important first: attribute,"
                        + " information_gain and gain_ratio (Weka's InfoGain and GainRatio evaluators, numeric"
                        + " columns discretised) for a classification, correlation for a regression; for bar-chart")
                .output(PortSpec.model(PortSpec.MODEL, "The classifier trained on all rows, with its training header"
                        + " (format " + WekaModelCodec.FORMAT + "), for weka-score"));
    }

    @Override
    protected Step newStep(ClassifyParameters p) {
        return new ClassifyStep(p, store);
    }

    /** The target must exist (or be tagged) and the named features must not include it. */
    @Override
    protected List<ParameterProblem> check(ClassifyParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        List<ParameterProblem> problems = new ArrayList<>();
        if (in == null) {
            return problems;
        }
        try {
            PredictorColumns.choose(in, p.target(), p.columns());
        } catch (StepFailure e) {
            String m = e.getMessage();
            int colon = m.indexOf(": ");
            String parameter = m.startsWith("target:") || m.startsWith("parameter target:") ? "target" : "columns";
            problems.add(ParameterProblem.of(parameter, colon < 0 ? m : m.substring(colon + 2)));
        }
        return problems;
    }

    /** The metrics table always; the model's header (features then target) when the input schema is known. */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(ClassifyParameters p, Map<String, Schema> inputs) {
        Map<String, Schema> out = new LinkedHashMap<>();
        out.put(ClassifyStep.METRICS_PORT, ModelMetrics.SCHEMA);
        out.put(ClassifyStep.CURVES_PORT, ModelMetrics.CURVES_SCHEMA);
        out.put(ClassifyStep.CONFUSION_PORT, ModelMetrics.CONFUSION_SCHEMA);
        Schema in = inputs.get(PortSpec.IN);
        if (in != null) {
            try {
                PredictorColumns c = PredictorColumns.choose(in, p.target(), p.columns());
                if (p.algorithm().trim().equals(ClassifierSetup.AUTO) && !c.target().nominal()
                        && c.target().field().type() == FieldType.INTEGER) {
                    // A 0/1 target becomes two classes at run time (ZeroOneTarget): the model's shape is
                    // known only once the data is read.
                    return Optional.of(out);
                }
                List<Field> fields = new ArrayList<>();
                c.certainFeatures().forEach(f -> fields.add(f.field()));
                Field target = c.target().field();
                if (target.type() == FieldType.STRING) {
                    target = new Field(target.name(), FieldType.CATEGORICAL, target.nullable(), target.tags(),
                            List.of());
                }
                fields.add(target.withTags(FieldTag.TARGET));
                // Key-like columns may still drop out at run time, and string columns are kept only when
                // they read as categories: the header at run time is exact.
                out.put(PortSpec.MODEL, Schema.of(fields));
                out.put(ClassifyStep.PREDICTIONS_PORT, HeldOutPredictions.schema(c.target().field(),
                        HeldOutPredictions.keyField(in)));
                out.put(ClassifyStep.IMPORTANCE_PORT, AttributeImportance.schema(c.target().nominal()));
            } catch (StepFailure e) {
                // check() reports it
            }
        }
        return Optional.of(out);
    }
}
