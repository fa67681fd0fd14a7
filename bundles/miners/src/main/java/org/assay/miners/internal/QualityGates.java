package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quality gates: bounds on headline metrics ({@code "auc": ">= 0.80"}) that fail the run when
 * missed. The syntax is one comparison and one number so the same gates can later bound data
 * quality and privacy figures; the metric names are those of {@link ModelMetrics}.
 */
final class QualityGates {

    /** Metrics a gate or the champion comparison may name. */
    static final Set<String> CLASSIFICATION = Set.of("accuracy", "kappa", "precision", "recall", "f1", "auc",
            "pr_auc", "weighted_precision", "weighted_recall", "weighted_f1", "weighted_auc", "weighted_pr_auc",
            "threshold_precision", "threshold_recall", "threshold_f1", "threshold_accuracy");
    static final Set<String> REGRESSION = Set.of("mae", "rmse", "r2", "correlation");
    /** Lower is better for these; higher for every other metric. */
    private static final Set<String> ERRORS = Set.of("mae", "rmse");
    static final String METRICS = "accuracy, kappa, precision, recall, f1, auc, pr_auc, weighted_precision,"
            + " weighted_recall, weighted_f1, weighted_auc, weighted_pr_auc, threshold_precision, threshold_recall, threshold_f1,"
            + " threshold_accuracy (classification, the threshold_ ones at the chosen threshold); mae, rmse, r2,"
            + " correlation (regression)";
    private static final Pattern BOUND = Pattern.compile("\\s*(>=|<=|>|<)\\s*([-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?)\\s*");

    private QualityGates() {
    }

    static boolean isMetric(String name) {
        return CLASSIFICATION.contains(name) || REGRESSION.contains(name);
    }

    /** Whether a larger value of the metric is better (false for errors such as rmse). */
    static boolean higherIsBetter(String metric) {
        return !ERRORS.contains(metric);
    }

    /** One bound: {@code metric op value}. */
    record Gate(String metric, String op, double bound) {

        /** @throws IllegalArgumentException with a message for the user */
        static Gate parse(String metric, String text) {
            if (!isMetric(metric)) {
                throw new IllegalArgumentException("'" + metric + "' is not a metric; gate one of " + METRICS + ".");
            }
            Matcher m = BOUND.matcher(text == null ? "" : text);
            if (!m.matches()) {
                throw new IllegalArgumentException("the gate for " + metric + " is '" + text + "'; write a comparison"
                        + " and a number, e.g. \">= 0.80\" (also <=, >, <).");
            }
            return new Gate(metric, m.group(1), Double.parseDouble(m.group(2)));
        }

        boolean passes(double value) {
            return switch (op) {
                case ">=" -> value >= bound;
                case "<=" -> value <= bound;
                case ">" -> value > bound;
                default -> value < bound;
            };
        }

        @Override
        public String toString() {
            return metric + " " + op + " " + format(bound);
        }
    }

    /** Parses every gate, in metric order so messages are stable. */
    static List<Gate> parse(Map<String, String> gates) {
        List<Gate> out = new ArrayList<>();
        new TreeMap<>(gates).forEach((metric, text) -> out.add(Gate.parse(metric, text)));
        return out;
    }

    /**
     * The gates the figures miss, each as a sentence; empty when all pass.
     *
     * @param figures  headline metric name to value
     * @param measured how the figures were measured, for the message ("10-fold cross-validation")
     */
    static List<String> failures(List<Gate> gates, Map<String, Double> figures, String measured) {
        List<String> failed = new ArrayList<>();
        for (Gate g : gates) {
            Double value = figures.get(g.metric());
            if (value == null) {
                failed.add("gate " + g + ": this model has no " + g.metric() + " (it is a "
                        + (figures.containsKey("rmse") ? "regression; gate mae, rmse, r2 or correlation"
                                : "classification; gate accuracy, auc, f1, ...") + ")");
            } else if (value.isNaN()) {
                failed.add("gate " + g + ": " + g.metric() + " could not be computed on the " + measured
                        + " (a class with no rows?)");
            } else if (!g.passes(value)) {
                failed.add("gate " + g + " missed: " + g.metric() + " was " + format(value) + " on the " + measured);
            }
        }
        return failed;
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
