package org.assay.cleaners.internal.dedup;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.assay.api.step.StepContext;

/**
 * Picks the candidate pairs from the blocking keys and links those that score at least the
 * threshold. Work is bounded by the blocks: a block is compared pair by pair up to
 * maxBlockSize rows and by a sliding window beyond, so one common key value (a postcode
 * everybody shares) cannot make the step quadratic. Pairs already in one cluster are skipped.
 */
final class PairFinder {

    /** Told about each pair at or above the review threshold. */
    interface Listener {
        void pair(int a, int b, double score, boolean match, String agreed) throws IOException;
    }

    private final MatchIndex index;
    private final PairScorer scorer;
    private final UnionFind clusters;
    private final DedupParameters params;
    private final double review;
    private final Listener listener;
    /** Per key, the values whose block was too large to compare pair by pair. */
    private final Set<String>[] oversized;
    long compared;
    long oversizedBlocks;

    @SuppressWarnings("unchecked")
    PairFinder(MatchIndex index, PairScorer scorer, UnionFind clusters, DedupParameters params, Listener listener) {
        this.index = index;
        this.scorer = scorer;
        this.clusters = clusters;
        this.params = params;
        this.review = params.reviewThreshold().orElse(params.threshold());
        this.listener = listener;
        this.oversized = new Set[index.keys.size()];
    }

    void run(StepContext ctx) throws IOException {
        int n = index.size();
        for (int k = 0; k < index.keys.size(); k++) {
            oversized[k] = new HashSet<>();
            String[] values = index.blockValues[k];
            Integer[] order = sortedBy(values, n);
            if (params.method() == BlockingMethod.SORTED_NEIGHBOURHOOD) {
                window(order, 0, order.length, k);
            } else {
                blocks(order, values, k);
            }
            ctx.checkCancelled();
            ctx.progress(0.1 + 0.3 * (k + 1) / index.keys.size());
        }
    }

    /** The rows that have a value for the key, sorted by it (ties in row order: the sort is stable). */
    private static Integer[] sortedBy(String[] values, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (values[i] != null) {
                count++;
            }
        }
        Integer[] order = new Integer[count];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (values[i] != null) {
                order[j++] = i;
            }
        }
        Arrays.sort(order, (a, b) -> values[a].compareTo(values[b]));
        return order;
    }

    private void blocks(Integer[] order, String[] values, int k) throws IOException {
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            while (end < order.length && values[order[end]].equals(values[order[start]])) {
                end++;
            }
            if (end - start > params.maxBlockSize()) {
                oversized[k].add(values[order[start]]);
                oversizedBlocks++;
                Integer[] block = Arrays.copyOfRange(order, start, end);
                Arrays.sort(block, this::byComparedFields);
                window(block, 0, block.length, k);
            } else {
                for (int i = start; i < end; i++) {
                    for (int j = i + 1; j < end; j++) {
                        consider(order[i], order[j], k, true);
                    }
                }
            }
            start = end;
        }
    }

    private void window(Integer[] order, int from, int to, int k) throws IOException {
        int w = params.window();
        for (int i = from; i < to; i++) {
            for (int j = i + 1; j < Math.min(to, i + w); j++) {
                consider(order[i], order[j], k, false);
            }
        }
    }

    private void consider(int x, int y, int k, boolean inBlock) throws IOException {
        int a = Math.min(x, y);
        int b = Math.max(x, y);
        if (!index.candidates(a, b) || clusters.find(a) == clusters.find(b)
                || (inBlock && comparedByEarlierKey(a, b, k))) {
            return;
        }
        compared++;
        double score = scorer.score(a, b);
        if (score < review) {
            return;
        }
        boolean match = score >= params.threshold() && scorer.enoughEvidence();
        if (match) {
            clusters.union(a, b);
        }
        listener.pair(a, b, score, match, scorer.agreed());
    }

    /** Whether an earlier key put both rows in one block it compared pair by pair. */
    private boolean comparedByEarlierKey(int a, int b, int k) {
        for (int j = 0; j < k; j++) {
            String v = index.blockValues[j][a];
            if (v != null && v.equals(index.blockValues[j][b]) && !oversized[j].contains(v)
                    && params.method() == BlockingMethod.BLOCKS) {
                return true;
            }
        }
        return false;
    }

    /** Orders an oversized block so rows with similar compared fields are neighbours. */
    private int byComparedFields(Integer a, Integer b) {
        for (int f = 0; f < index.rules.size(); f++) {
            int c;
            if (index.texts[f] != null) {
                String x = index.texts[f][a];
                String y = index.texts[f][b];
                c = x == null ? (y == null ? 0 : 1) : y == null ? -1 : x.compareTo(y);
            } else {
                c = Double.compare(index.numbers[f][a], index.numbers[f][b]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a, b);
    }
}
