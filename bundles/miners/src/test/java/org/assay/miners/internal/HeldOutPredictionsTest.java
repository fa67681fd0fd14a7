package org.assay.miners.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.classifiers.bayes.NaiveBayes;
import weka.core.Instances;

/** weka-classify's predictions output: each measured row's held-out prediction, in input order. */
class HeldOutPredictionsTest {

    @TempDir
    Path dir;

    private StepTestRunner classify(List<Object[]> rows) {
        return new StepTestRunner(new WekaClassifyStepType(new FileModelStore(dir.resolve("models"))), dir)
                .input("in", ChurnData.SCHEMA, rows, 64);
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

    @Test
    void crossValidationGivesEveryRowItsOutOfFoldPrediction() throws Exception {
        List<Object[]> rows = ChurnData.rows(400, 3);
        for (int i = 0; i < rows.size(); i += 25) {
            rows.get(i)[6] = null; // no target: not measured, not in the output
        }
        StepTestRunner r = classify(rows).param("algorithm", "weka.classifiers.bayes.NaiveBayes").run();
        Schema schema = r.outputSchema("predictions");
        assertEquals(List.of("row", "customer_id", "fold", "actual", "predicted", "probability"), schema.names());
        List<Object[]> predictions = r.output("predictions");
        assertEquals(400 - 16, predictions.size());
        long previous = 0;
        Set<Long> folds = new HashSet<>();
        for (Object[] p : predictions) {
            long row = (Long) p[0];
            assertTrue(row > previous, "input order");
            previous = row;
            Object[] input = rows.get((int) row - 1);
            assertEquals(input[0], p[1], "the id of that input row");
            assertEquals(input[6], p[3], "the actual class of that input row");
            folds.add((Long) p[2]);
        }
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), folds);

