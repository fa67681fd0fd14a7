package org.assay.cleaners.internal.outliers;

import java.util.List;
import java.util.Random;

/**
 * An isolation forest (Liu, Ting and Zhou, ICDM 2008): random axis-parallel splits isolate a
 * rare combination of values in few steps, an ordinary one in many. Each tree is grown on a
 * subsample of {@link #SUBSAMPLE} rows to depth log2 of it; a row's score is
 * {@code 2^(-mean path length / c(subsample))}, near 1 for anomalies and at most about 0.5 for
 * ordinary rows. Written here because Weka 3.8's core has no multivariate outlier method (its LOF
 * and isolation forest are separate packages, not served here). Immutable once built.
 */
final class IsolationForest {

    static final int SUBSAMPLE = 256;
    private static final double EULER = 0.5772156649015329;

    private final Tree[] trees;
    private final double normaliser;

    private record Tree(int[] attribute, double[] split, int[] left, int[] right, int[] size) {
    }

    private IsolationForest(Tree[] trees, int subsample) {
        this.trees = trees;
        this.normaliser = averagePath(subsample);
    }

    /** A forest over {@code sample} (rows of the chosen columns, no missing values). */
    static IsolationForest build(List<double[]> sample, int treeCount, long seed) {
        Random random = new Random(seed);
        int psi = Math.min(SUBSAMPLE, sample.size());
        int maxDepth = (int) Math.ceil(Math.log(Math.max(2, psi)) / Math.log(2));
        Tree[] trees = new Tree[treeCount];
        int[] pick = new int[sample.size()];
        for (int t = 0; t < treeCount; t++) {
            for (int i = 0; i < pick.length; i++) {
                pick[i] = i;
            }
            // A partial Fisher-Yates shuffle draws psi rows without replacement.
            double[][] rows = new double[psi][];
            for (int i = 0; i < psi; i++) {
                int j = i + random.nextInt(pick.length - i);
                int tmp = pick[i];
                pick[i] = pick[j];
                pick[j] = tmp;
                rows[i] = sample.get(pick[i]);
            }
            trees[t] = grow(rows, maxDepth, random);
        }
        return new IsolationForest(trees, psi);
    }

    private static Tree grow(double[][] rows, int maxDepth, Random random) {
        int capacity = 2 * rows.length + 1;
        int[] attribute = new int[capacity];
        double[] split = new double[capacity];
        int[] left = new int[capacity];
        int[] right = new int[capacity];
        int[] size = new int[capacity];
        int[] count = {0};
        node(rows, 0, rows.length, 0, maxDepth, random, attribute, split, left, right, size, count);
        return new Tree(attribute, split, left, right, size);
    }

    /** Grows the node over rows[from..to) and returns its index; a leaf has attribute -1. */
    private static int node(double[][] rows, int from, int to, int depth, int maxDepth, Random random, int[] attribute,
            double[] split, int[] left, int[] right, int[] size, int[] count) {
        int id = count[0]++;
        size[id] = to - from;
        attribute[id] = -1;
        if (to - from <= 1 || depth >= maxDepth) {
            return id;
        }
        int width = rows[from].length;
        // Try the attributes in a random order until one is not constant in this node.
        int start = random.nextInt(width);
        for (int k = 0; k < width; k++) {
            int a = (start + k) % width;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                min = Math.min(min, rows[i][a]);
                max = Math.max(max, rows[i][a]);
            }
            if (max > min) {
                double s = min + random.nextDouble() * (max - min);
                int mid = from;
                for (int i = from; i < to; i++) {
                    if (rows[i][a] < s) {
                        double[] t = rows[i];
                        rows[i] = rows[mid];
                        rows[mid++] = t;
                    }
                }
                attribute[id] = a;
                split[id] = s;
                left[id] = node(rows, from, mid, depth + 1, maxDepth, random, attribute, split, left, right, size,
                        count);
                right[id] = node(rows, mid, to, depth + 1, maxDepth, random, attribute, split, left, right, size,
                        count);
                return id;
            }
        }
        return id;
    }

    /** The anomaly score of a row, between 0 and 1. */
    double score(double[] row) {
        double total = 0;
        for (Tree t : trees) {
            int n = 0;
            int depth = 0;
            while (t.attribute[n] >= 0) {
                n = row[t.attribute[n]] < t.split[n] ? t.left[n] : t.right[n];
                depth++;
            }
            total += depth + averagePath(t.size[n]);
        }
        return Math.pow(2, -(total / trees.length) / normaliser);
    }

    /** c(n): the mean path length of an unsuccessful search in a binary search tree of n nodes. */
    static double averagePath(int n) {
        if (n <= 1) {
            return 0;
        }
        if (n == 2) {
            return 1;
        }
        return 2 * (Math.log(n - 1) + EULER) - 2.0 * (n - 1) / n;
    }
}
