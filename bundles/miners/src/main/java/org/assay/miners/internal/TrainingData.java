package org.assay.miners.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.assay.api.model.TrainedModel;
import org.assay.api.step.StepFailure;
import weka.classifiers.Classifier;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * What {@code weka-classify} checks about its training rows before any model is built, and
 * how it describes them: in the summary, and in the model's properties (target, task, metrics
 * and the per-column baselines the explanations of {@code weka-score} start from).
 */
final class TrainingData {

    /** Model property prefix: a column's training mean (numeric) or most frequent value (nominal). */
    static final String BASELINE = "baseline.";
    static final String METRIC = "metric.";

    private TrainingData() {
    }

    /**
     * Checks a nominal target has at least two classes with rows.
     *
     * @return the index of the positive class: the named one, else for a two-class target the
     *         rarer class (the later one on a tie); -1 for a regression or more than two classes
     */
    static int check(Instances data, PredictorColumns columns, Optional<String> positiveClass) throws StepFailure {
        Attribute cls = data.classAttribute();
        if (!cls.isNominal()) {
            if (positiveClass.isPresent()) {
                throw new StepFailure("positiveClass: the target '" + cls.name() + "' is numeric (a regression), which"
                        + " has no classes; leave positiveClass out.");
            }
            return -1;
        }
        int[] counts = data.attributeStats(data.classIndex()).nominalCounts;
        int present = 0;
        for (int n : counts) {
            present += n > 0 ? 1 : 0;
        }
        if (present < 2) {
            throw new StepFailure("target: '" + cls.name() + "' has " + (present == 0 ? "no values" : "only the value '"
                    + cls.value(indexOfMax(counts)) + "'") + " in the " + data.numInstances() + " rows; a model needs"
                    + " rows of at least two classes to tell them apart.");
        }
        if (positiveClass.isPresent()) {
            int i = cls.indexOfValue(positiveClass.get());
            if (i < 0) {
                throw new StepFailure("positiveClass: '" + positiveClass.get() + "' is not a value of " + cls.name()
                        + "; its values are " + values(cls) + ".");
            }
            return i;
        }
        if (cls.numValues() != 2) {
            return -1;
        }
        return counts[0] < counts[1] ? 0 : 1;
    }

    private static int indexOfMax(int[] counts) {
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            best = counts[i] > counts[best] ? i : best;
        }
        return best;
    }

    static List<String> values(Attribute a) {
        return java.util.stream.IntStream.range(0, a.numValues()).mapToObj(a::value).toList();
    }

    /** The model's description on the model port and in the store. */
    static TrainedModel.Builder describe(TrainedModel.Builder b, ClassifyParameters p, PredictorColumns columns,
            Instances data, ModelMetrics metrics, int positive) {
        b.algorithm(ClassifierSetup.resolve(p.algorithm(), columns.target().nominal())).options(p.optionString())
                .trainedRows(data.numInstances())
                .property("target", columns.target().name())
                .property("task", columns.task())
                .property("measured", metrics.measured())
                .property("wekaVersion", weka.core.Version.VERSION);
        Attribute cls = data.classAttribute();
        if (cls.isNominal()) {
            b.property("classes", String.join(",", values(cls)));
            if (positive >= 0) {
                b.property("positiveClass", cls.value(positive));
            }
        }
        for (Map.Entry<String, Double> m : metrics.headline().entrySet()) {
            if (!m.getValue().isNaN()) {
                b.property(METRIC + m.getKey(), Double.toString(m.getValue()));
            }
        }
        for (int j = 0; j < data.numAttributes(); j++) {
            if (j == data.classIndex()) {
                continue;
            }
            Attribute a = data.attribute(j);
            double v = data.meanOrMode(j);
            if (a.isNominal()) {
                if (a.numValues() > 0) {
                    b.property(BASELINE + a.name(), a.value((int) v));
                }
            } else if (!Double.isNaN(v)) {
                b.property(BASELINE + a.name(), Double.toString(v));
            }
        }
        return b;
    }

    static String header(ClassifyParameters p, PredictorColumns columns, Instances data, String measured,
            List<String> warnings) {
        StringBuilder b = new StringBuilder();
        for (String w : warnings) {
            b.append("Warning: ").append(w).append('\n');
        }
        String algorithm = ClassifierSetup.resolve(p.algorithm(), columns.target().nominal());
        b.append("Algorithm: ").append(algorithm).append(p.optionString().isBlank() ? "" : " " + p.optionString())
                .append(p.algorithm().trim().equals(ClassifierSetup.AUTO) ? " (auto: chosen for a "
                        + columns.task() + ")" : "").append('\n');
        b.append("Task: ").append(columns.task()).append(" of ").append(columns.target().name()).append('\n');
        b.append("Features: ");
        for (int j = 0; j < data.numAttributes(); j++) {
            if (j != data.classIndex()) {
                Attribute a = data.attribute(j);
                b.append(j == 0 ? "" : ", ").append(a.name()).append(a.isNominal() ? " (nominal)" : " (numeric)");
            }
        }
        b.append('\n');
        if (!columns.leftOut().isEmpty()) {
            b.append("Left out (name a column in 'columns' to use it):\n");
            columns.leftOut().forEach(r -> b.append("  ").append(r).append('\n'));
        }
        b.append("Rows with a target: ").append(data.numInstances()).append('\n');
        b.append("Evaluation: ").append(measured).append('\n');
        return b.toString();
    }

    static StepFailure buildFailure(Classifier model, Instances data, PredictorColumns columns, Exception e) {
        String shortName = model.getClass().getSimpleName();
        String m = ClustererSetup.message(e);
        String fix;
        if (m.contains("Cannot handle numeric class")) {
            fix = shortName + " predicts categories only, and the target '" + columns.target().name() + "' is numeric."
                    + " Use a regression algorithm (weka.classifiers.functions.LinearRegression,"
                    + " weka.classifiers.trees.M5P, weka.classifiers.trees.RandomForest), or make the target"
                    + " categorical.";
        } else if (m.contains("Cannot handle") && m.contains("class")) {
            fix = shortName + " predicts numbers only, and the target '" + columns.target().name() + "' is "
                    + "categorical. Use a classifier (weka.classifiers.trees.J48, weka.classifiers.functions.Logistic).";
        } else if (m.contains("Cannot handle")) {
            fix = "Leave the columns it cannot handle out of 'columns', or choose another 'algorithm'.";
        } else {
            fix = "Check 'options' against " + shortName + "'s documentation, or try Weka's defaults (empty"
                    + " 'options').";
        }
        return new StepFailure(String.format(Locale.ROOT, "algorithm: %s could not learn %s from %d rows: %s %s",
                shortName, columns.target().name(), data.numInstances(), ClustererSetup.sentence(e), fix), e);
    }
}
