package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import weka.classifiers.evaluation.NominalPrediction;
import weka.classifiers.evaluation.Prediction;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * The evaluation's held-out prediction of each row ({@code weka-classify} output
 * {@code predictions}): for cross-validation every row's out-of-fold prediction, from the
 * model that did not see it; for a holdout or a test input the measured rows'.
 *
 * <p>Weka's {@code Evaluation} records predictions in its own row order (shuffled, then
 * stratified, fold after fold). That order is recovered by running the same Weka calls
 * ({@link Instances#randomize}, {@link Instances#stratify}, {@link Instances#testCV}) on a copy
 * whose instances carry their row number, rather than re-implementing them; the learning
 * itself stays Weka's {@code crossValidateModel}, untouched.
 */
final class HeldOutPredictions {

    static final String ROW = "row";
    static final String FOLD = "fold";
    static final String ACTUAL = "actual";
    static final String PREDICTED = "predicted";
    static final String PROBABILITY = "probability";

    private HeldOutPredictions() {
    }

    /**
     * The output's columns: row (1-based position in the input), the input's id column when it
     * has one, fold (empty outside cross-validation), actual, predicted, and the probability of
     * the positive class (two classes) or of the predicted class (more), empty for a regression.
     */
    static Schema schema(Field target, Field key) {
        boolean nominal = target.type() == FieldType.CATEGORICAL || target.type() == FieldType.BOOLEAN
                || target.type() == FieldType.STRING;
        List<Field> fields = new ArrayList<>();
        fields.add(Field.of(ROW, FieldType.INTEGER));
        if (key != null) {
            fields.add(key);
        }
        fields.add(Field.of(FOLD, FieldType.INTEGER));
        fields.add(Field.of(ACTUAL, nominal ? FieldType.CATEGORICAL : FieldType.DECIMAL));
        fields.add(Field.of(PREDICTED, nominal ? FieldType.CATEGORICAL : FieldType.DECIMAL));
        fields.add(Field.of(PROBABILITY, FieldType.DECIMAL));
        return Schema.of(fields);
    }

    /** The input's first id-tagged column that is not personal data, or null. */
    static Field keyField(Schema input) {
        for (Field f : input) {
            if (f.has(FieldTag.ID) && !f.has(FieldTag.PII) && !f.name().equals(ROW) && !f.name().equals(FOLD)
                    && !f.name().equals(ACTUAL) && !f.name().equals(PREDICTED) && !f.name().equals(PROBABILITY)) {
                return Field.of(f.name(), f.type()).withTags(FieldTag.ID);
            }
        }
        return null;
    }

    /**
     * For each prediction Weka's crossValidateModel records, in order: the index of its
     * instance in {@code data} and its fold (0-based).
     */
    static int[][] crossValidationOrder(Instances data, int folds, long seed) {
        Instances copy = indexed(data);
        copy.randomize(new Random(seed));
        if (copy.classAttribute().isNominal()) {
            copy.stratify(folds);
        }
        int[][] order = new int[data.numInstances()][];
        int k = 0;
        for (int fold = 0; fold < folds; fold++) {
            Instances test = copy.testCV(folds, fold);
            for (int i = 0; i < test.numInstances(); i++) {
                order[k++] = new int[] {((Indexed) test.instance(i)).index, fold};
            }
        }
        return order;
    }

    /** The instance index of each row of a holdout's test part: data shuffled with the seed, from trainSize on. */
    static int[][] holdoutOrder(Instances data, int trainSize, long seed) {
        Instances copy = indexed(data);
        copy.randomize(new Random(seed));
        int[][] order = new int[copy.numInstances() - trainSize][];
        for (int i = trainSize; i < copy.numInstances(); i++) {
            order[i - trainSize] = new int[] {((Indexed) copy.instance(i)).index, -1};
        }
        return order;
    }

    /** Test rows in order, no folds. */
    static int[][] inOrder(int n) {
        int[][] order = new int[n][];
        for (int i = 0; i < n; i++) {
            order[i] = new int[] {i, -1};
        }
        return order;
    }

    /**
     * Writes one row per prediction, in input row order.
     *
     * @param order    per prediction its instance index and fold, as from {@link #crossValidationOrder}
     * @param rowOf    per instance index its 0-based input row
     * @param keys     per input row its key value, or null without a key column
     * @param positive the positive class of a two-class target, else -1
     * @param cut      the chosen cut on the positive class's probability, NaN for the most probable class
     */
    static void write(BatchSink out, Schema schema, List<Prediction> predictions, int[][] order, long[] rowOf,
            List<Object> keys, Attribute cls, int positive, double cut) throws java.io.IOException {
        if (predictions.size() != order.length) {
            throw new IllegalStateException("Weka recorded " + predictions.size() + " predictions for "
                    + order.length + " held-out rows");
        }
        int n = order.length;
        // Input row in the high half, prediction index in the low half: one primitive sort, no boxing.
        long[] byRow = new long[n];
        for (int i = 0; i < n; i++) {
            byRow[i] = rowOf[order[i][0]] << 32 | i;
        }
        java.util.Arrays.sort(byRow);
        BatchBuilder b = new BatchBuilder(schema);
        int f = keys == null ? 0 : 1;
        for (long sorted : byRow) {
            int i = (int) (sorted & 0xffff_ffffL);
            Prediction p = predictions.get(i);
            long row = rowOf[order[i][0]];
            b.setLong(0, row + 1);
            if (keys != null) {
                b.set(1, keys.get((int) row));
            }
            if (order[i][1] < 0) {
                b.setNull(1 + f);
            } else {
                b.setLong(1 + f, order[i][1] + 1);
            }
            if (cls.isNominal()) {
                b.set(2 + f, Double.isNaN(p.actual()) ? null : cls.value((int) p.actual()));
                double[] dist = ((NominalPrediction) p).distribution();
                double predicted = p.predicted();
                if (!Double.isNaN(cut) && !Double.isNaN(predicted)) {
                    predicted = dist[positive] >= cut ? positive : 1 - positive;
                }
                b.set(3 + f, Double.isNaN(predicted) ? null : cls.value((int) predicted));
                int shown = positive >= 0 ? positive : Double.isNaN(p.predicted()) ? -1 : (int) p.predicted();
                b.set(4 + f, shown < 0 || Double.isNaN(p.predicted()) ? null : dist[shown]);
            } else {
                b.set(2 + f, Double.isNaN(p.actual()) ? null : p.actual());
                b.set(3 + f, Double.isNaN(p.predicted()) ? null : p.predicted());
                b.set(4 + f, null);
            }
            b.endRow();
            if (b.isFull()) {
                out.write(b.build());
                b = new BatchBuilder(schema);
            }
        }
        if (!b.isEmpty()) {
            Batch last = b.build();
            out.write(last);
        }
    }

    private static Instances indexed(Instances data) {
        Instances copy = new Instances(data, data.numInstances());
        for (int i = 0; i < data.numInstances(); i++) {
            copy.add(new Indexed(data.instance(i), i));
        }
        return copy;
    }

    /** An instance that keeps its row index through Weka's copies (which share the value array). */
    private static final class Indexed extends DenseInstance {
        private static final long serialVersionUID = 1L;
        private final int index;

        Indexed(Instance base, int index) {
            super(base);
            this.index = index;
        }

        @Override
        public Object copy() {
            Indexed copy = new Indexed(this, index);
            copy.m_Dataset = m_Dataset;
            return copy;
        }
    }
}
