package org.assay.miners.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import weka.attributeSelection.GainRatioAttributeEval;
import weka.attributeSelection.InfoGainAttributeEval;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.evaluation.ThresholdCurve;
import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.supervised.attribute.Discretize;

/**
 * Not a test. What weka-classify's extra pieces cost next to the work raw Weka does, each timed
 * alone on one thread (the thread's own CPU time, so the machine's other load and the JVM's GC
 * and JIT threads stay out of it), median of N after warm-ups, on the same generated churn rows
 * as {@link ClassifyBenchmark}: cross-validation plus final model (the reference), attribute
 * importance (now, and as before: Weka's two evaluators on the discretised data), the metrics
 * with their threshold curves, roc-curve.csv's text (now, and as before: a string per line, no
 * cache), and the held-out prediction order. Arguments: {@code --rows N} (10,000), {@code
 * --runs N} (15), {@code --algorithm A} (Logistic), {@code --dir D}.
 */
public final class ClassifyExtrasCost {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ClassifyExtrasCost() {
    }

    interface Work {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        org.assay.benchmarks.WekaProperties.set();
        String rowsArg = "10000";
        String runsArg = "15";
        String algorithm = "weka.classifiers.functions.Logistic";
        String dir = "target/bench";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rows" -> rowsArg = args[i + 1];
                case "--runs" -> runsArg = args[i + 1];
                case "--algorithm" -> algorithm = args[i + 1];
                case "--dir" -> dir = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int rows = Integer.parseInt(rowsArg);
        int runs = Integer.parseInt(runsArg);
        Path file = Path.of(dir).toAbsolutePath().resolve("churn-" + rows + ".csv");
        java.nio.file.Files.createDirectories(file.getParent());
        ClassifyBenchmark.write(file, rows, 42);
        Instances data = ClassifyBenchmark.instances(file);
        Classifier template = AbstractClassifier.forName(algorithm, new String[0]);
        Evaluation[] last = new Evaluation[1];
        double reference = time("raw: 10-fold CV + final model", runs, () -> {
            Evaluation eval = new Evaluation(data);
            eval.crossValidateModel(template, data, 10, new Random(1));
            AbstractClassifier.makeCopy(template).buildClassifier(data);
            last[0] = eval;
        }, 0);
        Evaluation eval = last[0];
        time("importance, before (Weka's evaluators)", runs, () -> {
            Instances d = discretized(data);
            new InfoGainAttributeEval().buildEvaluator(d);
            GainRatioAttributeEval ratio = new GainRatioAttributeEval();
            ratio.buildEvaluator(d);
            for (int j = 0; j < d.numAttributes() - 1; j++) {
                ratio.evaluateAttribute(j);
            }
        }, reference);
        time("importance, now (one count pass)", runs, () -> AttributeImportance.scores(new Instances(data)),
                reference);
        ModelMetrics[] metrics = new ModelMetrics[1];
        time("metrics and threshold curves", runs, () -> metrics[0] = ModelMetrics.of(eval, data, 1, "cv"), reference);
        Instances[] curves = new Instances[data.classAttribute().numValues()];
        for (int c = 0; c < curves.length; c++) {
            curves[c] = new ThresholdCurve().getCurve(eval.predictions(), c);
        }
        time("roc-curve.csv text, before", runs, () -> oldCurveCsv(new StringWriter(1 << 20), curves, data),
                reference);
        time("roc-curve.csv text, now", runs, () -> metrics[0].writeCurveCsv(new StringWriter(1 << 20),
                data.classAttribute()), reference);
        StringWriter before = new StringWriter();
        oldCurveCsv(before, curves, data);
        StringWriter now = new StringWriter();
        metrics[0].writeCurveCsv(now, data.classAttribute());
        if (!before.toString().equals(now.toString())) {
            throw new IllegalStateException("roc-curve.csv differs from the way it was written before");
        }
        System.out.printf(Locale.ROOT, "roc-curve.csv: %,d lines, the same text both ways%n",
                now.toString().lines().count());
        int[][] order = HeldOutPredictions.crossValidationOrder(data, 10, 1);
        time("held-out prediction order", runs, () -> HeldOutPredictions.crossValidationOrder(data, 10, 1), reference);
        long[] rowOf = new long[data.numInstances()];
        for (int i = 0; i < rowOf.length; i++) {
            rowOf[i] = i;
        }
        org.assay.api.data.Schema predictions = HeldOutPredictions.schema(org.assay.api.data.Field.of("churned",
                org.assay.api.data.FieldType.CATEGORICAL), null);
        time("predictions output (batches)", runs, () -> HeldOutPredictions.write(discard(predictions), predictions,
                eval.predictions(), order, rowOf, null, data.classAttribute(), 1, Double.NaN), reference);
        time("curves output (batches)", runs, () -> metrics[0].writeCurves(discard(ModelMetrics.CURVES_SCHEMA), data),
                reference);
        time("metrics.json text", runs, () -> metrics[0].toJson(), reference);
        Classifier model = AbstractClassifier.makeCopy(template);
        model.buildClassifier(data);
        time("model file (serialised) and summary text", runs, () -> {
            WekaModelCodec.encode(model, data);
            String text = eval.toSummaryString() + eval.toMatrixString() + model;
            if (text.isEmpty()) {
                throw new IllegalStateException();
            }
        }, reference);
    }

