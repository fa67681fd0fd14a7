package org.assay.miners.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.StepContext;
import weka.classifiers.Evaluation;
import weka.classifiers.evaluation.Prediction;
import weka.classifiers.evaluation.ThresholdCurve;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * The figures of one evaluation, read from Weka's own {@link Evaluation} so they equal what
 * the Weka command line and Explorer print for the same data, folds and seed. Adds what Weka
 * does not print: the majority-class baseline accuracy, R&sup2;, and the probability threshold
 * that maximises the positive class's F1 (with its precision and recall), for imbalanced
 * targets where 0.5 is rarely the right cut.
 *
 * <p>Headline metrics (no class) for a two-class target are those of the positive class; for
 * more classes Weka's class-weighted averages.
 */
final class ModelMetrics {

    static final String JSON_FILE = "metrics.json";
    static final String CONFUSION_FILE = "confusion-matrix.csv";
    static final String CURVE_FILE = "roc-curve.csv";
    static final Schema SCHEMA = Schema.of(Field.of("metric", FieldType.CATEGORICAL),
            Field.of("class", FieldType.CATEGORICAL), Field.of("value", FieldType.DECIMAL));

    /** The rows of the {@code curves} output: roc-curve.csv as a dataset, for roc-chart and lift-chart. */
    static final Schema CURVES_SCHEMA = Schema.of(Field.of("class", FieldType.CATEGORICAL),
            Field.of("threshold", FieldType.DECIMAL), Field.of("false_positive_rate", FieldType.DECIMAL),
            Field.of("true_positive_rate", FieldType.DECIMAL), Field.of("precision", FieldType.DECIMAL),
            Field.of("recall", FieldType.DECIMAL), Field.of("sample_share", FieldType.DECIMAL),
            Field.of("lift", FieldType.DECIMAL));
    /** The rows of the {@code confusion} output: confusion-matrix.csv as a dataset, for confusion-matrix. */
    static final Schema CONFUSION_SCHEMA = Schema.of(Field.of("actual", FieldType.CATEGORICAL),
            Field.of("predicted", FieldType.CATEGORICAL), Field.of("count", FieldType.DECIMAL));

    /** One figure; {@code cls} is null for a figure of the whole model. */
    record Metric(String name, String cls, double value) {
    }

    private final List<Metric> all = new ArrayList<>();
    private final Map<String, Double> headline = new LinkedHashMap<>();
    private final String measured;
    private int curvePoints;
    private List<String> features = List.of();
    private List<String> leftOut = List.of();
    /** Per class, Weka's threshold curve over the predictions, built once (each has a point per prediction). */
    private Instances[] curves = new Instances[0];

    private ModelMetrics(String measured) {
        this.measured = measured;
    }

    /**
     * @param positive the positive class's index for a two-class target; -1 otherwise
     * @param measured how the figures were measured, for messages
     */
    static ModelMetrics of(Evaluation eval, Instances header, int positive, String measured) throws Exception {
        ModelMetrics m = new ModelMetrics(measured);
        Attribute cls = header.classAttribute();
        m.add("rows", null, eval.numInstances());
        if (cls.isNominal()) {
            m.headline("accuracy", eval.pctCorrect() / 100);
            m.headline("kappa", eval.kappa());
            m.add("correct", null, eval.correct());
            m.add("incorrect", null, eval.incorrect());
            m.add("baseline_accuracy", null, majorityShare(eval));
            // Weka's areaUnderROC(c) and areaUnderPRC(c) build this curve on every call (and the
            // weighted figures call them again for each class): build each once and read the
            // areas with the same ThresholdCurve methods Weka uses, so the figures are Weka's.
            m.curves = new Instances[cls.numValues()];
            double[] auc = new double[cls.numValues()];
            double[] prc = new double[cls.numValues()];
            for (int c = 0; c < cls.numValues(); c++) {
                m.curves[c] = new ThresholdCurve().getCurve(eval.predictions(), c);
                auc[c] = m.curves[c] == null ? Double.NaN : ThresholdCurve.getROCArea(m.curves[c]);
                prc[c] = m.curves[c] == null ? Double.NaN : ThresholdCurve.getPRCArea(m.curves[c]);
            }
            m.headline("weighted_precision", eval.weightedPrecision());
            m.headline("weighted_recall", eval.weightedRecall());
            m.headline("weighted_f1", eval.weightedFMeasure());
            m.headline("weighted_auc", weighted(eval, auc));
            m.headline("weighted_pr_auc", weighted(eval, prc));
            boolean binary = positive >= 0;
            m.headline("precision", binary ? eval.precision(positive) : eval.weightedPrecision());
            m.headline("recall", binary ? eval.recall(positive) : eval.weightedRecall());
            m.headline("f1", binary ? eval.fMeasure(positive) : eval.weightedFMeasure());
            m.headline("auc", binary ? auc[positive] : weighted(eval, auc));
            m.headline("pr_auc", binary ? prc[positive] : weighted(eval, prc));
            for (int c = 0; c < cls.numValues(); c++) {
                String v = cls.value(c);
                m.add("precision", v, eval.precision(c));
                m.add("recall", v, eval.recall(c));
                m.add("f1", v, eval.fMeasure(c));
                m.add("auc", v, auc[c]);
                m.add("pr_auc", v, prc[c]);
            }
            if (binary) {
                m.bestF1Threshold(positive, cls.value(positive));
            }
        } else {
            m.headline("mae", eval.meanAbsoluteError());
            m.headline("rmse", eval.rootMeanSquaredError());
            m.headline("correlation", eval.correlationCoefficient());
            m.headline("r2", rSquared(eval.predictions()));
            m.add("baseline_rmse", null, eval.rootMeanPriorSquaredError());
            m.add("relative_absolute_error", null, eval.relativeAbsoluteError() / 100);
            m.add("root_relative_squared_error", null, eval.rootRelativeSquaredError() / 100);
        }
        return m;
    }

