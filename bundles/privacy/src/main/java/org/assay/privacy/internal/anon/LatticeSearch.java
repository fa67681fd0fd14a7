package org.assay.privacy.internal.anon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Finds the node of the generalisation lattice with the least information loss that is
 * k-anonymous (and distinct l-diverse) with at most the allowed suppression. Exact, in two
 * phases:
 *
 * <ol>
 * <li><b>Anonymity</b>, as ARX's Flash does: k-anonymity and distinct l-diversity with
 *     suppression are monotone (generalising merges classes, so the rows in failing classes
 *     can only become fewer). Starting from the lowest node not yet known, a path climbs
 *     through unknown nodes to the top; a binary search on it checks nodes, and each check
 *     tags its whole up-set anonymous or its whole down-set not anonymous (predictive tagging).
 *     When no node is unknown, every node's status is known from few checks.</li>
 * <li><b>Loss</b>, branch and bound: with suppression the loss is not monotone (a coarser node
 *     may suppress fewer rows and lose less), so the optimum need not be a minimal anonymous
 *     node (which is all that OLA and Flash return). But a node's loss is at least its loss
 *     with nothing suppressed, which is a sum over columns known before any grouping and a
 *     lower bound for every node above it too. Anonymous nodes are evaluated in order of that
 *     bound until it reaches the best loss found: the rest cannot beat it.</li>
 * </ol>
 *
 * Ties in loss go to the lower node, then the first in lattice order, as the brute force in the
 * tests does. Not thread-safe: one per search.
 */
final class LatticeSearch {

    /** Larger lattices are refused with advice: their tagging arrays alone would not fit. */
    static final long MAX_NODES = 20_000_000;

    private static final byte UNKNOWN = 0;
    private static final byte ANONYMOUS = 1;
    private static final byte NOT_ANONYMOUS = 2;

    /** What the search found and what it took. */
    record Result(Evaluation best, long latticeSize, int checked, int anonymousNodes) { }

    private final QiTable table;
    private final NodeEvaluator evaluator;
    private final int q;
    private final int[] heights;
    private final long[] strides;
    private final int size;
    private final byte[] status;
    private final double[][] columnLoss;
    private final Map<Integer, Evaluation> evaluated = new HashMap<>();
    private final BooleanSupplier cancelled;

    LatticeSearch(QiTable table, int k, int l, long maxSuppressed, BooleanSupplier cancelled) {
        this.table = table;
        this.q = table.columns();
        this.cancelled = cancelled;
        heights = new int[q];
        strides = new long[q];
        long n = 1;
        for (int c = q - 1; c >= 0; c--) {
            heights[c] = table.height(c);
            strides[c] = n;
            n *= heights[c] + 1;
            if (n > MAX_NODES) {
                throw new IllegalArgumentException("the lattice of generalisation levels has more than " + MAX_NODES
                        + " nodes; give fewer quasi-identifiers or hierarchies with fewer levels");
            }
        }
        size = (int) n;
        status = new byte[size];
        evaluator = new NodeEvaluator(table, k, l, maxSuppressed);
        columnLoss = new double[q][];
        for (int c = 0; c < q; c++) {
            columnLoss[c] = new double[heights[c] + 1];
            for (int lev = 0; lev <= heights[c]; lev++) {
                double sum = 0;
                for (int t = 0; t < table.tupleCount(); t++) {
                    sum += table.count[t] * table.cost[c][lev][table.tuples[c][t]];
                }
                columnLoss[c][lev] = sum;
            }
        }
    }

    long latticeSize() {
        return size;
    }

