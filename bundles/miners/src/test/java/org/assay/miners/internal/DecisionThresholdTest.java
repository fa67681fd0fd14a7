package org.assay.miners.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.assay.api.model.TrainedModel;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** weka-classify's threshold choice for the positive class, its figures, and weka-score predicting with it. */
class DecisionThresholdTest {

    @TempDir
    Path dir;

    private FileModelStore store() {
        return new FileModelStore(dir.resolve("models"));
    }

    /** Rare churners (about one in eight), where the most probable class is a poor cut. */
    private static List<Object[]> rare(int n, long seed) {
        List<Object[]> rows = ChurnData.rows(n, seed);
        java.util.Random random = new java.util.Random(seed);
        for (Object[] row : rows) {
            if ("yes".equals(row[6]) && random.nextDouble() < 0.55) {
                row[6] = "no";
            }
        }
        return rows;
    }

    private StepTestRunner classify(List<Object[]> rows) {
        return new StepTestRunner(new WekaClassifyStepType(store()), dir.resolve("train"))
                .input("in", ChurnData.SCHEMA, rows, 128).param("algorithm", "weka.classifiers.functions.Logistic");
    }

    private static Map<String, Double> figures(StepTestRunner r) {
        Map<String, Double> m = new HashMap<>();
        for (Object[] row : r.output("metrics")) {
            m.put(row[0] + (row[1] == null ? "" : "/" + row[1]), (Double) row[2]);
        }
        return m;
    }

    /** Figures of predicting positive at probability >= cut, from the predictions output: {tp, fp, fn, tn}. */
    private static double[] counts(List<Object[]> predictions, double cut) {
        double[] c = new double[4];
        for (Object[] p : predictions) {
            boolean actual = "yes".equals(p[3]);
            boolean predicted = (Double) p[5] >= cut;
            c[actual ? (predicted ? 0 : 2) : (predicted ? 1 : 3)]++;
        }
        return c;
    }

    private static double f1(double[] c) {
        return c[0] == 0 ? 0 : 2 * c[0] / (2 * c[0] + c[1] + c[2]);
    }

    @Test
    void maxF1PicksTheBestCutOfTheHeldOutPredictionsAndScoringUsesIt() throws Exception {
        StepTestRunner r = classify(rare(1500, 21)).param("threshold", "max-f1").run();
        Map<String, Double> m = figures(r);
        List<Object[]> predictions = r.output("predictions");
        double cut = m.get("threshold");
        // No other cut gives a higher F1 on the same predictions.
        double best = 0;
        for (Object[] p : predictions) {
            best = Math.max(best, f1(counts(predictions, (Double) p[5])));
        }
        assertEquals(best, m.get("threshold_f1"), 1e-12);
        double[] c = counts(predictions, cut);
        assertEquals(f1(c), m.get("threshold_f1"), 1e-12);
        assertEquals(c[0], m.get("threshold_true_positives/yes"));
        assertEquals(c[1], m.get("threshold_false_positives/yes"));
        assertEquals(c[0] / (c[0] + c[2]), m.get("threshold_recall"), 1e-12);
        assertTrue(m.get("threshold_f1") > m.get("f1"), "beats the most probable class on rare churners: " + m);
        assertTrue(cut < 0.5, "a rare class is cut below one half: " + cut);
        for (Object[] p : predictions) {
            assertEquals((Double) p[5] >= cut ? "yes" : "no", p[4], "predictions follow the cut");
        }

        String summary = java.nio.file.Files.readString(dir.resolve("train/artifacts/model-summary.txt"));
        assertTrue(summary.contains("Threshold (max-f1): predict yes when its probability is at least"), summary);
        TrainedModel model = r.outputModel("model");
        assertEquals(Double.toString(cut), model.property("threshold").orElseThrow());
        List<Object[]> rows = ChurnData.rows(300, 5);
        StepTestRunner s = new StepTestRunner(new WekaScoreStepType(store()), dir.resolve("score"))
                .inputModel("model", model).input("in", ChurnData.SCHEMA, rows, 64).param("reasons", 0).run();
        int yes = s.outputSchema("out").indexOf("probability_yes");
        int below = 0;
        for (Object[] row : s.output()) {
            double p = (Double) row[yes];
            assertEquals(p >= cut ? "yes" : "no", row[7]);
            below += p >= cut && p < 0.5 ? 1 : 0;
        }
        assertTrue(below > 0, "some rows are churners only at the chosen cut");

        // An explicit threshold on weka-score overrides the model's.
        StepTestRunner half = new StepTestRunner(new WekaScoreStepType(store()), dir.resolve("score2"))
                .inputModel("model", model).input("in", ChurnData.SCHEMA, rows, 64).param("reasons", 0)
                .param("threshold", 0.5).run();
        for (Object[] row : half.output()) {
            assertEquals((Double) row[yes] >= 0.5 ? "yes" : "no", row[7]);
        }
    }

