package org.assay.miners.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assay.api.data.Batch;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
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
        Classifier template;
        try {
            template = ClassifierSetup.create(params.algorithm(), params.optionString());
        } catch (ClustererSetup.SetupException e) {
            throw new StepFailure(e.getMessage(), e);
        }
        List<QualityGates.Gate> gates = QualityGates.parse(params.gates());
        List<String> warnings = new ArrayList<>();

        PredictorColumns columns;
        InstancesConverter converter;
        try (DataStream in = context.input(PortSpec.IN)) {
            columns = PredictorColumns.choose(in.schema(), params.target(), params.columns());
            converter = new InstancesConverter(columns.converted());
            for (Batch batch = in.next(); batch != null; batch = in.next()) {
                context.checkCancelled();
                converter.add(batch);
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
        data.deleteWithMissingClass();
        long noTarget = rowsRead - data.numInstances();
        if (noTarget > 0) {
            warnings.add(noTarget + " rows have no " + columns.target().name() + " and were left out (counted as"
                    + " filtered)");
        }
        Schema modelSchema = modelSchema(kept, data);
        int positive = TrainingData.check(data, columns, params.positiveClass());
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

        Evaluation eval;
        String measured;
        Classifier model = null;
        long testRows = 0;
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
            }
            default -> {
                if (!context.hasInput(TEST_PORT)) {
                    throw new StepFailure("evaluation: test-input needs input '" + TEST_PORT + "' connected to the rows"
                            + " to measure on; connect it, or use cross-validation or holdout.");
                }
                model = AbstractClassifier.makeCopy(template);
                build(model, data, columns);
                Instances test = new Instances(data, 0);
                try (DataStream in = context.input(TEST_PORT)) {
                    Schema testSchema = in.schema();
                    if (!testSchema.contains(columns.target().name())) {
                        throw new StepFailure("input '" + TEST_PORT + "' has no column '" + columns.target().name()
                                + "' (the target); the test rows need the true values to be measured against.");
                    }
                    RowEncoder encoder = RowEncoder.of(data, modelSchema, testSchema, "input '" + TEST_PORT + "'");
                    for (Batch batch = in.next(); batch != null; batch = in.next()) {
                        context.checkCancelled();
                        for (int r = 0; r < batch.rowCount(); r++) {
                            test.add(encoder.encode(batch, r));
                        }
                        testRows += batch.rowCount();
                    }
                    encoder.unseen().forEach((column, n) -> context.log().warn("weka-classify: {} test rows have a"
                            + " {} the training rows never had; scored as missing", n, column));
                }
                test.deleteWithMissingClass();
                noTarget += testRows - test.numInstances();
                if (test.numInstances() == 0) {
                    throw new StepFailure("input '" + TEST_PORT + "' has no rows with a " + columns.target().name()
                            + "; there is nothing to measure the model on.");
                }
                measured = "test input of " + test.numInstances() + " rows";
                eval = new Evaluation(data);
                eval.evaluateModel(model, test);
            }
        }
        context.progress(0.6);
        ModelMetrics metrics = ModelMetrics.of(eval, data, positive, measured);
        metrics.writeArtifacts(context, eval, data);
        AttributeImportance.write(context, data);
        if (model == null) {
            model = AbstractClassifier.makeCopy(template);
            build(model, data, columns);
        }
        context.checkCancelled();
        context.progress(0.9);

        StringBuilder summary = new StringBuilder(TrainingData.header(params, columns, data, measured, warnings));
        summary.append(eval.toSummaryString("\n=== Evaluation: " + measured + " ===\n", false));
        if (data.classAttribute().isNominal()) {
            // Per-class figures are in metrics.json; Weka's class-details report would rebuild every curve.
            summary.append('\n').append(eval.toMatrixString());
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
        TrainedModel trained = TrainingData.describe(TrainedModel.builder(WekaModelCodec.FORMAT, modelSchema), params,
                columns, data, metrics, positive).content(content).build();
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

        Batch figures = metrics.toBatch();
        context.output(METRICS_PORT, ModelMetrics.SCHEMA).write(figures);
        // Empty for a regression, which has no classes to draw curves or a matrix of.
        long curveRows = metrics.writeCurves(context.output(CURVES_PORT, ModelMetrics.CURVES_SCHEMA), data);
        long confusionRows = ModelMetrics.writeConfusion(context.output(CONFUSION_PORT, ModelMetrics.CONFUSION_SCHEMA),
                eval, data);
        // Every input row went into the model and its figures (or was filtered for lack of a
        // target); the metric, curve and matrix rows are new rows this step makes.
        context.countFiltered(noTarget);
        context.countOut(rowsRead + testRows - noTarget);
        context.countIn(figures.rowCount() + curveRows + confusionRows);
        context.progress(1.0);
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
            if (f.type() == FieldType.CATEGORICAL) {
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