    private static org.assay.api.data.BatchSink discard(org.assay.api.data.Schema schema) {
        return new org.assay.api.data.BatchSink() {
            @Override
            public org.assay.api.data.Schema schema() {
                return schema;
            }

            @Override
            public void write(org.assay.api.data.Batch batch) {
                // Counted, not kept: the cost measured is making the batches.
            }
        };
    }

    private static Instances discretized(Instances data) throws Exception {
        Discretize discretize = new Discretize();
        discretize.setUseBetterEncoding(true);
        discretize.setInputFormat(data);
        return Filter.useFilter(data, discretize);
    }

    /** roc-curve.csv as weka-classify wrote it before: a StringBuilder per line, every number converted. */
    private static void oldCurveCsv(Writer w, Instances[] curves, Instances data) throws IOException {
        w.write("class,threshold,false_positive_rate,true_positive_rate,precision,recall,sample_share,lift\n");
        String[] names = {ThresholdCurve.THRESHOLD_NAME, ThresholdCurve.FP_RATE_NAME, ThresholdCurve.TP_RATE_NAME,
            ThresholdCurve.PRECISION_NAME, ThresholdCurve.RECALL_NAME, ThresholdCurve.SAMPLE_SIZE_NAME,
            ThresholdCurve.LIFT_NAME};
        for (int c = 0; c < curves.length; c++) {
            Instances curve = curves[c];
            int[] cols = Arrays.stream(names).mapToInt(n -> curve.attribute(n).index()).toArray();
            for (int i = 0; i < curve.numInstances(); i++) {
                StringBuilder line = new StringBuilder(ModelMetrics.csv(data.classAttribute().value(c)));
                for (int col : cols) {
                    line.append(',').append(ModelMetrics.number(curve.instance(i).value(col)));
                }
                w.write(line.append('\n').toString());
            }
        }
    }

    private static double time(String what, int runs, Work work, double reference) throws Exception {
        for (int w = 0; w < 3; w++) {
            work.run();
        }
        double[] ms = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            work.run();
            ms[r] = (THREADS.getCurrentThreadCpuTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        double median = ms[runs / 2];
        System.out.printf(Locale.ROOT, "%-42s %8.1f ms CPU (median of %d, quartiles %.1f-%.1f)%s%n", what, median,
                runs, ms[runs / 4], ms[(3 * runs) / 4],
                reference > 0 ? String.format(Locale.ROOT, ", %5.1f%% of raw", 100 * median / reference) : "");
        return median;
    }
}
