package org.assay.cleaners.internal.dedup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Schema;

/** Survivorship: builds a cluster's golden record, column by column, from its rows (in input order). */
final class GoldenRecord {

    private final Survivorship[] rules;
    private final int recency;
    private final int source;
    private final List<String> priority;

    GoldenRecord(Schema schema, DedupParameters p) {
        Map<String, Survivorship> byColumn = p.survivorshipRules();
        rules = new Survivorship[schema.size()];
        for (int c = 0; c < rules.length; c++) {
            rules[c] = byColumn.getOrDefault(schema.field(c).name(), p.defaultSurvivorship());
        }
        recency = p.recencyColumn().map(schema::require).orElse(-1);
        source = p.sourceColumn().map(schema::require).orElse(-1);
        priority = p.sourcePriority();
    }

    Object[] of(List<Object[]> rows) {
        Object[] golden = new Object[rules.length];
        for (int c = 0; c < rules.length; c++) {
            golden[c] = pick(rows, c, rules[c]);
        }
        return golden;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object pick(List<Object[]> rows, int c, Survivorship rule) {
        Object best = null;
        Object[] bestRow = null;
        Map<Object, Integer> counts = rule == Survivorship.MOST_FREQUENT ? new HashMap<>() : null;
        int bestCount = 0;
        for (Object[] row : rows) {
            Object v = row[c];
            if (v == null) {
                continue;
            }
            boolean better = switch (rule) {
                case FIRST -> best == null;
                case MAX -> best == null || ((Comparable) v).compareTo(best) > 0;
                case MIN -> best == null || ((Comparable) v).compareTo(best) < 0;
                case MOST_COMPLETE -> best == null || filled(row) > filled(bestRow);
                case MOST_RECENT -> best == null || compareRecency(row, bestRow) > 0;
                case PREFERRED_SOURCE -> best == null || rank(row) < rank(bestRow);
                case MOST_FREQUENT -> {
                    int n = counts.merge(v, 1, Integer::sum);
                    yield n > bestCount;
                }
            };
            if (better) {
                best = v;
                bestRow = row;
                if (counts != null) {
                    bestCount = counts.get(v);
                }
            }
        }
        return best;
    }

    private static int filled(Object[] row) {
        int n = 0;
        for (Object v : row) {
            if (v != null) {
                n++;
            }
        }
        return n;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compareRecency(Object[] a, Object[] b) {
        Object x = a[recency];
        Object y = b[recency];
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        return ((Comparable) x).compareTo(y);
    }

    private int rank(Object[] row) {
        Object s = row[source];
        int i = s == null ? -1 : priority.indexOf(s.toString());
        return i < 0 ? priority.size() : i;
    }
}
