package org.assay.miners.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.FutureTask;
import org.assay.api.data.Batch;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.model.ModelStore;
import org.assay.api.model.TrainedModel;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.core.Attribute;
import weka.core.CapabilitiesHandler;
import weka.core.Instances;

/**
 * One run of {@code weka-classify}: read the rows once into Weka instances (target last),
 * measure the configured classifier with Weka's {@link Evaluation}, train the final model on
 * every row with a target, check the gates, then publish: artifacts, the model port, the
 * store, the metrics dataset. Nothing is published on a missed gate but the figures that
 * explain why.
 */
final class ClassifyStep implements Step {

    static final String METRICS_PORT = "metrics";
    static final String TEST_PORT = "test";
    /** Threshold curves (ROC, precision/recall, lift) as rows, for roc-chart and lift-chart. */
    static final String CURVES_PORT = "curves";
    /** The confusion matrix as rows (actual, predicted, count), for the confusion-matrix chart. */
    static final String CONFUSION_PORT = "confusion";
    static final String PREDICTIONS_PORT = "predictions";
    /** Attribute importance as rows (attribute, information_gain, gain_ratio or correlation), for bar-chart. */
    static final String IMPORTANCE_PORT = "importance";
    static final String SUMMARY_FILE = "model-summary.txt";
    static final String MODEL_FILE = "model.bin";

    private final ClassifyParameters params;
    private final ModelStore store;

    ClassifyStep(ClassifyParameters params, ModelStore store) {
        this.params = params;
        this.store = store;
    }