    @Test
    void recallPicksTheHighestCutThatFindsEnoughPositives() throws Exception {
        StepTestRunner r = classify(rare(1500, 22)).param("threshold", "recall").param("minRecall", 0.8).run();
        Map<String, Double> m = figures(r);
        List<Object[]> predictions = r.output("predictions");
        double cut = m.get("threshold");
        double[] c = counts(predictions, cut);
        assertTrue(c[0] / (c[0] + c[2]) >= 0.8);
        assertEquals(c[0] / (c[0] + c[1]), m.get("threshold_precision"), 1e-12);
        // The next higher probability misses the recall.
        TreeSet<Double> probabilities = new TreeSet<>();
        predictions.forEach(p -> probabilities.add((Double) p[5]));
        Double higher = probabilities.higher(cut);
        double[] h = counts(predictions, higher);
        assertTrue(h[0] / (h[0] + h[2]) < 0.8);
        // Gates may bound the figures at the cut.
        StepFailure e = assertThrows(StepFailure.class, () -> classify(rare(1500, 22)).param("threshold", "recall")
                .param("minRecall", 0.8).param("gates", Map.of("threshold_precision", ">= 0.99")).run());
        assertTrue(e.getMessage().contains("threshold_precision"), e.getMessage());
    }

    @Test
    void theDefaultKeepsTheMostProbableClassAndNoThreshold() throws Exception {
        StepTestRunner r = classify(rare(400, 23)).run();
        assertTrue(!figures(r).containsKey("threshold"));
        assertTrue(r.outputModel("model").property("threshold").isEmpty());
    }

    @Test
    void badThresholdParametersAreRefused() {
        classify(rare(20, 1)).param("threshold", "recall").assertInvalid("minRecall", "needs the recall");
        classify(rare(20, 1)).param("minRecall", 0.9).assertInvalid("minRecall", "only with");
        classify(rare(20, 1)).param("threshold", "recall").param("minRecall", 1.5).assertInvalid("minRecall", "");
        new StepTestRunner(new WekaScoreStepType(store()), dir).param("modelName", "m").param("threshold", -0.1)
                .assertInvalid("threshold", "");
    }

    @Test
    void aThresholdForAModelWithoutTwoClassesIsRefusedByScore() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : ChurnData.rows(200, 9)) {
            Object[] copy = row.clone();
            copy[6] = ((Long) row[5]) < 2 ? "low" : ((Long) row[5]) < 4 ? "mid" : "high";
            rows.add(copy);
        }
        TrainedModel model = new StepTestRunner(new WekaClassifyStepType(store()), dir.resolve("t3"))
                .input("in", ChurnData.SCHEMA, rows, 64).run().outputModel("model");
        StepFailure e = assertThrows(StepFailure.class, () -> new StepTestRunner(new WekaScoreStepType(store()),
                dir.resolve("s3")).inputModel("model", model).input("in", ChurnData.SCHEMA, rows, 64)
                .param("threshold", 0.3).run());
        assertTrue(e.getMessage().startsWith("threshold:"), e.getMessage());
    }
}
