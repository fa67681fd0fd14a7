package org.assay.crm.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.report.ReportSections;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;

/**
 * One run of {@code satisfaction}: one pass that counts responses per (dimension, segment,
 * period) and low scores per driver value; only the values of numeric drivers are kept, to cut
 * them into quartiles at the end.
 */
final class SatisfactionStep implements Step {

    static final String DRIVERS_PORT = "drivers";
    static final String ALL = "all";
    static final String MISSING = "(missing)";

    static final Schema SUMMARY = Schema.of(Field.of("dimension", FieldType.STRING),
            Field.of("segment", FieldType.STRING), Field.of("period", FieldType.STRING),
            Field.of("responses", FieldType.INTEGER), Field.of("promoters", FieldType.INTEGER),
            Field.of("passives", FieldType.INTEGER), Field.of("detractors", FieldType.INTEGER),
            Field.of("nps", FieldType.DECIMAL), Field.of("nps_low", FieldType.DECIMAL),
            Field.of("nps_high", FieldType.DECIMAL), Field.of("csat_responses", FieldType.INTEGER),
            Field.of("csat", FieldType.DECIMAL), Field.of("csat_low", FieldType.DECIMAL),
            Field.of("csat_high", FieldType.DECIMAL), Field.of("texts", FieldType.INTEGER),
            Field.of("mean_sentiment", FieldType.DECIMAL), Field.of("negative_share", FieldType.DECIMAL),
            Field.of("period_start", FieldType.DATE));

    static final Schema DRIVERS = Schema.of(Field.of("rank", FieldType.INTEGER), Field.of("factor", FieldType.STRING),
            Field.of("level", FieldType.STRING), Field.of("responses", FieldType.INTEGER),
            Field.of("low", FieldType.INTEGER), Field.of("low_rate", FieldType.DECIMAL),
            Field.of("rest_low_rate", FieldType.DECIMAL), Field.of("rate_ratio", FieldType.DECIMAL),
            Field.of("rr_low", FieldType.DECIMAL), Field.of("rr_high", FieldType.DECIMAL),
            Field.of("odds_ratio", FieldType.DECIMAL), Field.of("or_low", FieldType.DECIMAL),
            Field.of("or_high", FieldType.DECIMAL), Field.of("significant", FieldType.BOOLEAN));

    /** Counts of one group. */
    static final class Tally {
        long responses;
        long promoters;
        long detractors;
        long csatResponses;
        long satisfied;
        long texts;
        double sentimentSum;
        long negative;
    }

    /** Responses and low scores of one driver value. */
    static final class LowCount {
        long responses;
        long low;
    }

    private final SatisfactionParameters p;

