package org.assay.crm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assay.api.report.ReportBlock;
import org.assay.api.report.ReportSection;

/**
 * The report section of {@code satisfaction}: the business answer first (NPS and CSAT with
 * intervals, the trend, the weakest segments, the strongest drivers of low scores), then tables.
 * It holds only aggregates and the names of segment and driver values (columns named as segments
 * or drivers may not be pii).
 */
final class SatisfactionReport {

    /** One summary row as the step computed it. */
    record Figures(String dimension, String segment, String period, long responses, double nps, double npsLow,
            double npsHigh, long csatResponses, double csat, double csatLow, double csatHigh) { }

    /** One driver row. */
    record Driver(String factor, String level, long responses, double lowRate, double restRate, double ratio,
            double ratioLow, double ratioHigh, boolean significant) { }

    private SatisfactionReport() {
    }

    static ReportSection build(List<Figures> rows, List<Driver> drivers, String lowDefinition, double confidence,
            int minCount) {
        ReportSection.Builder b = ReportSection.builder("satisfaction", "Customer satisfaction")
                .order(ReportSection.RESULTS);
        String level = Math.round(confidence * 100) + "%";
        Figures all = rows.stream().filter(r -> r.dimension().equals(SatisfactionStep.ALL)
                && r.period().equals(SatisfactionStep.ALL)).findFirst().orElse(null);
        List<ReportBlock.Figure> figures = new ArrayList<>();
        if (all != null && all.responses() > 0) {
            b.summary(String.format(Locale.ROOT, "NPS is %s (%s interval %s to %s) from %,d responses.",
                    points(all.nps()), level, points(all.npsLow()), points(all.npsHigh()), all.responses()));
            figures.add(new ReportBlock.Figure("NPS", points(all.nps()), String.format(Locale.ROOT,
                    "%s to %s, %,d responses", points(all.npsLow()), points(all.npsHigh()), all.responses())));
        }
        if (all != null && all.csatResponses() > 0) {
            b.summary(String.format(Locale.ROOT, "CSAT is %.0f%% satisfied (4-5 of 5; %s interval %.0f%% to %.0f%%).",
                    all.csat(), level, all.csatLow(), all.csatHigh()));
            figures.add(new ReportBlock.Figure("CSAT", String.format(Locale.ROOT, "%.0f%%", all.csat()),
                    String.format(Locale.ROOT, "%.0f%% to %.0f%%", all.csatLow(), all.csatHigh())));
        }
        List<Figures> trend = rows.stream().filter(r -> r.dimension().equals(SatisfactionStep.ALL)
                && !r.period().equals(SatisfactionStep.ALL) && r.responses() >= minCount).toList();
        if (trend.size() >= 2) {
            Figures first = trend.get(0);
            Figures last = trend.get(trend.size() - 1);
            Figures low = trend.stream().min((x, y) -> Double.compare(x.nps(), y.nps())).orElseThrow();
            b.summary(String.format(Locale.ROOT, "Trend: NPS %s in %s, %s in %s; lowest %s in %s"
                    + " (periods with at least %d responses).", points(first.nps()), first.period(),
                    points(last.nps()), last.period(), points(low.nps()), low.period(), minCount));
        }
        List<Driver> strong = drivers.stream().filter(d -> d.significant() && d.ratio() > 1).limit(3).toList();
        for (Driver d : strong) {
            b.summary(String.format(Locale.ROOT, "%s are %.1f times as common when %s is %s: %.0f%%"
                    + " against %.0f%% otherwise (%,d responses; %s interval %.1f to %.1f).", capitalised(lowDefinition),
                    d.ratio(), d.factor(), d.level(), 100 * d.lowRate(), 100 * d.restRate(), d.responses(),
                    level, d.ratioLow(), d.ratioHigh()));
        }
        if (strong.isEmpty() && !drivers.isEmpty()) {
            b.summary("No driver value makes low scores significantly more common than the rest.");
        }
        Map<String, List<Figures>> bySegment = new java.util.LinkedHashMap<>();
        for (Figures r : rows) {
            if (!r.dimension().equals(SatisfactionStep.ALL) && r.period().equals(SatisfactionStep.ALL)
                    && r.responses() >= minCount) {
                bySegment.computeIfAbsent(r.dimension(), k -> new ArrayList<>()).add(r);
            }
        }
        bySegment.forEach((dim, list) -> {
            if (list.size() >= 2) {
                Figures worst = list.stream().min((x, y) -> Double.compare(x.nps(), y.nps())).orElseThrow();
                Figures best = list.stream().max((x, y) -> Double.compare(x.nps(), y.nps())).orElseThrow();
                if (!Double.isNaN(worst.nps())) {
                    b.summary(String.format(Locale.ROOT, "By %s: lowest NPS %s (%s), highest %s (%s).", dim,
                            points(worst.nps()), worst.segment(), points(best.nps()), best.segment()));
                }
            }
        });
        if (!figures.isEmpty()) {
            b.figures(figures);
        }
        if (!drivers.isEmpty()) {
            List<List<String>> t = new ArrayList<>();
            for (Driver d : drivers.subList(0, Math.min(10, drivers.size()))) {
                t.add(List.of(d.factor(), d.level(), String.format(Locale.ROOT, "%,d", d.responses()),
                        pct(d.lowRate()), pct(d.restRate()), String.format(Locale.ROOT, "%.2f", d.ratio()),
                        String.format(Locale.ROOT, "%.2f - %.2f", d.ratioLow(), d.ratioHigh())));
            }
            b.table("Drivers of " + lowDefinition + ", strongest first", List.of("Factor", "Value",
                    "Responses", "Low", "Low elsewhere", "Rate ratio", level + " interval"), t);
        }
        if (trend.size() >= 2) {
            List<List<String>> t = new ArrayList<>();
            for (Figures r : trend) {
                t.add(List.of(r.period(), String.format(Locale.ROOT, "%,d", r.responses()), points(r.nps()),
                        points(r.npsLow()) + " to " + points(r.npsHigh()),
                        r.csatResponses() == 0 ? "" : String.format(Locale.ROOT, "%.0f%%", r.csat())));
            }
            b.table("NPS and CSAT by period", List.of("Period", "Responses", "NPS", level + " interval", "CSAT"), t);
        }
        return b.build();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String points(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.0f", v);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
