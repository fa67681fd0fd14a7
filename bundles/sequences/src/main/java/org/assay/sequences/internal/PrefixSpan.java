package org.assay.sequences.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Frequent sequential patterns by PrefixSpan (Pei et al., 2001) with pseudo-projection: the
 * database projected on a prefix is, per sequence, the positions where an occurrence of the
 * prefix ends, so nothing is copied and memory stays at one projection per depth. The support of
 * a pattern is the number of sequences holding it as a subsequence (each counted once).
 *
 * <p>Constraints: {@code maxGap} bounds the time between consecutive events of an occurrence and
 * {@code window} the time from its first to its last event. Both are anti-monotone (an occurrence
 * of a pattern gives one of each prefix), so pruning stays exact; with either set, every end
 * position is kept (with the latest start that reaches it) instead of only the first.
 *
 * <p>{@code maxPatterns} turns the search into top-k mining: once that many patterns are known, the
 * minimum count rises to the k-th best count, which prunes exactly because a pattern's
 * extensions never have a higher count than the pattern.
 */
final class PrefixSpan {

    /** A pattern: item codes in order and the number of sequences that hold it. */
    record Found(int[] items, int count) {
    }

    interface Cancel {
        void check();
    }

    private final EventLog log;
    private final int maxLength;
    private final double maxGap;
    private final double window;
    private final int maxPatterns;
    private final boolean constrained;
    private final int[] rank;
    private final int[] byRank;
    private final List<Found> found = new ArrayList<>();
    private final PriorityQueue<Integer> best = new PriorityQueue<>();
    private final int[] shared;
    private final int[] stamp;
    private int stampNow;
    private int minCount;
    private long nodes;

