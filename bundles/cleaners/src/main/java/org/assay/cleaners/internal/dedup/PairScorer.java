package org.assay.cleaners.internal.dedup;

import java.util.List;

/**
 * The weighted score of a pair of rows: the mean of the field similarities weighted by the
 * fields' weights, over the fields both rows have. Swappable field pairs also score crossed
 * (a's first name against b's last name) and the better way counts. Used by one thread.
 */
final class PairScorer {

    /** The share of the total weight both rows must have values for before a pair may be a match. */
    static final double MIN_EVIDENCE = 0.5;
    /** A field "agreed" in the pair tables when its similarity is at least this. */
    static final double AGREES = 0.9;

    private final MatchIndex index;
    private final int[][] swaps;
    private final double totalWeight;
    final double[] similarity;
    /** The weight of the fields the last pair scored had on both sides. */
    double evidence;

    PairScorer(MatchIndex index, List<int[]> swaps) {
        this.index = index;
        this.swaps = swaps.toArray(new int[0][]);
        this.totalWeight = index.rules.stream().mapToDouble(FieldRule::weight).sum();
        this.similarity = new double[index.rules.size()];
    }

    /** The score of rows a and b; {@link #similarity} holds each field's (NaN: missing on a side). */
    double score(int a, int b) {
        List<FieldRule> rules = index.rules;
        for (int f = 0; f < rules.size(); f++) {
            similarity[f] = field(f, a, b, f);
        }
        for (int[] s : swaps) {
            double crossed1 = field(s[0], a, b, s[1]);
            double crossed2 = field(s[1], a, b, s[0]);
            if (Double.isNaN(crossed1) || Double.isNaN(crossed2)
                    || Double.isNaN(similarity[s[0]]) || Double.isNaN(similarity[s[1]])) {
                continue;
            }
            double w0 = rules.get(s[0]).weight();
            double w1 = rules.get(s[1]).weight();
            if (w0 * crossed1 + w1 * crossed2 > w0 * similarity[s[0]] + w1 * similarity[s[1]]) {
                similarity[s[0]] = crossed1;
                similarity[s[1]] = crossed2;
            }
        }
        double sum = 0;
        double weight = 0;
        for (int f = 0; f < rules.size(); f++) {
            if (!Double.isNaN(similarity[f])) {
                sum += rules.get(f).weight() * similarity[f];
                weight += rules.get(f).weight();
            }
        }
        evidence = weight;
        return weight == 0 ? 0 : sum / weight;
    }

    /** Whether the last pair scored had values for enough of the weight to be a match. */
    boolean enoughEvidence() {
        return evidence >= MIN_EVIDENCE * totalWeight;
    }

    /** Field fa of row a against field fb of row b, with fa's comparator; NaN when either is missing. */
    private double field(int fa, int a, int b, int fb) {
        FieldRule rule = index.rules.get(fa);
        if (rule.comparator().numeric()) {
            double x = index.numbers[fa][a];
            double y = index.numbers[fb][b];
            return Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : rule.comparator().number(x, y, rule.range());
        }
        String x = index.texts[fa][a];
        String y = index.texts[fb][b];
        return x == null || y == null ? Double.NaN : rule.comparator().text(x, y);
    }

    /** The fields that agreed in the last pair scored, joined by ';'. */
    String agreed() {
        StringBuilder b = new StringBuilder();
        for (int f = 0; f < similarity.length; f++) {
            if (similarity[f] >= AGREES) {
                b.append(b.length() == 0 ? "" : ";").append(index.rules.get(f).column());
            }
        }
        return b.toString();
    }
}
