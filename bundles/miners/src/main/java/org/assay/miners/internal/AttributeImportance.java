package org.assay.miners.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.StepContext;
import weka.attributeSelection.ASEvaluation;
import weka.attributeSelection.AttributeEvaluator;
import weka.attributeSelection.CorrelationAttributeEval;
import weka.attributeSelection.GainRatioAttributeEval;
import weka.attributeSelection.InfoGainAttributeEval;
import weka.core.ContingencyTables;
import weka.core.Instance;
import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.supervised.attribute.Discretize;

/**
 * Global attribute importance from Weka's attribute evaluators, independent of the chosen
 * classifier: information gain and gain ratio against a categorical target (numeric columns
 * discretised by Weka, as its Explorer does), absolute Pearson correlation against a numeric one.
 * Written as attribute-importance.csv, most important first.
 */
final class AttributeImportance {

    static final String FILE = "attribute-importance.csv";

    private AttributeImportance() {
    }

    record Row(String attribute, double first, double second) {
    }

    private static Instances discretized(Instances data) throws Exception {
        Discretize discretize = new Discretize();
        discretize.setUseBetterEncoding(true);
        discretize.setInputFormat(data);
        return Filter.useFilter(data, discretize);
    }

    /** The scores of every non-target attribute, in attribute order. */
    static List<Row> scores(Instances data) throws Exception {
        boolean nominal = data.classAttribute().isNominal();
        if (nominal) {
            // Both evaluators discretise numeric columns the same way (MDL, better encoding); doing
            // it once for both gives the same figures.
            Instances input = discretized(data);
            List<Row> rows = fromCounts(input);
            return rows != null ? rows : evaluated(input, new InfoGainAttributeEval(), new GainRatioAttributeEval());
        }
        return evaluated(data, new CorrelationAttributeEval(), null);
    }

    private static List<Row> evaluated(Instances input, ASEvaluation a, ASEvaluation b) throws Exception {
        a.buildEvaluator(input);
        if (b != null) {
            b.buildEvaluator(input);
        }
        List<Row> rows = new ArrayList<>();
        for (int j = 0; j < input.numAttributes(); j++) {
            if (j != input.classIndex()) {
                rows.add(new Row(input.attribute(j).name(), ((AttributeEvaluator) a).evaluateAttribute(j),
                        b == null ? Double.NaN : ((AttributeEvaluator) b).evaluateAttribute(j)));
            }
        }
        return rows;
    }

