package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assay.api.report.ReportBlock;
import org.assay.api.report.ReportSection;

/**
 * The {@code weka-cluster} section of the run report, as a marketing analyst reads segments:
 * a name and a line per segment, its share of customers and of revenue, every measure
 * against the average (index), medians and the middle half, what the text columns are made
 * of, the missing values the clusterer saw, and how well the segments are separated (and
 * where k came from). Pii columns never appear: {@link SegmentStats} leaves them out.
 */
final class SegmentReport {

    static final String SECTION_ID = "segments";
    private static final int TOP_VALUES = 5;

    private SegmentReport() {
    }

    static ReportSection build(SegmentSummary s, ClusterQuality.Result quality, String algorithm, String options,
            List<String> files) {
        int k = s.k();
        ReportSection.Builder b = ReportSection.builder(SECTION_ID, "Customer segments").order(ReportSection.RESULTS);
        for (int c = 0; c < k; c++) {
            b.summary(sentence(s, c));
        }
        b.summary(qualitySentence(quality, k));
        b.paragraph(String.format(Locale.ROOT, "%,d customers in %d segments%s.", s.stats.placed(), k,
                s.stats.unassigned > 0 ? String.format(Locale.ROOT, " (%,d could not be placed)", s.stats.unassigned)
                        : "")
                + (s.revenue == null ? " No revenue column was found: set 'revenueColumn' to see each segment's"
                        + " share of revenue." : " Revenue is " + SegmentSummary.words(s.revenue.name()) + "."));
        for (int c = 0; c < k; c++) {
            b.paragraph(s.stats.labels.get(c) + " — " + s.name(c) + ": " + description(s, c));
        }
        b.table("Size and value", sizeHeader(s), sizeRows(s));
        b.figures(figures(quality, k, algorithm, options));
        b.paragraph(why(k, algorithm, options) + " " + reading(quality));
        if (!s.measures.isEmpty()) {
            b.table("Averages, with the index against all customers in brackets (100 = average)", header(s, "All"),
                    averages(s));
            b.table("Medians, with the middle half of the customers (25th–75th percentile) in brackets",
                    header(s, "All"), medians(s));
        }
        for (SegmentStats.Composition comp : s.stats.compositions) {
            composition(b, s, comp);
        }
        missing(b, s);
        if (!files.isEmpty()) {
            b.paragraph("The customers of each segment are in " + String.join(", ", files)
                    + " (in the run folder, beside report.html).");
        }
        return b.build();
    }

    private static String sentence(SegmentSummary s, int c) {
        StringBuilder t = new StringBuilder();
        t.append(s.stats.labels.get(c)).append(" — ").append(s.name(c)).append(": ")
                .append(String.format(Locale.ROOT, "%,d customers (%s)", s.stats.sizes[c],
                        SegmentSummary.percent(s.customerShare(c))));
        if (s.revenue != null) {
            t.append(", ").append(SegmentSummary.percent(s.revenueShare(c))).append(" of revenue");
        }
        List<SegmentSummary.MeasureSummary> shown = new ArrayList<>(s.distinguishing(c, 3));
        if (s.revenue != null && !shown.contains(s.revenue)) {
            shown.add(0, s.revenue);
        }
        if (!shown.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (SegmentSummary.MeasureSummary m : shown) {
                // Label first: "age 44.6" reads, "44.6 age" does not.
                parts.add(m.label() + " " + SegmentSummary.fmt(m.segments().get(c).mean()));
            }
            t.append("; on average ").append(String.join(", ", parts));
        }
        return t.append('.').toString();
    }

    /** One line: share of customers and revenue, the strongest differences, the top text values. */
    private static String description(SegmentSummary s, int c) {
        List<String> parts = new ArrayList<>();
        parts.add(SegmentSummary.percent(s.customerShare(c)) + " of customers"
                + (s.revenue == null ? "" : ", " + SegmentSummary.percent(s.revenueShare(c)) + " of revenue"));
        for (SegmentSummary.MeasureSummary m : s.distinguishing(c, 3)) {
            double idx = m.index(c);
            parts.add(m.label() + " " + SegmentSummary.fmt(m.segments().get(c).mean())
                    + (Double.isNaN(idx) ? "" : " (index " + Math.round(idx) + ")"));
        }
        for (SegmentStats.Composition comp : s.stats.compositions) {
            top(comp, c).ifPresent(e -> parts.add("most often " + SegmentSummary.words(comp.name) + " " + e.getKey()
                    + " (" + SegmentSummary.percent((double) e.getValue()[c] / Math.max(1, s.stats.sizes[c])) + ")"));
        }
        return String.join("; ", parts) + ".";
    }

