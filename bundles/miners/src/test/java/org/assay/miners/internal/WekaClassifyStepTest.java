package org.assay.miners.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.model.TrainedModel;
import org.assay.api.step.PortKind;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.Logistic;
import weka.classifiers.trees.J48;
import weka.core.Instances;

class WekaClassifyStepTest {

    @TempDir
    Path dir;

    private WekaClassifyStepType type() {
        return new WekaClassifyStepType(new FileModelStore(dir.resolve("models")));
    }

    private StepTestRunner churn(int n) {
        return new StepTestRunner(type(), dir).input("in", ChurnData.SCHEMA, ChurnData.rows(n, 11), 64);
    }

    private static Map<String, Double> figures(StepTestRunner r) {
        Map<String, Double> m = new HashMap<>();
        for (Object[] row : r.output("metrics")) {
            if (row[1] == null) {
                m.put((String) row[0], (Double) row[2]);
            }
        }
        return m;
    }

    /** Weka's reference result through the step: J48, 10-fold CV, seed 1 on credit-g is 705 of 1000. */
    @Test
    void j48OnCreditGMatchesWekaToTheInstance() throws Exception {
        Instances credit = ChurnData.creditG();
        StepTestRunner r = new StepTestRunner(type(), dir)
                .input("in", ChurnData.schemaOf(credit), ChurnData.rowsOf(credit), 100)
                .param("target", "class").param("algorithm", "weka.classifiers.trees.J48").run();
        Map<String, Double> m = figures(r);
        assertEquals(705.0, m.get("correct"));

        Evaluation weka = new Evaluation(credit);
        weka.crossValidateModel(new J48(), credit, 10, new Random(1));
        assertEquals(weka.pctCorrect() / 100, m.get("accuracy"), 1e-12);
        assertEquals(weka.kappa(), m.get("kappa"), 1e-12);
        assertEquals(weka.weightedAreaUnderROC(), m.get("weighted_auc"), 1e-12);
        // Two classes, "bad" is rarer: the headline figures are bad's.
        int bad = credit.classAttribute().indexOfValue("bad");
        assertEquals(weka.areaUnderROC(bad), m.get("auc"), 1e-12);
        assertEquals(weka.fMeasure(bad), m.get("f1"), 1e-12);
        assertEquals(weka.areaUnderPRC(bad), m.get("pr_auc"), 1e-12);
        assertEquals(weka.weightedAreaUnderPRC(), m.get("weighted_pr_auc"), 1e-12);
        assertEquals(weka.weightedFMeasure(), m.get("weighted_f1"), 1e-12);
        assertEquals(0.7, m.get("baseline_accuracy"), 1e-12);
        r.assertRowsAccountedFor();
    }

    @Test
    void logisticOnCreditGMatchesWekaToo() throws Exception {
        Instances credit = ChurnData.creditG();
        StepTestRunner r = new StepTestRunner(type(), dir)
                .input("in", ChurnData.schemaOf(credit), ChurnData.rowsOf(credit), 100)
                .param("target", "class").param("algorithm", "weka.classifiers.functions.Logistic")
                .param("folds", 5).param("seed", 7).run();
        Evaluation weka = new Evaluation(credit);
        weka.crossValidateModel(new Logistic(), credit, 5, new Random(7));
        assertEquals(weka.correct(), figures(r).get("correct"));
        assertEquals(weka.weightedAreaUnderROC(), figures(r).get("weighted_auc"), 1e-12);
    }

    @Test
    void churnModelBeatsTheMajorityBaselineAndLeavesIdAndPiiOut() throws Exception {
        StepTestRunner r = churn(1500).param("algorithm", "weka.classifiers.functions.Logistic").run();
        Map<String, Double> m = figures(r);
        assertTrue(m.get("accuracy") > m.get("baseline_accuracy") + 0.03, m.toString());
        assertTrue(m.get("auc") > 0.75, m.toString());

        TrainedModel model = r.outputModel("model");
        assertEquals(List.of("contract", "tenure_months", "monthly_charges", "support_calls", "churned"),
                model.header().names());
        assertEquals("churned", model.property("target").orElseThrow());
        assertEquals("yes", model.property("positiveClass").orElse("yes"));
        assertTrue(model.property("baseline.tenure_months").isPresent());
        String summary = Files.readString(dir.resolve("artifacts/model-summary.txt"));
        assertTrue(summary.contains("customer_id: tagged id"), summary);
        assertTrue(summary.contains("email: tagged pii"), summary);
        for (String f : List.of("metrics.json", "confusion-matrix.csv", "roc-curve.csv", "model.bin")) {
            assertTrue(Files.isRegularFile(dir.resolve("artifacts").resolve(f)), f);
        }
        List<String> importance = Files.readAllLines(dir.resolve("artifacts/attribute-importance.csv"));
        assertEquals("attribute,information_gain,gain_ratio", importance.get(0));
        // The planted drivers rank above the noise column.
        assertTrue(importance.indexOf(importance.stream().filter(l -> l.startsWith("monthly_charges,")).findFirst()
                .orElseThrow()) == importance.size() - 1, importance.toString());
        List<Object[]> ranked = r.output("importance");
        assertEquals(importance.size() - 1, ranked.size(), "the importance output carries the file's rows");
        assertEquals(importance.get(1).split(",")[0], ranked.get(0)[0]);
        assertEquals("monthly_charges", ranked.get(ranked.size() - 1)[0]);
        String curve = Files.readString(dir.resolve("artifacts/roc-curve.csv"));
        assertTrue(curve.startsWith("class,threshold,false_positive_rate,true_positive_rate"), curve);
        r.assertRowsAccountedFor();
    }