    Result run() {
        classify();
        int anonymous = 0;
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (status[i] == ANONYMOUS) {
                anonymous++;
                candidates.add(i);
            }
        }
        double[] bound = new double[size];
        for (int i : candidates) {
            bound[i] = lowerBound(levels(i));
        }
        candidates.sort(Comparator.<Integer>comparingDouble(i -> bound[i]).thenComparingInt(this::height)
                .thenComparingInt(i -> i));
        Evaluation best = null;
        int bestNode = -1;
        for (int i : candidates) {
            if (best != null && bound[i] > best.loss() + 1e-12) {
                break;
            }
            Evaluation e = evaluate(i);
            if (best == null || better(e, i, best, bestNode)) {
                best = e;
                bestNode = i;
            }
        }
        if (best == null) {
            return new Result(null, size, evaluated.size(), 0);
        }
        Evaluation withRows = evaluator.evaluate(best.levels(), true);
        return new Result(withRows, size, evaluated.size(), anonymous);
    }

    private boolean better(Evaluation e, int node, Evaluation best, int bestNode) {
        if (e.loss() < best.loss() - 1e-12) {
            return true;
        }
        if (e.loss() > best.loss() + 1e-12) {
            return false;
        }
        int h = height(node);
        int hb = height(bestNode);
        return h < hb || (h == hb && node < bestNode);
    }

    /** Phase 1: every node tagged anonymous or not, by binary searches on climbing paths. */
    private void classify() {
        int[] byHeight = nodesByHeight();
        for (int start : byHeight) {
            if (status[start] != UNKNOWN) {
                continue;
            }
            List<Integer> path = climb(start);
            int lo = 0;
            int hi = path.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int node = path.get(mid);
                if (status[node] == UNKNOWN) {
                    if (evaluate(node).anonymous()) {
                        tag(node, ANONYMOUS);
                    } else {
                        tag(node, NOT_ANONYMOUS);
                    }
                }
                if (status[node] == ANONYMOUS) {
                    hi = mid - 1;
                } else {
                    lo = mid + 1;
                }
            }
        }
    }

    /** From {@code start} upwards through unknown nodes, each step to the successor with the least bound. */
    private List<Integer> climb(int start) {
        List<Integer> path = new ArrayList<>();
        int node = start;
        while (node >= 0) {
            path.add(node);
            int[] lv = levels(node);
            int next = -1;
            double nextBound = Double.POSITIVE_INFINITY;
            for (int c = 0; c < q; c++) {
                if (lv[c] < heights[c]) {
                    int s = (int) (node + strides[c]);
                    if (status[s] == UNKNOWN) {
                        lv[c]++;
                        double b = lowerBound(lv);
                        lv[c]--;
                        if (b < nextBound) {
                            nextBound = b;
                            next = s;
                        }
                    }
                }
            }
            node = next;
        }
        return path;
    }

    /** Tags the node and its up-set (anonymous) or down-set (not anonymous); stops at nodes already tagged. */
    private void tag(int node, byte value) {
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        stack.push(node);
        status[node] = value;
        while (!stack.isEmpty()) {
            int n = stack.pop();
            int[] lv = levels(n);
            for (int c = 0; c < q; c++) {
                boolean can = value == ANONYMOUS ? lv[c] < heights[c] : lv[c] > 0;
                if (can) {
                    int m = (int) (value == ANONYMOUS ? n + strides[c] : n - strides[c]);
                    if (status[m] != value) {
                        status[m] = value;
                        stack.push(m);
                    }
                }
            }
        }
    }

    private Evaluation evaluate(int node) {
        Evaluation e = evaluated.get(node);
        if (e == null) {
            if (cancelled.getAsBoolean()) {
                throw new org.assay.api.step.StepCancelledException("k-anonymize was cancelled");
            }
            e = evaluator.evaluate(levels(node), false);
            evaluated.put(node, e);
        }
        return e;
    }

    /** The loss with nothing suppressed: a lower bound for the node and every node above it. */
    private double lowerBound(int[] lv) {
        double sum = 0;
        for (int c = 0; c < q; c++) {
            sum += columnLoss[c][lv[c]];
        }
        return table.rows == 0 ? 0 : sum / ((double) table.rows * q);
    }

    int[] levels(int node) {
        int[] lv = new int[q];
        long rest = node;
        for (int c = 0; c < q; c++) {
            lv[c] = (int) (rest / strides[c]);
            rest %= strides[c];
        }
        return lv;
    }

    int node(int[] lv) {
        long n = 0;
        for (int c = 0; c < q; c++) {
            n += lv[c] * strides[c];
        }
        return (int) n;
    }

    int height(int node) {
        return Arrays.stream(levels(node)).sum();
    }

    private int[] nodesByHeight() {
        int max = Arrays.stream(heights).sum();
        int[] countAt = new int[max + 2];
        int[] h = new int[size];
        for (int i = 0; i < size; i++) {
            h[i] = height(i);
            countAt[h[i] + 1]++;
        }
        for (int i = 1; i < countAt.length; i++) {
            countAt[i] += countAt[i - 1];
        }
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[countAt[h[i]]++] = i;
        }
        return out;
    }
}
