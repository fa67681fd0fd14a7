package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.assay.api.data.Quantile;

/**
 * The numbers a segment report reads from {@link SegmentStats}: per measure and segment the
 * mean, median, quartiles and index against all customers, each segment's share of
 * customers and of revenue, and the measures that set a segment apart (by how many overall
 * standard deviations its mean lies from the overall mean). Dates read as days before the
 * latest date of their column. Immutable once built.
 */
final class SegmentSummary {

    /** Below this many standard deviations from the overall mean a measure does not set a segment apart. */
    static final double DISTINCT = 0.3;

    /** A measure's statistics over one group of rows. */
    record Stats(long count, double mean, double median, double p25, double p75, double sum) {

        static Stats of(double[] sorted) {
            double sum = 0;
            for (double v : sorted) {
                sum += v;
            }
            int n = sorted.length;
            return new Stats(n, n == 0 ? Double.NaN : sum / n, Quantile.of(sorted, 0.5), Quantile.of(sorted, 0.25),
                    Quantile.of(sorted, 0.75), sum);
        }
    }

    /** A measure over all rows and per segment. */
    record MeasureSummary(String name, String label, boolean temporal, Stats all, List<Stats> segments, double sd) {

        /** Mean against the overall mean, 100 = average; NaN when a ratio means nothing (mean ≤ 0). */
        double index(int c) {
            double m = segments.get(c).mean();
            return all.mean() > 0 && m >= 0 ? 100 * m / all.mean() : Double.NaN;
        }

        /** How many overall standard deviations the segment's mean lies from the overall mean. */
        double effect(int c) {
            double m = segments.get(c).mean();
            return sd > 0 && !Double.isNaN(m) ? (m - all.mean()) / sd : 0;
        }
    }

    final SegmentStats stats;
    final List<MeasureSummary> measures = new ArrayList<>();
    final MeasureSummary revenue;

    SegmentSummary(SegmentStats stats, String revenueColumn) {
        this.stats = stats;
        int k = stats.labels.size();
        MeasureSummary rev = null;
        for (SegmentStats.Measure m : stats.measures) {
            double latest = Double.NEGATIVE_INFINITY;
            if (m.temporal()) {
                for (SegmentStats.DoubleList l : m.values) {
                    for (int i = 0; i < l.size(); i++) {
                        latest = Math.max(latest, l.get(i));
                    }
                }
            }
            double perDay = m.type == org.assay.api.data.FieldType.TIMESTAMP ? 86_400_000.0 : 1.0;
            List<double[]> parts = new ArrayList<>();
            int total = 0;
            for (int c = 0; c < k; c++) {
                double[] v = m.values[c].sorted();
                if (m.temporal()) {
                    // Days before the latest: larger means longer ago, so reverse to keep the order ascending.
                    double[] days = new double[v.length];
                    for (int i = 0; i < v.length; i++) {
                        days[v.length - 1 - i] = (latest - v[i]) / perDay;
                    }
                    v = days;
                }
                parts.add(v);
                total += v.length;
            }
            double[] all = new double[total];
            int at = 0;
            for (double[] p : parts) {
                System.arraycopy(p, 0, all, at, p.length);
                at += p.length;
            }
            java.util.Arrays.sort(all);
            Stats overall = Stats.of(all);
            double var = 0;
            for (double v : all) {
                var += (v - overall.mean()) * (v - overall.mean());
            }
            double sd = all.length > 1 ? Math.sqrt(var / (all.length - 1)) : 0;
            String label = m.temporal() ? "days since " + words(m.name) : words(m.name);
            MeasureSummary s = new MeasureSummary(m.name, label, m.temporal(), overall,
                    parts.stream().map(Stats::of).toList(), sd);
            measures.add(s);
            if (m.name.equals(revenueColumn) && !m.temporal()) {
                rev = s;
            }
        }
        this.revenue = rev != null && rev.all().sum() > 0 ? rev : null;
    }

    int k() {
        return stats.labels.size();
    }

    double customerShare(int c) {
        long placed = stats.placed();
        return placed == 0 ? 0 : (double) stats.sizes[c] / placed;
    }

    /** The segment's share of the revenue column's total, NaN without one. */
    double revenueShare(int c) {
        return revenue == null ? Double.NaN : revenue.segments().get(c).sum() / revenue.all().sum();
    }

    /** The measures that set the segment apart most, strongest first (at most {@code max}). */
    List<MeasureSummary> distinguishing(int c, int max) {
        return measures.stream().filter(m -> Math.abs(m.effect(c)) >= DISTINCT)
                .sorted(Comparator.comparingDouble((MeasureSummary m) -> -Math.abs(m.effect(c)))).limit(max).toList();
    }

    /** A name from the two measures that set the segment apart, e.g. "High total spend, recent last purchase". */
    String name(int c) {
        List<String> parts = new ArrayList<>();
        for (MeasureSummary m : distinguishing(c, 2)) {
            boolean above = m.effect(c) > 0;
            if (m.temporal()) {
                parts.add((above ? "long since " : "recent ") + words(m.name()));
            } else {
                parts.add((above ? "high " : "low ") + words(m.name()));
            }
        }
        if (parts.isEmpty()) {
            return "Close to the average";
        }
        String s = String.join(", ", parts);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "total_spend" and "totalSpend" read as "total spend". */
    static String words(String column) {
        return column.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ').trim()
                .toLowerCase(Locale.ROOT);
    }

    /** A number as a reader takes it in: thousands separated, fewer decimals the larger it is. */
    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        String pattern = a >= 100 ? "%,.0f" : a >= 10 ? "%,.1f" : "%,.2f";
        String s = String.format(Locale.ROOT, pattern, v);
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