    /** A smooth model has a curve point per row; the file keeps curvePoints of them, the AUC all. */
    @Test
    void curvesAreCappedAtCurvePointsPerClassWithTheEndsKept() throws Exception {
        StepTestRunner all = churn(400).param("algorithm", "weka.classifiers.functions.Logistic")
                .param("curvePoints", 0).run();
        List<Object[]> full = all.output("curves");
        double auc = figures(all).get("auc");
        StepTestRunner capped = churn(400).param("algorithm", "weka.classifiers.functions.Logistic")
                .param("curvePoints", 25).run();
        List<Object[]> few = capped.output("curves");
        for (String cls : List.of("yes", "no")) {
            List<Object[]> f = full.stream().filter(row -> cls.equals(row[0])).toList();
            List<Object[]> c = few.stream().filter(row -> cls.equals(row[0])).toList();
            assertTrue(f.size() > 100, "a point per distinct probability: " + f.size());
            assertEquals(25, c.size(), cls);
            assertArrayEquals(f.get(0), c.get(0), "the first point is kept");
            assertArrayEquals(f.get(f.size() - 1), c.get(c.size() - 1), "the last point is kept");
        }
        assertEquals(auc, figures(capped).get("auc"), 0.0, "the AUC is of every prediction");
        assertEquals(1 + 50, Files.readAllLines(dir.resolve("artifacts/roc-curve.csv")).size());
        assertArrayEquals(new int[] {0, 1, 2}, ModelMetrics.kept(3, 5));
        assertArrayEquals(new int[] {0, 5, 9}, ModelMetrics.kept(10, 3));
    }

    @Test
    void curvesAndConfusionPortsCarryTheArtifactsAsRows() throws Exception {
        StepTestRunner r = churn(400).param("algorithm", "weka.classifiers.functions.Logistic").run();
        assertEquals(ModelMetrics.CURVES_SCHEMA, r.outputSchema("curves"));
        assertEquals(ModelMetrics.CONFUSION_SCHEMA, r.outputSchema("confusion"));
        List<String> csv = Files.readAllLines(dir.resolve("artifacts/roc-curve.csv"));
        assertEquals(csv.size() - 1, r.output("curves").size());
        // Both classes' curves, each from (0,0)-ish to (1,1).
        assertEquals(Set.of("yes", "no"), r.output("curves").stream().map(row -> (String) row[0])
                .collect(java.util.stream.Collectors.toSet()));
        List<Object[]> matrix = r.output("confusion");
        assertEquals(4, matrix.size());
        double total = matrix.stream().mapToDouble(row -> (Double) row[2]).sum();
        assertEquals(400.0, total, 1e-9);
        r.assertRowsAccountedFor();
    }

    @Test
    void aRegressionWritesEmptyCurvesAndConfusion() throws Exception {
        StepTestRunner r = churn(200).param("target", "monthly_charges")
                .param("algorithm", "weka.classifiers.functions.LinearRegression").run();
        assertTrue(r.output("curves").isEmpty());
        assertTrue(r.output("confusion").isEmpty());
        r.assertRowsAccountedFor();
    }

    @Test
    void theModelOnThePortReadsBackAsAWekaClassifier() throws Exception {
        StepTestRunner r = churn(300).param("algorithm", "weka.classifiers.trees.J48").run();
        TrainedModel model = r.outputModel("model");
        assertEquals(WekaModelCodec.FORMAT, model.format());
        try (InputStream in = model.openContent()) {
            WekaModelCodec.Decoded d = WekaModelCodec.decode(in, "the model");
            assertInstanceOf(J48.class, d.classifier());
            assertEquals("churned", d.header().classAttribute().name());
            assertEquals(0, d.header().numInstances());
        }
    }