    @Override
    public void run(StepContext context) throws Exception {
        Classifier template = null;
        boolean auto = params.algorithm().trim().equals(ClassifierSetup.AUTO);
        if (!auto) {
            template = create(params.algorithm());
        }
        List<QualityGates.Gate> gates = QualityGates.parse(params.gates());
        List<String> warnings = new ArrayList<>();

        PredictorColumns columns;
        InstancesConverter converter;
        Field keyField;
        List<Object> keys = null;
        try (DataStream in = context.input(PortSpec.IN)) {
            columns = PredictorColumns.choose(in.schema(), params.target(), params.columns());
            converter = columns.converter();
            keyField = HeldOutPredictions.keyField(in.schema());
            int key = keyField == null ? -1 : in.schema().indexOf(keyField.name());
            keys = key < 0 ? null : new ArrayList<>();
            for (Batch batch = in.next(); batch != null; batch = in.next()) {
                context.checkCancelled();
                converter.add(batch);
                if (keys != null) {
                    for (int r = 0; r < batch.rowCount(); r++) {
                        keys.add(batch.column(key).get(r));
                    }
                }
            }
        }
        long rowsRead = converter.rowCount();
        if (rowsRead == 0) {
            throw new StepFailure("the input has no rows: there is nothing to train a model on. Check the steps"
                    + " before this one.");
        }
        List<ClusterColumn> kept = columns.settle(converter, warnings);
        Instances data = converter.toInstances(context.stepId(), kept);
        data.setClassIndex(data.numAttributes() - 1);
        if (auto && ZeroOneTarget.holds(data, columns.target())) {
            // Exited, churned, bought as 0/1: what a user means is a classification of two classes.
            data = ZeroOneTarget.nominal(data);
            columns = columns.withTarget(ZeroOneTarget.column(columns.target(), data.classAttribute()));
            kept.set(kept.size() - 1, columns.target());
            warnings.add("target " + columns.target().name() + " holds only 0 and 1: a classification (classes 0"
                    + " and 1); name an algorithm to treat it as a number");
        }
        if (auto) {
            template = create(ClassifierSetup.resolve(params.algorithm(), columns.target().nominal()));
        }
        Attribute targetAttribute = data.classAttribute();
        if (columns.target().field().type() == FieldType.STRING
                && targetAttribute.numValues() > PredictorColumns.MAX_TEXT_VALUES) {
            throw new StepFailure("target: '" + targetAttribute.name() + "' is text with " + targetAttribute.numValues()
                    + " distinct values, too many classes to learn (at most " + PredictorColumns.MAX_TEXT_VALUES
                    + "). Predict a column of a few classes, or declare a numeric target integer or decimal.");
        }
        long[] rowOf = rowsWithTarget(data);
        data.deleteWithMissingClass();
        long noTarget = rowsRead - data.numInstances();
        if (noTarget > 0) {
            warnings.add(noTarget + " rows have no " + columns.target().name() + " and were left out (counted as"
                    + " filtered)");
        }
        Schema modelSchema = modelSchema(kept, data);
        int positive = TrainingData.check(data, columns, params.positiveClass());
        if (params.threshold() != ThresholdChoice.MOST_PROBABLE && positive < 0) {
            throw new StepFailure("threshold: " + params.threshold().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-') + " cuts the probability of one class of a two-class target, and '"
                    + columns.target().name() + "' " + (data.classAttribute().isNominal() ? "has "
                    + data.classAttribute().numValues() + " classes; name the class in 'positiveClass'"
                    : "is numeric (a regression); leave threshold out") + ".");
        }
        for (String w : warnings) {
            context.log().warn("weka-classify: {}", w);
        }
        context.progress(0.1);
        if (template instanceof CapabilitiesHandler handler) {
            try {
                handler.getCapabilities().testWithFail(data);
            } catch (Exception e) {
                throw TrainingData.buildFailure(template, data, columns, e);
            }
        }

        FutureTask<List<AttributeImportance.Row>> importance = AttributeImportance.start(data);
        Evaluation eval;
        String measured;
        Classifier model = null;
        long testRows = 0;
        int[][] order;
        switch (params.evaluation()) {
            case CROSS_VALIDATION -> {
                int folds = params.folds();
                if (folds > data.numInstances()) {
                    throw new StepFailure("folds: " + folds + "-fold cross-validation needs at least " + folds
                            + " rows with a target, the input has " + data.numInstances() + "; choose fewer folds.");
                }
                measured = folds + "-fold cross-validation (seed " + params.seed() + ")";
                eval = new Evaluation(data);
                try {
                    eval.crossValidateModel(template, data, folds, new Random(params.seed()));
                } catch (Exception e) {
                    throw TrainingData.buildFailure(template, data, columns, e);
                }
                order = HeldOutPredictions.crossValidationOrder(data, folds, params.seed());
            }
            case HOLDOUT -> {
                Instances shuffled = new Instances(data);
                shuffled.randomize(new Random(params.seed()));
                int trainSize = (int) Math.round(shuffled.numInstances() * params.trainPercent() / 100);
                int testSize = shuffled.numInstances() - trainSize;
                if (trainSize < 1 || testSize < 1) {
                    throw new StepFailure("trainPercent: " + params.trainPercent() + "% of " + shuffled.numInstances()
                            + " rows leaves no rows to " + (trainSize < 1 ? "train on" : "test on")
                            + "; use cross-validation for so few rows.");
                }
                measured = "holdout of " + testSize + " rows (" + QualityGates.format(100 - params.trainPercent())
                        + "%, seed " + params.seed() + ")";
                Instances train = new Instances(shuffled, 0, trainSize);
                Instances test = new Instances(shuffled, trainSize, testSize);
                Classifier m = AbstractClassifier.makeCopy(template);
                build(m, train, columns);
                eval = new Evaluation(train);
                eval.evaluateModel(m, test);
                order = HeldOutPredictions.holdoutOrder(data, trainSize, params.seed());
            }
            default -> {
                if (!context.hasInput(TEST_PORT)) {
                    throw new StepFailure("evaluation: test-input needs input '" + TEST_PORT + "' connected to the rows"
                            + " to measure on; connect it, or use cross-validation or holdout.");
                }
                model = AbstractClassifier.makeCopy(template);
                build(model, data, columns);
                Instances test = new Instances(data, 0);
                List<Object> testKeys = null;
                try (DataStream in = context.input(TEST_PORT)) {
                    Schema testSchema = in.schema();
                    if (!testSchema.contains(columns.target().name())) {
                        throw new StepFailure("input '" + TEST_PORT + "' has no column '" + columns.target().name()
                                + "' (the target); the test rows need the true values to be measured against.");
                    }
                    RowEncoder encoder = RowEncoder.of(data, modelSchema, testSchema, "input '" + TEST_PORT + "'");
                    int key = keyField == null ? -1 : testSchema.indexOf(keyField.name());
                    testKeys = keyField == null ? null : new ArrayList<>();
                    for (Batch batch = in.next(); batch != null; batch = in.next()) {
                        context.checkCancelled();
                        for (int r = 0; r < batch.rowCount(); r++) {
                            test.add(encoder.encode(batch, r));
                            if (testKeys != null) {
                                testKeys.add(key < 0 ? null : batch.column(key).get(r));
                            }
                        }
                        testRows += batch.rowCount();
                    }
                    encoder.unseen().forEach((column, n) -> context.log().warn("weka-classify: {} test rows have a"
                            + " {} the training rows never had; scored as missing", n, column));
                }
                rowOf = rowsWithTarget(test);
                keys = testKeys;
                test.deleteWithMissingClass();
                noTarget += testRows - test.numInstances();
                if (test.numInstances() == 0) {
                    throw new StepFailure("input '" + TEST_PORT + "' has no rows with a " + columns.target().name()
                            + "; there is nothing to measure the model on.");
                }
                measured = "test input of " + test.numInstances() + " rows";
                eval = new Evaluation(data);
                eval.evaluateModel(model, test);
                order = HeldOutPredictions.inOrder(test.numInstances());
            }
        }
        context.progress(0.6);
        ModelMetrics metrics = ModelMetrics.of(eval, data, positive, measured);
        metrics.curvePoints(params.curvePoints());
        List<String> featureNames = new ArrayList<>();
        for (int j = 0; j < data.numAttributes(); j++) {
            if (j != data.classIndex()) {
                featureNames.add(data.attribute(j).name());
            }
        }
        metrics.columns(featureNames, columns.leftOut());
        DecisionThreshold threshold = positive < 0 ? null : DecisionThreshold.choose(eval.predictions(), positive,
                params.threshold(), params.minRecall().orElse(1.0));
        if (threshold != null) {
            metrics.addThreshold(threshold, data.classAttribute().value(positive));
        } else if (params.threshold() != ThresholdChoice.MOST_PROBABLE) {
            warnings.add("no cut could be chosen for threshold (the evaluation has no probabilities for "
                    + data.classAttribute().value(positive) + "); weka-score predicts the most probable class");
            context.log().warn("weka-classify: {}", warnings.get(warnings.size() - 1));
        }
        metrics.writeArtifacts(context, eval, data);
        if (model == null) {
            model = AbstractClassifier.makeCopy(template);
            build(model, data, columns);
        }
        List<AttributeImportance.Row> importanceRows = AttributeImportance.write(context, data, importance);
        context.checkCancelled();
        context.progress(0.9);

        StringBuilder summary = new StringBuilder(TrainingData.header(params, columns, data, measured, warnings));
        summary.append(eval.toSummaryString("\n=== Evaluation: " + measured + " ===\n", false));
        if (data.classAttribute().isNominal()) {
            // Per-class figures are in metrics.json; Weka's class-details report would rebuild every curve.
            summary.append('\n').append(eval.toMatrixString());
        }
        if (threshold != null) {
            summary.append(String.format(java.util.Locale.ROOT, "%nThreshold (%s): predict %s when its probability is"
                    + " at least %.4f; there precision %.4f, recall %.4f, F1 %.4f (weka-score uses this cut)%n",
                    params.threshold().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    data.classAttribute().value(positive), threshold.cut(), threshold.precision(), threshold.recall(),
                    threshold.f1()));
        }
        List<String> failed = QualityGates.failures(gates, metrics.headline(), measured);
        if (!failed.isEmpty()) {
            summary.insert(0, "Quality gates missed; the model was not published:\n  " + String.join("\n  ", failed)
                    + "\n\n");
            writeText(context, summary.append("\n=== Model ===\n").append(model).toString());
            throw new StepFailure("gates: " + String.join("; ", failed) + ". The model was not published or stored;"
                    + " see " + ModelMetrics.JSON_FILE + " and " + SUMMARY_FILE + ".");
        }

        byte[] content = WekaModelCodec.encode(model, data);
        TrainedModel.Builder described = TrainingData.describe(TrainedModel.builder(WekaModelCodec.FORMAT, modelSchema),
                params, columns, data, metrics, positive);
        if (threshold != null) {
            described.property(DecisionThreshold.PROPERTY, Double.toString(threshold.cut()));
        }
        TrainedModel trained = described.content(content).build();
        if (params.storeAs().isPresent()) {
            ChampionChallenger.Decision decision = ChampionChallenger.store(store, params.storeAs().get(), content,
                    trained, metrics, params.championMetric(), params.championMargin(), context.runId(),
                    context.stepId());
            context.log().info("weka-classify: {}", decision.message());
            summary.insert(0, "Model store: " + decision.message() + "\n\n");
        }
        writeText(context, summary.append("\n=== Model ===\n").append(model).toString());
        Path file = context.artifactDir().resolve(MODEL_FILE);
        Files.write(file, content);
        context.addArtifact(file, ArtifactKind.MODEL, "Weka classifier and training header");
        context.outputModel(PortSpec.MODEL, trained);

        Schema predictionSchema = HeldOutPredictions.schema(columns.target().field(), keyField);
        HeldOutPredictions.write(context.output(PREDICTIONS_PORT, predictionSchema), predictionSchema,
                eval.predictions(), order, rowOf, keys, data.classAttribute(), positive,
                threshold == null ? Double.NaN : threshold.cut());
        long predictionRows = order.length;
        Batch figures = metrics.toBatch();
        context.output(METRICS_PORT, ModelMetrics.SCHEMA).write(figures);
        // Empty for a regression, which has no classes to draw curves or a matrix of.
        long curveRows = metrics.writeCurves(context.output(CURVES_PORT, ModelMetrics.CURVES_SCHEMA), data);
        long confusionRows = ModelMetrics.writeConfusion(context.output(CONFUSION_PORT, ModelMetrics.CONFUSION_SCHEMA),
                eval, data);
        // Every input row went into the model and its figures (or was filtered for lack of a
        // target); the metric, curve, matrix and prediction rows are new rows this step makes.
        long importanceCount = AttributeImportance.output(context.output(IMPORTANCE_PORT,
                AttributeImportance.schema(data.classAttribute().isNominal())), data.classAttribute().isNominal(),
                importanceRows);
        context.countFiltered(noTarget);
        context.countOut(rowsRead + testRows - noTarget);
        context.countIn(figures.rowCount() + curveRows + confusionRows + predictionRows + importanceCount);
        context.progress(1.0);
    }