        // Out of fold: NaiveBayes (order-free) trained on the other folds' rows gives each row of fold 3 the
        // same probability; trained on all rows it would not.
        Instances all = instancesOf(rows, Set.of());
        Set<Long> fold3 = new HashSet<>();
        predictions.stream().filter(p -> (Long) p[2] == 3).forEach(p -> fold3.add((Long) p[0]));
        Instances others = instancesOf(rows, fold3);
        NaiveBayes nb = new NaiveBayes();
        nb.buildClassifier(others);
        NaiveBayes full = new NaiveBayes();
        full.buildClassifier(all);
        int positive = others.classAttribute().indexOfValue("yes");
        int positiveAll = all.classAttribute().indexOfValue("yes");
        int differs = 0;
        for (Object[] p : predictions) {
            if ((Long) p[2] != 3) {
                continue;
            }
            Object[] input = rows.get((int) ((Long) p[0] - 1));
            assertEquals(nb.distributionForInstance(encodeLike(others, input))[positive], (Double) p[5], 1e-9);
            differs += Math.abs(full.distributionForInstance(encodeLike(all, input))[positiveAll] - (Double) p[5])
                    > 1e-9 ? 1 : 0;
        }
        assertTrue(differs > 0);
        // The probabilities are the ones the metrics were computed from.
        assertEquals(figures(r).get("auc"), mannWhitneyAuc(predictions, "yes"), 1e-9);
        r.assertRowsAccountedFor();
    }

    @Test
    void holdoutGivesTheMeasuredRowsOnly() throws Exception {
        List<Object[]> rows = ChurnData.rows(300, 4);
        StepTestRunner r = classify(rows).param("evaluation", "holdout").param("trainPercent", 80.0).run();
        List<Object[]> predictions = r.output("predictions");
        assertEquals(60, predictions.size());
        for (Object[] p : predictions) {
            assertNull(p[2], "no fold");
            assertEquals(rows.get((int) ((Long) p[0] - 1))[6], p[3]);
        }
    }

    @Test
    void testInputRowsAreNumberedInTheTestInput() throws Exception {
        List<Object[]> test = ChurnData.rows(50, 8);
        StepTestRunner r = classify(ChurnData.rows(300, 7)).param("evaluation", "test-input")
                .input("test", ChurnData.SCHEMA, test, 16).run();
        List<Object[]> predictions = r.output("predictions");
        assertEquals(50, predictions.size());
        for (int i = 0; i < 50; i++) {
            assertEquals((long) i + 1, predictions.get(i)[0]);
            assertEquals(test.get(i)[0], predictions.get(i)[1]);
            assertEquals(test.get(i)[6], predictions.get(i)[3]);
        }
    }

    @Test
    void aRegressionGivesPredictedValuesWithoutProbability() throws Exception {
        Schema schema = Schema.of(ChurnData.SCHEMA.fields().subList(0, 6));
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : ChurnData.rows(200, 9)) {
            rows.add(java.util.Arrays.copyOf(row, 6));
        }
        StepTestRunner r = new StepTestRunner(new WekaClassifyStepType(new FileModelStore(dir.resolve("m"))), dir)
                .input("in", schema, rows, 64).param("target", "monthly_charges")
                .param("algorithm", "weka.classifiers.functions.LinearRegression").run();
        assertEquals(FieldType.DECIMAL, r.outputSchema("predictions").field("predicted").type());
        for (Object[] p : r.output("predictions")) {
            assertEquals(rows.get((int) ((Long) p[0] - 1))[4], p[3]);
            assertNull(p[5]);
        }
    }

    @Test
    void designTimeSchemaHasTheIdColumn() {
        WekaClassifyStepType type = new WekaClassifyStepType(new FileModelStore(dir.resolve("m")));
        Schema s = type.outputSchemas(org.assay.api.step.Parameters.of(type.descriptor(), Map.of()),
                Map.of("in", ChurnData.SCHEMA)).orElseThrow().get("predictions");
        assertEquals(List.of("row", "customer_id", "fold", "actual", "predicted", "probability"), s.names());
        assertEquals(FieldType.INTEGER, s.field("customer_id").type());
    }

    @Test
    void thresholdOnARegressionIsRefused() {
        Schema schema = Schema.of(ChurnData.SCHEMA.fields().subList(0, 6));
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : ChurnData.rows(50, 9)) {
            rows.add(java.util.Arrays.copyOf(row, 6));
        }
        StepFailure e = assertThrows(StepFailure.class, () -> new StepTestRunner(
                new WekaClassifyStepType(new FileModelStore(dir.resolve("m"))), dir).input("in", schema, rows, 64)
                .param("target", "monthly_charges").param("algorithm", "weka.classifiers.functions.LinearRegression")
                .param("threshold", "max-f1").run());
        assertTrue(e.getMessage().startsWith("threshold: max-f1") && e.getMessage().contains("regression"),
                e.getMessage());
    }

    /** AUC as the chance a random positive scores above a random negative (ties half). */
    static double mannWhitneyAuc(List<Object[]> predictions, String positive) {
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        for (Object[] p : predictions) {
            (positive.equals(p[3]) ? pos : neg).add((Double) p[5]);
        }
        double wins = 0;
        for (double a : pos) {
            for (double b : neg) {
                wins += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        return wins / ((double) pos.size() * neg.size());
    }

    /** The step's instances of the rows with a target, leaving out the given 1-based rows. */
    private static Instances instancesOf(List<Object[]> rows, Set<Long> leaveOut) throws StepFailure {
        List<ClusterColumn> columns = PredictorColumns.choose(ChurnData.SCHEMA, Optional.empty(), List.of())
                .converted();
        InstancesConverter c = new InstancesConverter(columns);
        BatchBuilder b = new BatchBuilder(ChurnData.SCHEMA, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i)[6] == null || leaveOut.contains((long) i + 1)) {
                continue;
            }
            for (int j = 0; j < rows.get(i).length; j++) {
                b.set(j, rows.get(i)[j]);
            }
            b.endRow();
        }
        c.add(b.build());
        Instances data = c.toInstances("t", columns);
        data.setClassIndex(data.numAttributes() - 1);
        return data;
    }

    private static weka.core.Instance encodeLike(Instances header, Object[] row) {
        weka.core.DenseInstance in = new weka.core.DenseInstance(header.numAttributes());
        in.setDataset(header);
        in.setValue(0, (String) row[2]);
        in.setValue(1, ((Long) row[3]).doubleValue());
        in.setValue(2, (Double) row[4]);
        in.setValue(3, ((Long) row[5]).doubleValue());
        in.setMissing(4);
        return in;
    }
}