    @Test
    void numericTargetIsARegressionWithR2() throws Exception {
        Schema schema = Schema.of(Field.of("x", FieldType.DECIMAL), Field.of("z", FieldType.CATEGORICAL),
                Field.of("y", FieldType.DECIMAL));
        Random random = new Random(3);
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double x = random.nextDouble() * 10;
            String z = random.nextBoolean() ? "a" : "b";
            rows.add(row(x, z, 3 * x + ("a".equals(z) ? 5 : 0) + random.nextGaussian()));
        }
        StepTestRunner r = new StepTestRunner(type(), dir).input("in", schema, rows, 50)
                .param("target", "y").param("algorithm", "weka.classifiers.functions.LinearRegression").run();
        Map<String, Double> m = figures(r);
        assertTrue(m.get("r2") > 0.95, m.toString());
        assertTrue(Files.readString(dir.resolve("artifacts/attribute-importance.csv")).startsWith("attribute,correlation\nx,"));
        assertTrue(m.get("rmse") < 1.3, m.toString());
        assertFalse(m.containsKey("accuracy"));
        assertEquals("regression", r.outputModel("model").property("task").orElseThrow());
    }

    @Test
    void classifierThatCannotPredictNumbersSaysWhatToUse() {
        Schema schema = Schema.of(Field.of("x", FieldType.DECIMAL), Field.of("y", FieldType.DECIMAL));
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(row((double) i, 2.0 * i));
        }
        StepFailure e = assertThrows(StepFailure.class, () -> new StepTestRunner(type(), dir)
                .input("in", schema, rows, 10).param("target", "y").param("algorithm", "weka.classifiers.trees.J48")
                .run());
        assertTrue(e.getMessage().contains("Use a regression algorithm"), e.getMessage());
    }

    @Test
    void theDefaultAlgorithmIsLogisticForClassesAndLinearRegressionForNumbersAndSaysSo() throws Exception {
        StepTestRunner r = churn(300).run();
        TrainedModel model = r.outputModel("model");
        assertEquals("weka.classifiers.functions.Logistic", model.algorithm());
        try (InputStream in = model.openContent()) {
            assertInstanceOf(Logistic.class, WekaModelCodec.decode(in, "the model").classifier());
        }
        assertTrue(Files.readString(dir.resolve("artifacts/model-summary.txt")).contains(
                "Algorithm: weka.classifiers.functions.Logistic (auto: chosen for a classification)"));
        StepTestRunner regression = new StepTestRunner(type(), dir.resolve("regression"))
                .input("in", ChurnData.SCHEMA, ChurnData.rows(200, 2), 64).param("target", "monthly_charges").run();
        assertEquals("weka.classifiers.functions.LinearRegression", regression.outputModel("model").algorithm());
        churn(10).param("options", "-R 1").assertInvalid("options", "takes no options");
    }

    @Test
    void missedGateFailsTheRunAndStoresNothing() throws Exception {
        StepTestRunner r = churn(400).param("gates", Map.of("auc", ">= 0.99")).param("storeAs", "churn");
        StepFailure e = assertThrows(StepFailure.class, r::run);
        assertTrue(e.getMessage().contains("gate auc >= 0.99 missed: auc was"), e.getMessage());
        assertTrue(new FileModelStore(dir.resolve("models")).names().isEmpty());
        assertTrue(Files.readString(dir.resolve("artifacts/model-summary.txt")).startsWith("Quality gates missed"));
    }

    @Test
    void gatesThatPassLetTheModelThrough() throws Exception {
        StepTestRunner r = churn(400).param("gates", Map.of("auc", ">= 0.6", "accuracy", "> 0.5")).run();
        assertEquals(WekaModelCodec.FORMAT, r.outputModel("model").format());
    }

    @Test
    void badGatesAndParametersAreRefusedAtDeploy() {
        churn(10).param("gates", Map.of("auroc", ">= 0.8")).assertInvalid("gates", "'auroc' is not a metric");
        churn(10).param("gates", Map.of("auc", "at least 0.8")).assertInvalid("gates", "write a comparison");
        churn(10).param("storeAs", "../etc").assertInvalid("storeAs", "is not a model name");
        churn(10).param("target", "nope").assertInvalid("target", "nope");
        churn(10).param("target", "email").assertInvalid("target", "tagged pii");
        churn(10).param("target", "customer_id").assertInvalid("target", "tagged id");
        churn(10).param("columns", List.of("churned", "tenure_months")).assertInvalid("columns", "");
    }

    @Test
    void targetMustBeNamedWhenNoColumnIsTagged() {
        Schema schema = Schema.of(Field.of("x", FieldType.DECIMAL), Field.of("y", FieldType.CATEGORICAL));
        new StepTestRunner(type(), dir).input("in", schema, row(1.0, "a"))
                .assertInvalid("target", "no input column is tagged target");
    }

    @Test
    void rowsWithoutTargetAreFilteredAndAccountedFor() throws Exception {
        List<Object[]> rows = ChurnData.rows(200, 5);
        for (int i = 0; i < 200; i += 10) {
            rows.get(i)[6] = null;
        }
        StepTestRunner r = new StepTestRunner(type(), dir).input("in", ChurnData.SCHEMA, rows, 64).run();
        assertEquals(20, r.filtered());
        assertEquals(180.0, figures(r).get("rows"));
        r.assertRowsAccountedFor();
    }

    @Test
    void holdoutMeasuresOnTheRestOfTheRows() throws Exception {
        StepTestRunner r = churn(500).param("evaluation", "holdout").param("trainPercent", 80.0).run();
        assertEquals(100.0, figures(r).get("rows"));
        assertEquals(500, r.outputModel("model").trainedRows());
    }

    @Test
    void testInputIsMeasuredWithTheTrainingHeader() throws Exception {
        List<Object[]> test = ChurnData.rows(300, 99);
        test.get(0)[2] = "three-year"; // a contract the training rows never had
        StepTestRunner r = churn(600).param("evaluation", "test-input")
                .input("test", ChurnData.SCHEMA, test, 64).run();
        assertEquals(300.0, figures(r).get("rows"));
        r.assertRowsAccountedFor();
    }

    @Test
    void testInputMustBeConnectedForTestInputEvaluation() {
        StepFailure e = assertThrows(StepFailure.class, () -> churn(50).param("evaluation", "test-input").run());
        assertTrue(e.getMessage().contains("input 'test'"), e.getMessage());
    }

    @Test
    void emptyInputFailsWithAPlainMessage() {
        StepFailure e = assertThrows(StepFailure.class, () -> new StepTestRunner(type(), dir)
                .input("in", ChurnData.SCHEMA, List.of(), 10).run());
        assertTrue(e.getMessage().contains("no rows"), e.getMessage());
    }

    @Test
    void aSingleClassTargetIsRefused() {
        List<Object[]> rows = ChurnData.rows(50, 1);
        rows.forEach(x -> x[6] = "no");
        StepFailure e = assertThrows(StepFailure.class, () -> new StepTestRunner(type(), dir)
                .input("in", ChurnData.SCHEMA, rows, 10).run());
        assertTrue(e.getMessage().contains("only the value 'no'"), e.getMessage());
    }

    @Test
    void tooManyFoldsAreRefused() {
        StepFailure e = assertThrows(StepFailure.class, () -> churn(5).param("folds", 10).run());
        assertTrue(e.getMessage().contains("choose fewer folds"), e.getMessage());
    }

    @Test
    void metaSchemesWithNestedOptionsWork() throws Exception {
        StepTestRunner r = churn(300).param("algorithm", "weka.classifiers.meta.FilteredClassifier")
                .param("options", "-F \"weka.filters.unsupervised.attribute.Discretize -B 5\" -W weka.classifiers.trees.J48"
                        + " -- -M 5").run();
        assertTrue(figures(r).get("accuracy") > 0.5);
    }

    @Test
    void designTimeSchemasGiveTheMetricsTableAndTheModelHeader() {
        Map<String, Schema> out = type().outputSchemas(
                org.assay.api.step.Parameters.of(type().descriptor(), Map.of()), Map.of("in", ChurnData.SCHEMA))
                .orElseThrow();
        assertEquals(ModelMetrics.SCHEMA, out.get("metrics"));
        assertEquals(ModelMetrics.CURVES_SCHEMA, out.get("curves"));
        assertEquals(ModelMetrics.CONFUSION_SCHEMA, out.get("confusion"));
        assertEquals(List.of("contract", "tenure_months", "monthly_charges", "support_calls", "churned"),
                out.get("model").names());
        assertTrue(out.get("model").field("churned").has(FieldTag.TARGET));
        assertEquals(List.of("attribute", "information_gain", "gain_ratio"), out.get("importance").names());
        assertEquals(PortKind.MODEL, type().descriptor().output("model").orElseThrow().kind());
    }
}