    SatisfactionStep(SatisfactionParameters p) {
        this.p = p;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        // dimension -> segment -> period -> tally; "all" first, then segments in column order.
        Map<String, Map<String, Map<String, Tally>>> tallies = new LinkedHashMap<>();
        Map<String, Map<String, LowCount>> levels = new LinkedHashMap<>();
        Map<String, double[]> numeric = new LinkedHashMap<>();
        BitSet lowRows = new BitSet();
        long rows = 0;
        long rejected = 0;
        long scored = 0;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema s = in.schema();
            int nps = p.npsColumn().map(s::require).orElse(-1);
            int csat = p.csatColumn().map(s::require).orElse(-1);
            int sent = p.sentimentColumn().map(s::require).orElse(-1);
            int date = p.dateColumn().map(s::require).orElse(-1);
            boolean timestamp = date >= 0 && s.field(date).type() == FieldType.TIMESTAMP;
            int[] seg = p.segmentColumns().stream().mapToInt(s::require).toArray();
            int[] drv = p.driverColumns().stream().mapToInt(s::require).toArray();
            for (String d : p.driverColumns()) {
                if (s.field(d).type() == FieldType.INTEGER || s.field(d).type() == FieldType.DECIMAL) {
                    numeric.put(d, new double[1024]);
                } else {
                    levels.put(d, new TreeMap<>());
                }
            }
            tallies.put(ALL, new TreeMap<>());
            for (String c : p.segmentColumns()) {
                tallies.putIfAbsent(c, new TreeMap<>());
            }
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                for (int r = 0; r < b.rowCount(); r++) {
                    rows++;
                    double npsValue = value(b, nps, r);
                    double csatValue = value(b, csat, r);
                    String reason = !Double.isNaN(npsValue) && !(npsValue >= 0 && npsValue <= 10)
                            ? "the NPS score " + Column.formatDecimal(npsValue) + " is not 0-10"
                            : !Double.isNaN(csatValue) && !(csatValue >= 1 && csatValue <= 5)
                            ? "the CSAT score " + Column.formatDecimal(csatValue) + " is not 1-5" : null;
                    if (reason != null) {
                        rejected++;
                        ctx.quarantine().reject(rows, b, r, reason);
                        continue;
                    }
                    double sentiment = value(b, sent, r);
                    String period = date < 0 || b.column(date).isNull(r) ? null
                            : p.period().label(timestamp ? Math.floorDiv(b.column(date).getLong(r), 86_400_000L)
                                    : b.column(date).getLong(r));
                    add(tallies.get(ALL), ALL, period, npsValue, csatValue, sentiment);
                    for (int k = 0; k < seg.length; k++) {
                        add(tallies.get(p.segmentColumns().get(k)), level(b, seg[k], r), period, npsValue,
                                csatValue, sentiment);
                    }
                    // Drivers compare low against not low: responses without the score take no part.
                    double score = p.npsColumn().isPresent() ? npsValue : csatValue;
                    if (Double.isNaN(score)) {
                        continue;
                    }
                    boolean low = p.npsColumn().isPresent() ? score <= 6 : score <= 3;
                    int at = (int) scored++;
                    lowRows.set(at, low);
                    for (int k = 0; k < drv.length; k++) {
                        String d = p.driverColumns().get(k);
                        double[] values = numeric.get(d);
                        if (values != null) {
                            if (at == values.length) {
                                values = Arrays.copyOf(values, values.length * 2);
                                numeric.put(d, values);
                            }
                            values[at] = value(b, drv[k], r);
                        } else {
                            LowCount c = levels.get(d).computeIfAbsent(level(b, drv[k], r), x -> new LowCount());
                            c.responses++;
                            c.low += low ? 1 : 0;
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, double[]> e : numeric.entrySet()) {
            levels.put(e.getKey(), NumericLevels.count(e.getValue(), (int) scored, lowRows));
        }
        Map<String, Map<String, LowCount>> ordered = new LinkedHashMap<>();
        for (String d : p.driverColumns()) {
            ordered.put(d, levels.get(d));
        }
        double z = SatisfactionStats.z(p.confidence());
        List<SatisfactionReport.Figures> figures = new ArrayList<>();
        List<SatisfactionReport.Driver> drivers = new ArrayList<>();
        long written = writeSummary(ctx, tallies, z, figures);
        written += writeDrivers(ctx, ordered, lowRows.cardinality(), scored, z, drivers);
        ReportSections.publish(ctx, SatisfactionReport.build(figures, drivers, p.lowDefinition(), p.confidence(),
                p.minCount()));
        long kept = rows - rejected;
        if (kept >= written) {
            ctx.countFiltered(kept - written);
        } else {
            ctx.countIn(written - kept);
        }
        ctx.log().info("satisfaction: {} responses, {} quarantined, {} with a score for the drivers, {} low ({})",
                rows, rejected, scored, lowRows.cardinality(), p.lowDefinition());
        ctx.progress(1.0);
    }

    private static double value(Batch b, int col, int r) {
        return col < 0 || b.column(col).isNull(r) ? Double.NaN : b.column(col).getDouble(r);
    }

    private static String level(Batch b, int col, int r) {
        return b.column(col).isNull(r) ? MISSING : b.column(col).getString(r);
    }

    private void add(Map<String, Map<String, Tally>> dim, String segment, String period, double nps, double csat,
            double sentiment) {
        Map<String, Tally> periods = dim.computeIfAbsent(segment, x -> new TreeMap<>(
                Comparator.comparing((String k) -> !k.equals(ALL)).thenComparing(Comparator.naturalOrder())));
        add(periods.computeIfAbsent(ALL, x -> new Tally()), nps, csat, sentiment);
        if (period != null) {
            add(periods.computeIfAbsent(period, x -> new Tally()), nps, csat, sentiment);
        }
    }

    private void add(Tally t, double nps, double csat, double sentiment) {
        if (!Double.isNaN(nps)) {
            t.responses++;
            t.promoters += nps >= 9 ? 1 : 0;
            t.detractors += nps <= 6 ? 1 : 0;
        }
        if (!Double.isNaN(csat)) {
            t.csatResponses++;
            t.satisfied += csat >= 4 ? 1 : 0;
        }
        if (!Double.isNaN(sentiment)) {
            t.texts++;
            t.sentimentSum += sentiment;
            t.negative += sentiment <= -p.neutralBand() ? 1 : 0;
        }
    }

    private static long writeSummary(StepContext ctx, Map<String, Map<String, Map<String, Tally>>> tallies,
            double z, List<SatisfactionReport.Figures> figures) throws Exception {
        BatchSink out = ctx.output(PortSpec.OUT, SUMMARY);
        BatchBuilder b = new BatchBuilder(SUMMARY);
        long written = 0;
        for (Map.Entry<String, Map<String, Map<String, Tally>>> dim : tallies.entrySet()) {
            for (Map.Entry<String, Map<String, Tally>> seg : dim.getValue().entrySet()) {
                for (Map.Entry<String, Tally> per : seg.getValue().entrySet()) {
                    Tally t = per.getValue();
                    double[] nps = SatisfactionStats.nps(t.promoters, t.detractors, t.responses, z);
                    double[] csat = SatisfactionStats.wilson(t.satisfied, t.csatResponses, z);
                    b.setString(0, dim.getKey()).setString(1, seg.getKey()).setString(2, per.getKey())
                            .setLong(3, t.responses).setLong(4, t.promoters)
                            .setLong(5, t.responses - t.promoters - t.detractors).setLong(6, t.detractors);
                    decimals(b, 7, nps);
                    b.setLong(10, t.csatResponses);
                    decimals(b, 11, csat);
                    b.setLong(14, t.texts);
                    if (t.texts > 0) {
                        b.setDouble(15, t.sentimentSum / t.texts).setDouble(16, t.negative / (double) t.texts);
                    } else {
                        b.setNull(15).setNull(16);
                    }
                    if (per.getKey().equals(ALL)) {
                        b.setNull(17);
                    } else {
                        b.setLong(17, periodStart(per.getKey()));
                    }
                    b.endRow();
                    figures.add(new SatisfactionReport.Figures(dim.getKey(), seg.getKey(), per.getKey(), t.responses,
                            nps[0], nps[1], nps[2], t.csatResponses, csat[0], csat[1], csat[2]));
                    written++;
                    if (b.isFull()) {
                        out.write(b.build());
                    }
                }
            }
        }
        if (!b.isEmpty()) {
            out.write(b.build());
        }
        return written;
    }

    /** The first day of a period label (2025-03, 2025-Q1, 2025) as an epoch day. */
    static long periodStart(String label) {
        int year = Integer.parseInt(label.substring(0, 4));
        int month = label.length() == 4 ? 1 : label.charAt(5) == 'Q' ? 3 * (label.charAt(6) - '1') + 1
                : Integer.parseInt(label.substring(5, 7));
        return java.time.LocalDate.of(year, month, 1).toEpochDay();
    }

    private static void decimals(BatchBuilder b, int from, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                b.setNull(from + i);
            } else {
                b.setDouble(from + i, v[i]);
            }
        }
    }