    private Classifier create(String algorithm) throws StepFailure {
        try {
            return ClassifierSetup.create(algorithm, params.optionString());
        } catch (ClustererSetup.SetupException e) {
            throw new StepFailure(e.getMessage(), e);
        }
    }

    /** Per row with a target, in order, its 0-based position among all of {@code data}'s rows. */
    private static long[] rowsWithTarget(Instances data) {
        long[] rows = new long[data.numInstances()];
        int n = 0;
        for (int i = 0; i < data.numInstances(); i++) {
            if (!data.instance(i).classIsMissing()) {
                rows[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(rows, n);
    }

    private static void build(Classifier model, Instances data, PredictorColumns columns) throws StepFailure {
        try {
            model.buildClassifier(data);
        } catch (Exception e) {
            throw TrainingData.buildFailure(model, data, columns, e);
        }
    }

    private static void writeText(StepContext context, String text) throws IOException {
        Path file = context.artifactDir().resolve(SUMMARY_FILE);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        context.addArtifact(file, ArtifactKind.TEXT, "Classifier model and evaluation");
    }

    /** The model's columns in Weka attribute order; categorical columns list the values the model knows. */
    static Schema modelSchema(List<ClusterColumn> columns, Instances data) {
        List<Field> fields = new ArrayList<>(columns.size());
        for (int j = 0; j < columns.size(); j++) {
            Field f = columns.get(j).field();
            Attribute a = data.attribute(j);
            if (f.type() == FieldType.CATEGORICAL || f.type() == FieldType.STRING) {
                // A string column the model uses is a category of the values it was trained on.
                f = new Field(f.name(), FieldType.CATEGORICAL, f.nullable(), f.tags(), List.of());
                List<String> values = new ArrayList<>(a.numValues());
                for (int v = 0; v < a.numValues(); v++) {
                    values.add(a.value(v));
                }
                f = f.withCategories(values);
            }
            fields.add(f);
        }
        return Schema.of(fields);
    }
}