    private static java.util.Optional<Map.Entry<String, long[]>> top(SegmentStats.Composition comp, int c) {
        return comp.counts.entrySet().stream().filter(e -> e.getValue()[c] > 0)
                .max(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[c])
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()));
    }

    private static List<String> sizeHeader(SegmentSummary s) {
        List<String> h = new ArrayList<>(List.of("Segment", "Name", "Customers", "Share of customers"));
        if (s.revenue != null) {
            h.addAll(List.of("Share of revenue", "Revenue per customer (index)"));
        }
        return h;
    }

    private static List<List<String>> sizeRows(SegmentSummary s) {
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < s.k(); c++) {
            List<String> r = new ArrayList<>(List.of(s.stats.labels.get(c), s.name(c),
                    String.format(Locale.ROOT, "%,d", s.stats.sizes[c]), SegmentSummary.percent(s.customerShare(c))));
            if (s.revenue != null) {
                r.add(SegmentSummary.percent(s.revenueShare(c)));
                double idx = s.revenue.index(c);
                r.add(Double.isNaN(idx) ? "–" : Long.toString(Math.round(idx)));
            }
            rows.add(r);
        }
        return rows;
    }

    private static List<ReportBlock.Figure> figures(ClusterQuality.Result q, int k, String algorithm,
            String options) {
        List<ReportBlock.Figure> f = new ArrayList<>();
        String why = why(k, algorithm, options);
        f.add(new ReportBlock.Figure("Segments", Integer.toString(k), why.contains("set in the workflow")
                ? "set in the workflow" : why.contains("chosen by") ? "chosen from the data" : "the algorithm's default"));
        f.add(new ReportBlock.Figure("Silhouette", Double.isNaN(q.silhouette()) ? "–"
                : String.format(Locale.ROOT, "%.2f", q.silhouette()), String.format(Locale.ROOT,
                "-1 to 1, higher is better separated; on %,d sampled customers", q.sampledRows())));
        f.add(new ReportBlock.Figure("Variance between segments", SegmentSummary.percent(q.between()),
                "share of the (standardized) spread that lies between segments, not within them"));
        return f;
    }

    /** Where k came from, as far as the options tell. */
    static String why(int k, String algorithm, String options) {
        java.util.regex.Matcher n = java.util.regex.Pattern.compile("(^|\\s)-N\\s+(-?\\d+)").matcher(options);
        String shortName = algorithm.substring(algorithm.lastIndexOf('.') + 1);
        if (n.find() && !n.group(2).equals("-1")) {
            return "k = " + k + " was set in the workflow (" + shortName + " -N " + n.group(2)
                    + "), not chosen from the data.";
        }
        if (n.find(0) && n.group(2).equals("-1")) {
            return "k = " + k + " was chosen by " + shortName + " from the data (-N -1).";
        }
        return "k = " + k + " is " + shortName + "'s default or its own choice.";
    }

    /** How to read the silhouette, after Kaufman and Rousseeuw's rule of thumb. */
    private static String reading(ClusterQuality.Result q) {
        double s = q.silhouette();
        if (Double.isNaN(s)) {
            return "With one segment there is no separation to measure.";
        }
        if (s > 0.5) {
            return "A silhouette above 0.5: the segments are clearly apart.";
        }
        if (s > 0.25) {
            return "A silhouette between 0.25 and 0.5: the segments are apart but overlap at their edges; read"
                    + " them as tendencies, and compare a run with one segment more or fewer.";
        }
        return "A silhouette below 0.25: the segments overlap a lot and may be cuts of one continuum; try"
                + " another k or other columns before acting on them.";
    }

    private static String qualitySentence(ClusterQuality.Result q, int k) {
        return Double.isNaN(q.silhouette()) ? "One segment: nothing to separate."
                : String.format(Locale.ROOT, "Separation of the %d segments: silhouette %.2f, %s of the spread between"
                        + " segments (%s)", k, q.silhouette(), SegmentSummary.percent(q.between()),
                        q.silhouette() > 0.5 ? "clearly apart" : q.silhouette() > 0.25 ? "apart, with overlap"
                                : "much overlap") + ".";
    }

    private static List<String> header(SegmentSummary s, String first) {
        List<String> h = new ArrayList<>(List.of("Measure", first));
        h.addAll(s.stats.labels);
        return h;
    }

    private static List<List<String>> averages(SegmentSummary s) {
        List<List<String>> rows = new ArrayList<>();
        for (SegmentSummary.MeasureSummary m : s.measures) {
            List<String> r = new ArrayList<>(List.of(m.label(), SegmentSummary.fmt(m.all().mean())));
            for (int c = 0; c < s.k(); c++) {
                double idx = m.index(c);
                r.add(SegmentSummary.fmt(m.segments().get(c).mean()) + (Double.isNaN(idx) ? "" : " (" + Math.round(idx)
                        + ")"));
            }
            rows.add(r);
        }
        return rows;
    }

    private static List<List<String>> medians(SegmentSummary s) {
        List<List<String>> rows = new ArrayList<>();
        for (SegmentSummary.MeasureSummary m : s.measures) {
            List<String> r = new ArrayList<>(List.of(m.label(), spread(m.all())));
            m.segments().forEach(st -> r.add(spread(st)));
            rows.add(r);
        }
        return rows;
    }

    private static String spread(SegmentSummary.Stats st) {
        return st.count() == 0 ? "–" : SegmentSummary.fmt(st.median()) + " (" + SegmentSummary.fmt(st.p25()) + "–"
                + SegmentSummary.fmt(st.p75()) + ")";
    }

    /** The most common values of a text column overall, and their share in each segment. */
    private static void composition(ReportSection.Builder b, SegmentSummary s, SegmentStats.Composition comp) {
        String name = SegmentSummary.words(comp.name);
        if (comp.tooMany) {
            b.paragraph("The " + name + " column has more than " + SegmentStats.MAX_VALUES
                    + " different values: not profiled.");
            return;
        }
        long placed = s.stats.placed();
        List<Map.Entry<String, long[]>> values = comp.counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -sum(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        List<List<String>> rows = new ArrayList<>();
        long[] rest = new long[s.k()];
        for (int i = 0; i < values.size(); i++) {
            long[] n = values.get(i).getValue();
            if (i >= TOP_VALUES) {
                for (int c = 0; c < s.k(); c++) {
                    rest[c] += n[c];
                }
                continue;
            }
            rows.add(compositionRow(values.get(i).getKey(), n, s, placed));
        }
        if (values.size() > TOP_VALUES) {
            rows.add(compositionRow("(" + (values.size() - TOP_VALUES) + " others)", rest, s, placed));
        }
        b.table("Composition by " + name + ": share of each segment's customers, index against all in brackets",
                header(s, "All"), rows);
    }

    private static List<String> compositionRow(String value, long[] n, SegmentSummary s, long placed) {
        double overall = placed == 0 ? 0 : (double) sum(n) / placed;
        List<String> r = new ArrayList<>(List.of(value, SegmentSummary.percent(overall)));
        for (int c = 0; c < s.k(); c++) {
            double share = s.stats.sizes[c] == 0 ? 0 : (double) n[c] / s.stats.sizes[c];
            r.add(SegmentSummary.percent(share) + (overall > 0 ? " (" + Math.round(100 * share / overall) + ")" : ""));
        }
        return r;
    }

    /** Missing values per column and segment, so a reader knows what the averages stand on. */
    private static void missing(ReportSection.Builder b, SegmentSummary s) {
        List<List<String>> rows = new ArrayList<>();
        for (SegmentStats.Measure m : s.stats.measures) {
            missingRow(rows, SegmentSummary.words(m.name), m.missing);
        }
        for (SegmentStats.Composition c : s.stats.compositions) {
            missingRow(rows, SegmentSummary.words(c.name), c.missing);
        }
        if (rows.isEmpty()) {
            b.paragraph("No value was missing in the profiled columns when they reached this step. Values an"
                    + " earlier impute step filled are counted in its own section of this report (Missing values"
                    + " filled), and in the titles of charts of those columns when it writes indicators.");
            return;
        }
        b.table("Missing values per segment (left out of the averages; the clusterer placed these rows with"
                + " Weka's missing-value handling)", header(s, "All"), rows);
    }

    private static void missingRow(List<List<String>> rows, String name, long[] missing) {
        if (sum(missing) == 0) {
            return;
        }
        List<String> r = new ArrayList<>(List.of(name, String.format(Locale.ROOT, "%,d", sum(missing))));
        for (long m : missing) {
            r.add(String.format(Locale.ROOT, "%,d", m));
        }
        rows.add(r);
    }

    private static long sum(long[] n) {
        long t = 0;
        for (long v : n) {
            t += v;
        }
        return t;
    }
}