    private long writeDrivers(StepContext ctx, Map<String, Map<String, LowCount>> levels, long low, long all,
            double z, List<SatisfactionReport.Driver> drivers) throws Exception {
        record Row(String factor, String level, LowCount c, double[] ratios) { }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, LowCount>> f : levels.entrySet()) {
            if (f.getValue().size() < 2) {
                continue;
            }
            for (Map.Entry<String, LowCount> l : f.getValue().entrySet()) {
                LowCount c = l.getValue();
                if (c.responses < p.minCount() || all - c.responses < 1) {
                    continue;
                }
                rows.add(new Row(f.getKey(), l.getKey(), c,
                        SatisfactionStats.ratios(c.low, c.responses, low - c.low, all - c.responses, z)));
            }
        }
        rows.sort(Comparator.comparingDouble((Row r) -> -r.ratios()[0]).thenComparing(Row::factor)
                .thenComparing(Row::level));
        BatchSink out = ctx.output(DRIVERS_PORT, DRIVERS);
        BatchBuilder b = new BatchBuilder(DRIVERS);
        long rank = 0;
        for (Row r : rows) {
            long restN = all - r.c().responses;
            long restLow = low - r.c().low;
            b.setLong(0, ++rank).setString(1, r.factor()).setString(2, r.level()).setLong(3, r.c().responses)
                    .setLong(4, r.c().low).setDouble(5, r.c().low / (double) r.c().responses)
                    .setDouble(6, restLow / (double) restN);
            for (int i = 0; i < 6; i++) {
                b.setDouble(7 + i, r.ratios()[i]);
            }
            boolean significant = r.ratios()[1] > 1 || r.ratios()[2] < 1;
            b.setLong(13, significant ? 1 : 0).endRow();
            drivers.add(new SatisfactionReport.Driver(r.factor(), r.level(), r.c().responses,
                    r.c().low / (double) r.c().responses, restLow / (double) restN, r.ratios()[0], r.ratios()[1],
                    r.ratios()[2], significant));
            if (b.isFull()) {
                out.write(b.build());
            }
        }
        if (!b.isEmpty()) {
            out.write(b.build());
        }
        return rank;
    }
}
