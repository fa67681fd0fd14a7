package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import weka.classifiers.Classifier;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Why a row got its score: for each feature, how much the score moves when that feature's
 * value is replaced by the typical training value (mean of a numeric column, most frequent
 * value of a nominal one), the rest of the row unchanged. A positive contribution means the
 * row's own value pushes the score up.
 *
 * <p>Chosen over per-model methods (a tree's path, a linear model's coefficient &times; value)
 * because it works the same for every Weka classifier, forests, SVMs, nearest neighbours and
 * meta schemes included, speaks in the model's own output (a probability, or the predicted
 * value of a regression) that a marketer can read as "+0.21", and is deterministic: no
 * sampling, so the same row always gets the same reasons. For a logistic model it is the
 * coefficient &times; (value &minus; mean) effect seen through the sigmoid. It costs one extra
 * prediction per feature and row, and like every one-at-a-time method it does not split an
 * effect two features only have together.
 *
 * <p>The score explained is the probability of the positive class for a two-class target
 * (the churn probability, whatever the prediction), the probability of the predicted class
 * for more classes, and the predicted value for a regression. Not thread-safe.
 */
final class PerturbationExplainer {

    /** A contribution smaller than this is noise, not a reason. */
    private static final double NEGLIGIBLE = 1e-4;

    private final Classifier classifier;
    private final Instances header;
    private final double[] baselines;
    private final int positive;

    /**
     * @param baselines attribute name to its typical value as text (model properties
     *                  {@code baseline.<name>}); attributes without one are not explained
     * @param positive  the class whose probability is explained; -1 for the predicted class
     */
    PerturbationExplainer(Classifier classifier, Instances header, Map<String, String> baselines, int positive) {
        this.classifier = classifier;
        this.header = header;
        this.positive = positive;
        this.baselines = new double[header.numAttributes()];
        for (int j = 0; j < header.numAttributes(); j++) {
            Attribute a = header.attribute(j);
            String text = baselines.get(a.name());
            double v = Double.NaN;
            if (text != null && j != header.classIndex()) {
                if (a.isNominal()) {
                    int i = a.indexOfValue(text);
                    v = i < 0 ? Double.NaN : i;
                } else {
                    try {
                        v = Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        v = Double.NaN;
                    }
                }
            }
            this.baselines[j] = v;
        }
    }

    /** One reason: the feature, the row's value and its contribution. */
    record Reason(String feature, String value, double contribution) {
        String text() {
            return feature + " " + value + ": " + String.format(Locale.ROOT, "%+.2f", contribution);
        }
    }

    /**
     * The top {@code k} reasons for the row's score, largest effect first; fewer when fewer
     * features matter.
     *
     * @param score the row's score as {@link #score} gives it
     */
    List<Reason> explain(Instance row, double score, int k) throws Exception {
        List<Reason> reasons = new ArrayList<>();
        if (Double.isNaN(score)) {
            return reasons;
        }
        int explained = explainedClass(row);
        for (int j = 0; j < header.numAttributes(); j++) {
            if (j == header.classIndex() || Double.isNaN(baselines[j]) || row.isMissing(j)
                    || row.value(j) == baselines[j]) {
                continue;
            }
            Instance changed = (Instance) row.copy();
            changed.setValue(j, baselines[j]);
            double without = score(changed, explained);
            double contribution = score - without;
            if (!Double.isNaN(contribution) && Math.abs(contribution) >= NEGLIGIBLE) {
                Attribute a = header.attribute(j);
                String value = a.isNominal() ? row.stringValue(j) : shown(row.value(j));
                reasons.add(new Reason(a.name(), value, contribution));
            }
        }
        reasons.sort(Comparator.comparingDouble((Reason r) -> -Math.abs(r.contribution())));
        return reasons.size() > k ? reasons.subList(0, k) : reasons;
    }

    /** A value as a marketer reads it: whole numbers plain, others to two decimals. */
    static String shown(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** The class whose probability is explained for this row; -1 for a regression. */
    int explainedClass(Instance row) throws Exception {
        if (!header.classAttribute().isNominal()) {
            return -1;
        }
        if (positive >= 0) {
            return positive;
        }
        double[] dist = classifier.distributionForInstance(row);
        int best = 0;
        for (int c = 1; c < dist.length; c++) {
            best = dist[c] > dist[best] ? c : best;
        }
        return best;
    }

    /** The explained score of a row: the class's probability, or the predicted value. */
    double score(Instance row, int explainedClass) throws Exception {
        return explainedClass < 0 ? classifier.classifyInstance(row)
                : classifier.distributionForInstance(row)[explainedClass];
    }
}
