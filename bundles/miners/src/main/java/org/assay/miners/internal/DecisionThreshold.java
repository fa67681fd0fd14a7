package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.List;
import weka.classifiers.evaluation.NominalPrediction;
import weka.classifiers.evaluation.Prediction;

/**
 * A probability cut for the positive class of a two-class target, chosen on the evaluation's
 * held-out predictions, and the confusion counts at that cut. A row is predicted positive when
 * its positive-class probability is at least the cut: the same rule as Weka's
 * {@code ThresholdCurve}, whose points are these candidate cuts.
 */
record DecisionThreshold(double cut, double tp, double fp, double fn, double tn) {

    /** The model property weka-score reads the cut from. */
    static final String PROPERTY = "threshold";

    double precision() {
        return tp + fp == 0 ? Double.NaN : tp / (tp + fp);
    }

    double recall() {
        return tp + fn == 0 ? Double.NaN : tp / (tp + fn);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? Double.NaN : 2 * p * r / (p + r);
    }

    double accuracy() {
        double n = tp + fp + fn + tn;
        return n == 0 ? Double.NaN : (tp + tn) / n;
    }

    /**
     * The cut the choice asks for, or null for {@link ThresholdChoice#MOST_PROBABLE} or when the
     * predictions carry no positive-class probabilities.
     *
     * @param minRecall the recall to reach, for {@link ThresholdChoice#RECALL}
     */
    static DecisionThreshold choose(List<Prediction> predictions, int positive, ThresholdChoice choice,
            double minRecall) {
        if (choice == ThresholdChoice.MOST_PROBABLE) {
            return null;
        }
        List<double[]> scored = new ArrayList<>(predictions.size());
        double positives = 0;
        double negatives = 0;
        for (Prediction p : predictions) {
            if (!(p instanceof NominalPrediction np) || Double.isNaN(p.actual()) || np.distribution().length <= positive
                    || Double.isNaN(np.distribution()[positive])) {
                continue;
            }
            boolean isPositive = (int) p.actual() == positive;
            scored.add(new double[] {np.distribution()[positive], isPositive ? 1 : 0, p.weight()});
            if (isPositive) {
                positives += p.weight();
            } else {
                negatives += p.weight();
            }
        }
        if (scored.isEmpty() || positives == 0) {
            return null;
        }
        // Highest probability first: lowering the cut past each distinct value adds its rows as positives.
        scored.sort((a, b) -> Double.compare(b[0], a[0]));
        DecisionThreshold best = null;
        double tp = 0;
        double fp = 0;
        for (int i = 0; i < scored.size(); i++) {
            double[] s = scored.get(i);
            if (s[1] == 1) {
                tp += s[2];
            } else {
                fp += s[2];
            }
            if (i + 1 < scored.size() && scored.get(i + 1)[0] == s[0]) {
                continue;
            }
            DecisionThreshold t = new DecisionThreshold(s[0], tp, fp, positives - tp, negatives - fp);
            if (choice == ThresholdChoice.RECALL) {
                if (t.recall() >= minRecall) {
                    // The first cut (from the top) that reaches the recall is the highest, the most precise.
                    return t;
                }
            } else if (best == null || better(t.f1(), best.f1())) {
                best = t;
            }
        }
        return best;
    }

    private static boolean better(double f1, double bestF1) {
        return !Double.isNaN(f1) && (Double.isNaN(bestF1) || f1 > bestF1);
    }
}