    /** Weka's class-weighted average: each class with rows weighted by its true count, over the rows classified. */
    private static double weighted(Evaluation eval, double[] perClass) {
        double[][] matrix = eval.confusionMatrix();
        double sum = 0;
        double classified = 0;
        for (int c = 0; c < matrix.length; c++) {
            double n = 0;
            for (double v : matrix[c]) {
                n += v;
            }
            if (n > 0) {
                sum += perClass[c] * n;
            }
            classified += n;
        }
        return sum / classified;
    }

    private void headline(String name, double value) {
        headline.put(name, value);
        add(name, null, value);
    }

    private void add(String name, String cls, double value) {
        all.add(new Metric(name, cls, value));
    }

    /** Share of the evaluated rows in the most frequent actual class: what always guessing it scores. */
    private static double majorityShare(Evaluation eval) {
        double[][] matrix = eval.confusionMatrix();
        double best = 0;
        double total = 0;
        for (double[] actual : matrix) {
            double n = 0;
            for (double v : actual) {
                n += v;
            }
            best = Math.max(best, n);
            total += n;
        }
        return total == 0 ? Double.NaN : best / total;
    }

    /** 1 - SSE / SST over the evaluated rows (SST about their own mean). */
    static double rSquared(List<Prediction> predictions) {
        double sum = 0;
        int n = 0;
        for (Prediction p : predictions) {
            if (!Double.isNaN(p.actual()) && !Double.isNaN(p.predicted())) {
                sum += p.actual();
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mean = sum / n;
        double sse = 0;
        double sst = 0;
        for (Prediction p : predictions) {
            if (!Double.isNaN(p.actual()) && !Double.isNaN(p.predicted())) {
                sse += (p.actual() - p.predicted()) * (p.actual() - p.predicted());
                sst += (p.actual() - mean) * (p.actual() - mean);
            }
        }
        return sst == 0 ? Double.NaN : 1 - sse / sst;
    }

    private void bestF1Threshold(int positive, String value) {
        Instances curve = curves[positive];
        if (curve == null || curve.numInstances() == 0) {
            return;
        }
        int f = curve.attribute(ThresholdCurve.FMEASURE_NAME).index();
        int t = curve.attribute(ThresholdCurve.THRESHOLD_NAME).index();
        int pr = curve.attribute(ThresholdCurve.PRECISION_NAME).index();
        int re = curve.attribute(ThresholdCurve.RECALL_NAME).index();
        int best = -1;
        for (int i = 0; i < curve.numInstances(); i++) {
            double v = curve.instance(i).value(f);
            if (!Double.isNaN(v) && (best < 0 || v > curve.instance(best).value(f))) {
                best = i;
            }
        }
        if (best >= 0) {
            add("best_f1_threshold", value, curve.instance(best).value(t));
            add("best_f1", value, curve.instance(best).value(f));
            add("precision_at_best_f1", value, curve.instance(best).value(pr));
            add("recall_at_best_f1", value, curve.instance(best).value(re));
        }
    }

    /**
     * The figures at the chosen cut on the positive class's probability: headline threshold,
     * threshold_precision, threshold_recall, threshold_f1, threshold_accuracy (gates may bound
     * them) and the confusion counts at the cut.
     */
    void addThreshold(DecisionThreshold t, String positive) {
        headline("threshold", t.cut());
        headline("threshold_precision", t.precision());
        headline("threshold_recall", t.recall());
        headline("threshold_f1", t.f1());
        headline("threshold_accuracy", t.accuracy());
        add("threshold_true_positives", positive, t.tp());
        add("threshold_false_positives", positive, t.fp());
        add("threshold_false_negatives", positive, t.fn());
        add("threshold_true_negatives", positive, t.tn());
    }

    List<Metric> all() {
        return all;
    }

    /** Headline metric name to value, for gates and the champion comparison. */
    Map<String, Double> headline() {
        return headline;
    }

    String measured() {
        return measured;
    }

    /** The figures as rows of {@link #SCHEMA}; NaN (not computable) becomes null. */
    Batch toBatch() {
        BatchBuilder b = new BatchBuilder(SCHEMA, Math.max(1, all.size()));
        for (Metric m : all) {
            b.set(0, m.name()).set(1, m.cls()).set(2, Double.isNaN(m.value()) ? null : m.value());
            b.endRow();
        }
        return b.build();
    }

    /** The threshold curves as rows of {@link #CURVES_SCHEMA}, written in batches; the row count. */
    long writeCurves(org.assay.api.data.BatchSink sink, Instances header) throws IOException {
        Attribute cls = header.classAttribute();
        long rows = 0;
        if (!cls.isNominal()) {
            return 0;
        }
        BatchBuilder b = new BatchBuilder(CURVES_SCHEMA);
        String[] names = {ThresholdCurve.THRESHOLD_NAME, ThresholdCurve.FP_RATE_NAME, ThresholdCurve.TP_RATE_NAME,
            ThresholdCurve.PRECISION_NAME, ThresholdCurve.RECALL_NAME, ThresholdCurve.SAMPLE_SIZE_NAME,
            ThresholdCurve.LIFT_NAME};
        for (int c = 0; c < curves.length; c++) {
            Instances curve = curves[c];
            if (curve == null) {
                continue;
            }
            int[] index = new int[names.length];
            for (int k = 0; k < names.length; k++) {
                index[k] = curve.attribute(names[k]).index();
            }
            String value = cls.value(c);
            for (int i : kept(curve.numInstances(), curvePoints)) {
                b.set(0, value);
                // Primitive setters and the attribute positions looked up once: curves have a row per prediction.
                weka.core.Instance point = curve.instance(i);
                for (int k = 0; k < names.length; k++) {
                    double v = point.value(index[k]);
                    if (Double.isNaN(v)) {
                        b.setNull(k + 1);
                    } else {
                        b.setDouble(k + 1, v);
                    }
                }
                b.endRow();
                rows++;
                if (b.isFull()) {
                    sink.write(b.build());
                    b = new BatchBuilder(CURVES_SCHEMA);
                }
            }
        }
        sink.write(b.build());
        return rows;
    }

    /** The confusion matrix as rows of {@link #CONFUSION_SCHEMA}; the row count. */
    static long writeConfusion(org.assay.api.data.BatchSink sink, Evaluation eval, Instances header)
            throws IOException {
        Attribute cls = header.classAttribute();
        if (!cls.isNominal()) {
            return 0;
        }
        double[][] matrix = eval.confusionMatrix();
        BatchBuilder b = new BatchBuilder(CONFUSION_SCHEMA, Math.max(1, matrix.length * matrix.length));
        for (int a = 0; a < matrix.length; a++) {
            for (int p = 0; p < matrix[a].length; p++) {
                b.set(0, cls.value(a)).set(1, cls.value(p)).set(2, matrix[a][p]);
                b.endRow();
            }
        }
        sink.write(b.build());
        return (long) matrix.length * matrix.length;
    }

    /** metrics.json, the confusion matrix and the threshold curves (ROC, precision/recall, lift) as CSV. */
    void writeArtifacts(StepContext context, Evaluation eval, Instances header) throws IOException {
        Path json = context.artifactDir().resolve(JSON_FILE);
        Files.writeString(json, toJson(), StandardCharsets.UTF_8);
        context.addArtifact(json, ArtifactKind.TABLE, "Model metrics (" + measured + ")");
        Attribute cls = header.classAttribute();
        if (!cls.isNominal()) {
            return;
        }
        Path confusion = context.artifactDir().resolve(CONFUSION_FILE);
        double[][] matrix = eval.confusionMatrix();
        try (Writer w = Files.newBufferedWriter(confusion, StandardCharsets.UTF_8)) {
            w.write("actual,predicted,count\n");
            for (int a = 0; a < matrix.length; a++) {
                for (int p = 0; p < matrix[a].length; p++) {
                    w.write(csv(cls.value(a)) + "," + csv(cls.value(p)) + "," + number(matrix[a][p]) + "\n");
                }
            }
        }
        context.addArtifact(confusion, ArtifactKind.TABLE, "Confusion matrix (" + measured + ")");
        Path curveFile = context.artifactDir().resolve(CURVE_FILE);
        try (Writer w = Files.newBufferedWriter(curveFile, StandardCharsets.UTF_8)) {
            writeCurveCsv(w, cls);
        }
        // A point per distinct predicted probability and class: for a model with smooth
        // probabilities as many rows as predictions, so a data file (linked from the report), not
        // a small table the report parses and shows.
        context.addArtifact(curveFile, ArtifactKind.DATA, "ROC, precision/recall and lift curves per class ("
                + measured + ")");
    }

    /** At most this many points of each class's curve are written; 0: all. */
    void curvePoints(int max) {
        this.curvePoints = max;
    }

    /**
     * The points of a curve of {@code n} that are written: all when there are at most {@code max}
     * (or {@code max} is 0), else {@code max} evenly spaced by rank, the first and the last among
     * them. Weka's curve has a point per distinct probability, for smooth probabilities a point per
     * prediction: a chart needs no more than a thousand, and a million-row file of them helps no one.
     */
    static int[] kept(int n, int max) {
        if (max <= 0 || n <= max) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int k = Math.max(2, max);
        int[] idx = new int[k];
        for (int j = 0; j < k; j++) {
            idx[j] = (int) Math.round((double) j * (n - 1) / (k - 1));
        }
        return idx;
    }

    /** roc-curve.csv's text: a header, then a line per point kept of each class's curve. */
    void writeCurveCsv(Writer w, Attribute cls) throws IOException {
        NumberTexts numbers = new NumberTexts();
        w.write("class,threshold,false_positive_rate,true_positive_rate,precision,recall,sample_share,lift\n");
        for (int c = 0; c < curves.length; c++) {
            Instances curve = curves[c];
            if (curve == null) {
                continue;
            }
            int[] cols = {curve.attribute(ThresholdCurve.THRESHOLD_NAME).index(),
                curve.attribute(ThresholdCurve.FP_RATE_NAME).index(),
                curve.attribute(ThresholdCurve.TP_RATE_NAME).index(),
                curve.attribute(ThresholdCurve.PRECISION_NAME).index(),
                curve.attribute(ThresholdCurve.RECALL_NAME).index(),
                curve.attribute(ThresholdCurve.SAMPLE_SIZE_NAME).index(),
                curve.attribute(ThresholdCurve.LIFT_NAME).index()};
            String value = csv(cls.value(c));
            for (int i : kept(curve.numInstances(), curvePoints)) {
                weka.core.Instance point = curve.instance(i);
                w.write(value);
                for (int col : cols) {
                    w.write(',');
                    w.write(numbers.of(point.value(col)));
                }
                w.write('\n');
            }
        }
    }

    /**
     * Records which columns the model learnt from and which the defaults left out ("name:
     * reason"), for metrics.json: a column left out is never left out silently.
     */
    void columns(List<String> features, List<String> leftOut) {
        this.features = List.copyOf(features);
        this.leftOut = List.copyOf(leftOut);
    }

    String toJson() {
        StringBuilder b = new StringBuilder("{\n  \"measured\": ").append(quote(measured));
        b.append(",\n  \"features\": [");
        String sep = "";
        for (String f : features) {
            b.append(sep).append(quote(f));
            sep = ", ";
        }
        b.append("],\n  \"leftOut\": [");
        sep = "\n";
        for (String r : leftOut) {
            int colon = r.indexOf(": ");
            b.append(sep).append("    {\"column\": ").append(quote(colon < 0 ? r : r.substring(0, colon)))
                    .append(", \"reason\": ").append(quote(colon < 0 ? "" : r.substring(colon + 2))).append('}');
            sep = ",\n";
        }
        b.append(leftOut.isEmpty() ? "]" : "\n  ]");
        b.append(",\n  \"metrics\": {");
        sep = "\n";
        for (Map.Entry<String, Double> e : headline.entrySet()) {
            b.append(sep).append("    ").append(quote(e.getKey())).append(": ").append(json(e.getValue()));
            sep = ",\n";
        }
        b.append("\n  },\n  \"all\": [");
        sep = "\n";
        for (Metric m : all) {
            b.append(sep).append("    {\"metric\": ").append(quote(m.name())).append(", \"class\": ")
                    .append(m.cls() == null ? "null" : quote(m.cls())).append(", \"value\": ").append(json(m.value()))
                    .append('}');
            sep = ",\n";
        }
        return b.append("\n  ]\n}\n").toString();
    }

    private static String json(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : number(v);
    }

    /** Shortest text that reads back as the same double (curves have thousands of points: no String.format). */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