    /**
     * Information gain and gain ratio of every attribute of all-nominal {@code data} from one
     * pass that counts each attribute's value-by-class table; null when a value, the class or a
     * weight would take Weka's missing-value or weighted path, which {@link #evaluated} then
     * follows. Each of Weka's evaluators filters the (already nominal) data through Discretize
     * again, copying every row, and gain ratio counts once per attribute; without missing
     * values and with unit weights their tables hold the same whole numbers as these, and the
     * figures come from the same {@link ContingencyTables} calls on tables of the same shape,
     * so they are bit for bit Weka's.
     */
    private static List<Row> fromCounts(Instances data) {
        int classIndex = data.classIndex();
        int classes = data.classAttribute().numValues();
        int attributes = data.numAttributes();
        double[][][] counts = new double[attributes][][];
        for (int k = 0; k < attributes; k++) {
            if (k != classIndex) {
                if (!data.attribute(k).isNominal()) {
                    return null;
                }
                counts[k] = new double[data.attribute(k).numValues()][classes];
            }
        }
        for (int i = 0; i < data.numInstances(); i++) {
            Instance inst = data.instance(i);
            if (inst.weight() != 1.0 || inst.classIsMissing() || inst.hasMissingValue()) {
                return null;
            }
            int c = (int) inst.classValue();
            for (int k = 0; k < attributes; k++) {
                if (k != classIndex) {
                    counts[k][(int) inst.value(k)][c]++;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < attributes; k++) {
            if (k == classIndex) {
                continue;
            }
            double[][] table = counts[k];
            // InfoGainAttributeEval: the merged table (values x classes) it keeps after spreading no missing counts.
            double gain = ContingencyTables.entropyOverColumns(table) - ContingencyTables.entropyConditionedOnRows(table);
            // GainRatioAttributeEval: its table has a row and a column more for missing values, here empty.
            double[][] withMissing = new double[table.length + 1][classes + 1];
            for (int v = 0; v < table.length; v++) {
                System.arraycopy(table[v], 0, withMissing[v], 0, classes);
            }
            rows.add(new Row(data.attribute(k).name(), gain, ContingencyTables.gainRatio(withMissing)));
        }
        return rows;
    }

    /**
     * Starts the scores on a thread of their own, so they cost no time next to the evaluation
     * and the final model on a machine with a spare core. The evaluator reads its own copy of
     * the dataset (the instances' values are shared copy-on-write, so the copy is cheap and
     * nothing the classifier does to its data reaches it).
     */
    static FutureTask<List<Row>> start(Instances data) {
        Instances copy = new Instances(data);
        FutureTask<List<Row>> task = new FutureTask<>(() -> scores(copy));
        Thread t = new Thread(task, "weka-classify-importance");
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** The rows of the importance output: attribute, then information_gain and gain_ratio, or correlation. */
    static Schema schema(boolean nominalTarget) {
        return nominalTarget
                ? Schema.of(Field.of("attribute", FieldType.CATEGORICAL),
                        Field.of("information_gain", FieldType.DECIMAL), Field.of("gain_ratio", FieldType.DECIMAL))
                : Schema.of(Field.of("attribute", FieldType.CATEGORICAL), Field.of("correlation", FieldType.DECIMAL));
    }

    /**
     * Writes attribute-importance.csv, most important first, and returns its rows for the
     * importance output; empty (logged) when the scores failed.
     */
    static List<Row> write(StepContext context, Instances data, FutureTask<List<Row>> scores) throws IOException,
            InterruptedException {
        boolean nominal = data.classAttribute().isNominal();
        List<Row> rows;
        try {
            rows = new ArrayList<>(scores.get());
        } catch (ExecutionException e) {
            // Importance is a side table: a model without it is still a model.
            context.log().warn("weka-classify: no attribute importance: {}", ClustererSetup.message(
                    e.getCause() instanceof Exception cause ? cause : e));
            return List.of();
        }
        rows.sort(Comparator.comparingDouble((Row r) -> -Math.abs(r.first())));
        Path file = context.artifactDir().resolve(FILE);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(nominal ? "attribute,information_gain,gain_ratio\n" : "attribute,correlation\n");
            for (Row r : rows) {
                w.write(ModelMetrics.csv(r.attribute()) + "," + ModelMetrics.number(r.first())
                        + (nominal ? "," + ModelMetrics.number(r.second()) : "") + "\n");
            }
        }
        context.addArtifact(file, ArtifactKind.TABLE, "Attribute importance ("
                + (nominal ? "information gain, gain ratio" : "correlation with the target") + ")");
        return rows;
    }

    /** The rows on the importance output (for bar-chart), in the order of the file; the row count. */
    static long output(BatchSink sink, boolean nominalTarget, List<Row> rows) throws IOException {
        Schema schema = schema(nominalTarget);
        BatchBuilder b = new BatchBuilder(schema);
        for (Row r : rows) {
            b.setString(0, r.attribute());
            b.set(1, Double.isNaN(r.first()) ? null : r.first());
            if (nominalTarget) {
                b.set(2, Double.isNaN(r.second()) ? null : r.second());
            }
            b.endRow();
            if (b.isFull()) {
                sink.write(b.build());
                b = new BatchBuilder(schema);
            }
        }
        sink.write(b.build());
        return rows.size();
    }
}