    PrefixSpan(EventLog log, int minCount, int maxLength, double maxGap, double window, int maxPatterns) {
        this.log = log;
        this.minCount = Math.max(1, minCount);
        this.maxLength = maxLength;
        this.maxGap = maxGap;
        this.window = window;
        this.maxPatterns = maxPatterns;
        this.constrained = Double.isFinite(maxGap) || Double.isFinite(window);
        List<String> names = log.itemNames();
        Integer[] order = new Integer[names.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(names::get));
        rank = new int[order.length];
        byRank = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
            byRank[r] = order[r];
        }
        shared = new int[names.size()];
        stamp = new int[names.size()];
    }

    /** The patterns at or above the final minimum count, best first (count, then shorter, then by name). */
    List<Found> mine(Cancel cancel) {
        Projection all = new Projection();
        for (int s = 0; s < log.sequences(); s++) {
            if (log.end(s) > log.start(s)) {
                all.addSequence(s);
                all.addOccurrence(-1, log.start(s) - 1);
            }
        }
        grow(new int[0], all, cancel);
        int threshold = minCount;
        List<Found> result = new ArrayList<>(found.stream().filter(f -> f.count() >= threshold).toList());
        result.sort(Comparator.comparingInt(Found::count).reversed().thenComparingInt(f -> f.items().length)
                .thenComparing(this::text));
        return result.size() > maxPatterns ? new ArrayList<>(result.subList(0, maxPatterns)) : result;
    }

    /** The minimum count the search ended with (raised above the requested one by maxPatterns). */
    int minCount() {
        return minCount;
    }

    long nodes() {
        return nodes;
    }

    private String text(Found f) {
        StringBuilder b = new StringBuilder();
        for (int i : f.items()) {
            b.append(log.itemNames().get(i)).append('\u0000');
        }
        return b.toString();
    }

    private void grow(int[] prefix, Projection p, Cancel cancel) {
        if (prefix.length == maxLength) {
            return;
        }
        if ((++nodes & 1023) == 0) {
            cancel.check();
        }
        int[] counts = countExtensions(prefix.length == 0, p);
        for (int r = 0; r < counts.length; r += 2) {
            int item = counts[r];
            int count = counts[r + 1];
            if (count < minCount) {
                continue;
            }
            int[] pattern = Arrays.copyOf(prefix, prefix.length + 1);
            pattern[prefix.length] = item;
            record(pattern, count);
            grow(pattern, project(prefix.length == 0, p, item), cancel);
        }
    }

    private void record(int[] pattern, int count) {
        found.add(new Found(pattern, count));
        best.add(count);
        if (best.size() > maxPatterns) {
            best.poll();
        }
        if (best.size() == maxPatterns && best.peek() > minCount) {
            minCount = best.peek();
        }
    }

    /** Item, count pairs of the frequent one-event extensions, in item-name order. */
    private int[] countExtensions(boolean first, Projection p) {
        List<Integer> touched = new ArrayList<>();
        for (int e = 0; e < p.sequences; e++) {
            stampNow++;
            int s = p.sequence[e];
            int from = p.from[e];
            int to = p.from[e + 1];
            int minEnd = p.end[from];
            for (int q = minEnd + 1; q < log.end(s); q++) {
                int item = log.item(q);
                if (stamp[item] == stampNow || (!first && !valid(p, from, to, q))) {
                    continue;
                }
                stamp[item] = stampNow;
                if (shared[item]++ == 0) {
                    touched.add(item);
                }
            }
        }
        touched.sort(Comparator.comparingInt(i -> rank[i]));
        int[] out = new int[touched.size() * 2];
        for (int i = 0; i < touched.size(); i++) {
            int item = touched.get(i);
            out[2 * i] = item;
            out[2 * i + 1] = shared[item];
            shared[item] = 0;
        }
        return out;
    }

    /** Whether the event at q extends some occurrence of the prefix within the constraints. */
    private boolean valid(Projection p, int from, int to, int q) {
        if (!constrained) {
            return true;
        }
        double t = log.time(q);
        for (int o = from; o < to; o++) {
            int end = p.end[o];
            if (end >= q) {
                break;
            }
            if (t - log.time(end) <= maxGap && t - log.time(p.start[o]) <= window) {
                return true;
            }
        }
        return false;
    }

    private Projection project(boolean first, Projection p, int item) {
        Projection next = new Projection();
        for (int e = 0; e < p.sequences; e++) {
            int s = p.sequence[e];
            int from = p.from[e];
            int to = p.from[e + 1];
            boolean added = false;
            for (int q = p.end[from] + 1; q < log.end(s); q++) {
                if (log.item(q) != item) {
                    continue;
                }
                int start = first ? q : latestStart(p, from, to, q);
                if (start < 0) {
                    continue;
                }
                if (!added) {
                    next.addSequence(s);
                    added = true;
                }
                next.addOccurrence(start, q);
                if (!constrained) {
                    break;
                }
            }
        }
        return next;
    }

    /** The latest start among the occurrences that q can extend, or -1 when none. */
    private int latestStart(Projection p, int from, int to, int q) {
        int latest = -1;
        double t = log.time(q);
        for (int o = from; o < to; o++) {
            int end = p.end[o];
            if (end >= q) {
                break;
            }
            if (!constrained || t - log.time(end) <= maxGap && t - log.time(p.start[o]) <= window) {
                latest = Math.max(latest, p.start[o]);
            }
        }
        return latest;
    }

    /** Per sequence, the occurrences of a prefix: (start, end) event positions, ends ascending. */
    private static final class Projection {
        int[] sequence = new int[16];
        int[] from = new int[17];
        int[] start = new int[16];
        int[] end = new int[16];
        int sequences;
        int occurrences;

        void addSequence(int s) {
            if (sequences + 1 >= sequence.length) {
                sequence = Arrays.copyOf(sequence, sequence.length * 2);
                from = Arrays.copyOf(from, from.length * 2);
            }
            sequence[sequences] = s;
            from[sequences] = occurrences;
            sequences++;
            from[sequences] = occurrences;
        }

        void addOccurrence(int s, int e) {
            if (occurrences == start.length) {
                start = Arrays.copyOf(start, occurrences * 2);
                end = Arrays.copyOf(end, occurrences * 2);
            }
            start[occurrences] = s;
            end[occurrences] = e;
            occurrences++;
            from[sequences] = occurrences;
        }
    }
}
