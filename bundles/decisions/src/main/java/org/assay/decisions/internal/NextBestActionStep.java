package org.assay.decisions.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Quantile;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.transforms.internal.expr.Expression;
import org.assay.transforms.internal.expr.RowContext;

/** One run of {@code next-best-action}. */
final class NextBestActionStep implements Step {

    static final String OFFERS_PORT = "offers";
    static final String SUMMARY_PORT = "summary";
    static final String SEGMENTS_PORT = "segments";
    static final String WHAT_IF_PORT = "what-if";
    static final String SIMULATION_PORT = "simulation";
    static final String CONSENT_PORT = "consent";
    static final double[] BUDGET_FACTORS = {0.8, 1.0, 1.2};

    static final Schema ACTIONS = Schema.of(Field.of("customer", FieldType.STRING), Field.of("offer", FieldType.STRING),
            Field.of("channel", FieldType.STRING), Field.of("segment", FieldType.STRING),
            Field.of("propensity", FieldType.DECIMAL), Field.of("margin", FieldType.DECIMAL),
            Field.of("cost", FieldType.DECIMAL), Field.of("expected_value", FieldType.DECIMAL),
            Field.of("objective_value", FieldType.DECIMAL), Field.of("reason", FieldType.STRING));
    static final Schema SUMMARY = Schema.of(Field.of("metric", FieldType.STRING), Field.of("value", FieldType.DECIMAL));
    static final Schema SEGMENTS = Schema.of(Field.of("segment", FieldType.STRING),
            Field.of("candidates", FieldType.INTEGER), Field.of("customers_reached", FieldType.INTEGER),
            Field.of("actions", FieldType.INTEGER), Field.of("expected_value", FieldType.DECIMAL),
            Field.of("cost", FieldType.DECIMAL));
    static final Schema WHAT_IF = Schema.of(Field.of("budget_factor", FieldType.DECIMAL),
            Field.of("budget", FieldType.DECIMAL), Field.of("actions", FieldType.INTEGER),
            Field.of("customers_reached", FieldType.INTEGER), Field.of("budget_used", FieldType.DECIMAL),
            Field.of("expected_value", FieldType.DECIMAL), Field.of("upper_bound", FieldType.DECIMAL),
            Field.of("gap", FieldType.DECIMAL));
    static final Schema SIMULATION = Schema.of(Field.of("run", FieldType.INTEGER),
            Field.of("responses", FieldType.INTEGER), Field.of("revenue", FieldType.DECIMAL),
            Field.of("net_value", FieldType.DECIMAL));

    private final NextBestActionParameters p;

    NextBestActionStep(NextBestActionParameters p) {
        this.p = p;
    }

    /** The candidates that may be chosen, with what the outputs say about them. */
    private static final class Candidates {
        final List<String> customers = new ArrayList<>();
        final Map<String, Integer> customerIndex = new HashMap<>();
        int[] customer = new int[256];
        int[] offer = new int[256];
        double[] propensity = new double[256];
        double[] objective = new double[256];
        String[] segment = new String[256];
        final Map<Long, Integer> pairs = new HashMap<>();
        int size;
        long rows;
        long rejected;
        long filtered;
        /** Candidates left out, by why: no consent, contacted lately, not eligible, propensity too low. */
        final long[] leftOut = new long[4];
        /** Every customer with a valid candidate row, chosen or not. */
        final java.util.Set<String> seen = new java.util.HashSet<>();
        final Map<String, long[]> segmentCandidates = new LinkedHashMap<>();

        /** Adds a candidate; of two for the same customer and offer the one worth more stays (the other is filtered). */
        void add(int c, int o, double prop, double value, String seg) {
            Integer seen = pairs.putIfAbsent(((long) c << 32) | o, size);
            if (seen != null) {
                filtered++;
                if (value > objective[seen]) {
                    propensity[seen] = prop;
                    objective[seen] = value;
                    segment[seen] = seg;
                }
                return;
            }
            if (size == customer.length) {
                int n = size * 2;
                customer = Arrays.copyOf(customer, n);
                offer = Arrays.copyOf(offer, n);
                propensity = Arrays.copyOf(propensity, n);
                objective = Arrays.copyOf(objective, n);
                segment = Arrays.copyOf(segment, n);
            }
            customer[size] = c;
            offer[size] = o;
            propensity[size] = prop;
            objective[size] = value;
            segment[size] = seg;
            size++;
        }
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Catalogue catalogue;
        try (DataStream in = ctx.input(OFFERS_PORT)) {
            catalogue = Catalogue.read(in, ctx);
        }
        Consent consent = Consent.read(ctx, p);
        Candidates cands = readCandidates(ctx, catalogue, consent);
        ctx.progress(0.3);
        double[] channelCap = new double[catalogue.channels.size()];
        Arrays.fill(channelCap, Double.POSITIVE_INFINITY);
        for (Map.Entry<String, String> e : p.channelCapacity().entrySet()) {
            Integer c = catalogue.channelIndex.get(e.getKey());
            if (c == null) {
                ctx.log().warn("next-best-action: channelCapacity names '{}', which no offer uses", e.getKey());
            } else {
                channelCap[c] = Long.parseLong(e.getValue().trim());
            }
        }
        double[] offerCap = catalogue.offers.stream().mapToDouble(Catalogue.Offer::cap).toArray();
        int[] channel = new int[cands.size];
        double[] cost = new double[cands.size];
        for (int i = 0; i < cands.size; i++) {
            Catalogue.Offer o = catalogue.offers.get(cands.offer[i]);
            channel[i] = o.channel();
            cost[i] = o.cost();
        }
        Allocation.Problem problem = new Allocation.Problem(Arrays.copyOf(cands.customer, cands.size),
                Arrays.copyOf(cands.offer, cands.size), channel, Arrays.copyOf(cands.objective, cands.size), cost,
                cands.customers.size(), p.budget().orElse(Double.POSITIVE_INFINITY), offerCap, channelCap,
                p.maxPerCustomer());
        Allocation.Plan[] whatIf = plans(problem);
        Allocation.Plan plan = whatIf == null ? Allocation.solve(problem) : whatIf[1];
        ctx.progress(0.6);

        long written = writeActions(ctx, catalogue, cands, plan);
        double expected = expectedValue(catalogue, cands, plan);
        double[] revenue = simulate(ctx, catalogue, cands, plan);
        written += revenue.length;
        written += writeSummary(ctx, cands, plan, expected, revenue);
        written += writeSegments(ctx, catalogue, cands, plan);
        written += writeWhatIf(ctx, catalogue, cands, whatIf);
        long reached = Arrays.stream(plan.chosen()).map(i -> cands.customer[i]).distinct().count();
        NextBestActionReport.publish(ctx, p, new NextBestActionReport.Facts(cands.rows, cands.size, cands.leftOut,
                consent.basis(p), catalogue.offers.size(), reached, cands.seen.size()), plan, whatIf, expected,
                revenue, segmentRows(catalogue, cands, plan));
        long in = cands.rows - cands.rejected - cands.filtered + catalogue.rows - catalogue.rejected
                + consent.tableRows;
        ctx.countFiltered(cands.filtered);
        if (in >= written) {
            ctx.countFiltered(in - written);
        } else {
            ctx.countIn(written - in);
        }
        ctx.progress(1.0);
    }

    private Candidates readCandidates(StepContext ctx, Catalogue catalogue, Consent consentRule) throws Exception {
        Candidates c = new Candidates();
        LocalDate asOf = p.asOf().map(LocalDate::parse).orElse(LocalDate.now(ZoneOffset.UTC));
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema s = in.schema();
            int cust = s.require(p.customerColumn());
            int off = s.require(p.offerColumn());
            int prop = s.require(p.propensityColumn());
            int seg = p.segmentColumn().map(s::require).orElse(-1);
            int risk = p.churnRiskColumn().map(s::require).orElse(-1);
            int consent = p.consentColumn().map(s::require).orElse(-1);
            int last = p.lastContactColumn().map(s::require).orElse(-1);
            boolean lastIsTimestamp = last >= 0 && s.field(last).type() == FieldType.TIMESTAMP;
            List<List<Eligibility>> rules = Eligibility.forOffers(ctx, p.eligibility(), catalogue, s);
            RowContext row = new RowContext(s);
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                for (int r = 0; r < b.rowCount(); r++) {
                    c.rows++;
                    Column pc = b.column(prop);
                    String reason = b.column(cust).isNull(r) ? "the candidate has no customer"
                            : b.column(off).isNull(r) ? "the candidate has no offer"
                            : pc.isNull(r) || !(pc.getDouble(r) >= 0 && pc.getDouble(r) <= 1)
                                    ? "the propensity must be a number from 0 to 1"
                            : !catalogue.byName.containsKey(b.column(off).getString(r)) ? "the offer '"
                                    + b.column(off).getString(r) + "' is not in the offers input"
                            : risk >= 0 && !b.column(risk).isNull(r) && !(b.column(risk).getDouble(r) >= 0
                                    && b.column(risk).getDouble(r) <= 1) ? "the churn risk must be from 0 to 1" : null;
                    if (reason != null) {
                        c.rejected++;
                        ctx.quarantine().reject(c.rows, b, r, reason);
                        continue;
                    }
                    String segment = seg < 0 || b.column(seg).isNull(r) ? null : b.column(seg).getString(r);
                    if (segment != null || seg >= 0) {
                        c.segmentCandidates.computeIfAbsent(segment == null ? "(none)" : segment,
                                k -> new long[1])[0]++;
                    }
                    int offerIndex = catalogue.byName.get(b.column(off).getString(r));
                    Catalogue.Offer offer = catalogue.offers.get(offerIndex);
                    double propensity = pc.getDouble(r);
                    String customer = b.column(cust).getString(r);
                    c.seen.add(customer);
                    boolean consented = (consent < 0 || consentRule.cellAllows(b.column(consent), r))
                            && consentRule.tableAllows(customer);
                    boolean rested = last < 0 || b.column(last).isNull(r) || daysSince(b.column(last).getLong(r),
                            lastIsTimestamp, asOf) >= p.fatigueDays();
                    boolean eligible = offer.segments().isEmpty() || segment != null
                            && offer.segments().contains(segment);
                    String failed = null;
                    if (consented && rested && eligible) {
                        row.at(b, r);
                        for (Eligibility rule : rules.get(offerIndex)) {
                            try {
                                eligible = rule.test(row);
                            } catch (Expression.EvaluationFailure e) {
                                failed = "the eligibility of offer '" + offer.name() + "' (" + rule.source()
                                        + ") cannot be evaluated: " + e.getMessage();
                                break;
                            }
                            if (!eligible) {
                                break;
                            }
                        }
                    }
                    if (failed != null) {
                        c.rejected++;
                        ctx.quarantine().reject(c.rows, b, r, failed);
                        continue;
                    }
                    int why = !consented ? 0 : !rested ? 1 : !eligible ? 2 : propensity < p.minPropensity() ? 3 : -1;
                    if (why >= 0) {
                        c.leftOut[why]++;
                        c.filtered++;
                        continue;
                    }
                    double churn = risk < 0 || b.column(risk).isNull(r) ? 0 : b.column(risk).getDouble(r);
                    double value = propensity * offer.margin() * (1 + p.churnWeight() * churn) - offer.cost();
                    int index = c.customerIndex.computeIfAbsent(customer, k -> {
                        c.customers.add(k);
                        return c.customers.size() - 1;
                    });
                    c.add(index, catalogue.byName.get(offer.name()), propensity, value, segment);
                }
            }
        }
        return c;
    }

    private static long daysSince(long value, boolean timestamp, LocalDate asOf) {
        long day = timestamp ? Math.floorDiv(value, 86_400_000L) : value;
        return asOf.toEpochDay() - day;
    }

    private long writeActions(StepContext ctx, Catalogue catalogue, Candidates c, Allocation.Plan plan)
            throws Exception {
        BatchSink sink = ctx.output(PortSpec.OUT, ACTIONS);
        BatchBuilder b = new BatchBuilder(ACTIONS);
        int[] chosen = plan.chosen().clone();
        Arrays.sort(chosen);
        for (int i : chosen) {
            Catalogue.Offer o = catalogue.offers.get(c.offer[i]);
            double ev = c.propensity[i] * o.margin() - o.cost();
            String reason = String.format(Locale.ROOT, "propensity %.3f x margin %.2f - cost %.2f = %.2f expected",
                    c.propensity[i], o.margin(), o.cost(), ev)
                    + (p.churnWeight() > 0 ? String.format(Locale.ROOT, "; %.2f with the churn-risk weight",
                            c.objective[i]) : "")
                    + rules(o) + "; chosen by " + plan.method() + " within the limits";
            b.setString(0, c.customers.get(c.customer[i])).setString(1, o.name())
                    .setString(2, catalogue.channels.get(o.channel()));
            if (c.segment[i] == null) {
                b.setNull(3);
            } else {
                b.setString(3, c.segment[i]);
            }
            b.setDouble(4, c.propensity[i]).setDouble(5, o.margin()).setDouble(6, o.cost()).setDouble(7, ev)
                    .setDouble(8, c.objective[i]).setString(9, reason).endRow();
            if (b.isFull()) {
                sink.write(b.build());
            }
        }
        if (!b.isEmpty()) {
            sink.write(b.build());
        }
        return chosen.length;
    }

    /** The offer's eligibility rules as the reason names them, or nothing when it has none. */
    private String rules(Catalogue.Offer o) {
        List<String> rules = new ArrayList<>();
        if (p.eligibility().containsKey(o.name())) {
            rules.add(p.eligibility().get(o.name()));
        }
        if (o.eligibility() != null) {
            rules.add(o.eligibility());
        }
        return rules.isEmpty() ? "" : "; eligible by " + String.join(" and ", rules);
    }

    private static double expectedValue(Catalogue catalogue, Candidates c, Allocation.Plan plan) {
        double sum = 0;
        for (int i : plan.chosen()) {
            Catalogue.Offer o = catalogue.offers.get(c.offer[i]);
            sum += c.propensity[i] * o.margin() - o.cost();
        }
        return sum;
    }

    /** Revenue of each simulated run (responses drawn from the propensities), also written as a dataset. */
    private double[] simulate(StepContext ctx, Catalogue catalogue, Candidates c, Allocation.Plan plan)
            throws Exception {
        Random random = new Random(p.seed());
        double[] revenue = new double[p.simulations()];
        BatchSink sink = ctx.output(SIMULATION_PORT, SIMULATION);
        BatchBuilder b = new BatchBuilder(SIMULATION);
        for (int run = 0; run < revenue.length; run++) {
            long responses = 0;
            for (int i : plan.chosen()) {
                if (random.nextDouble() < c.propensity[i]) {
                    responses++;
                    revenue[run] += catalogue.offers.get(c.offer[i]).margin();
                }
            }
            b.setLong(0, run + 1).setLong(1, responses).setDouble(2, revenue[run])
                    .setDouble(3, revenue[run] - plan.cost()).endRow();
            if (b.isFull()) {
                sink.write(b.build());
            }
        }
        if (!b.isEmpty()) {
            sink.write(b.build());
        }
        return revenue;
    }

    private long writeSummary(StepContext ctx, Candidates c, Allocation.Plan plan, double expected, double[] revenue)
            throws Exception {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("candidates", (double) c.rows);
        m.put("candidates_eligible", (double) c.size);
        m.put("actions", (double) plan.chosen().length);
        m.put("customers_reached", (double) Arrays.stream(plan.chosen()).map(i -> c.customer[i]).distinct().count());
        p.budget().ifPresent(v -> m.put("budget", v));
        m.put("budget_used", plan.cost());
        m.put("expected_revenue", expected + plan.cost());
        m.put("expected_net_value", expected);
        m.put("objective_value", plan.value());
        m.put("upper_bound", plan.bound());
        m.put("gap_to_lp_bound", plan.gap());
        if (revenue.length > 0) {
            double[] sorted = revenue.clone();
            Arrays.sort(sorted);
            m.put("simulated_revenue_mean", Arrays.stream(sorted).average().orElse(0));
            m.put("simulated_revenue_p5", Quantile.of(sorted, 0.05));
            m.put("simulated_revenue_p50", Quantile.of(sorted, 0.5));
            m.put("simulated_revenue_p95", Quantile.of(sorted, 0.95));
        }
        BatchSink sink = ctx.output(SUMMARY_PORT, SUMMARY);
        BatchBuilder b = new BatchBuilder(SUMMARY);
        m.forEach((k, v) -> b.setString(0, k).setDouble(1, v).endRow());
        sink.write(b.build());
        return m.size();
    }

    /** Per segment: name, candidates, customers reached, actions, expected net value, cost. */
    private static List<Object[]> segmentRows(Catalogue catalogue, Candidates c, Allocation.Plan plan) {
        Map<String, double[]> bySegment = new LinkedHashMap<>();
        Map<String, java.util.Set<Integer>> reached = new HashMap<>();
        for (String s : c.segmentCandidates.keySet()) {
            bySegment.put(s, new double[3]);
        }
        for (int i : plan.chosen()) {
            String s = c.segment[i] == null ? "(none)" : c.segment[i];
            double[] v = bySegment.computeIfAbsent(s, k -> new double[3]);
            Catalogue.Offer o = catalogue.offers.get(c.offer[i]);
            v[0]++;
            v[1] += c.propensity[i] * o.margin() - o.cost();
            v[2] += o.cost();
            reached.computeIfAbsent(s, k -> new java.util.HashSet<>()).add(c.customer[i]);
        }
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, double[]> e : bySegment.entrySet()) {
            long[] cand = c.segmentCandidates.getOrDefault(e.getKey(), new long[1]);
            rows.add(new Object[] {e.getKey(), cand[0], (long) reached.getOrDefault(e.getKey(), java.util.Set.of())
                    .size(), (long) e.getValue()[0], e.getValue()[1], e.getValue()[2]});
        }
        return rows;
    }

    private long writeSegments(StepContext ctx, Catalogue catalogue, Candidates c, Allocation.Plan plan)
            throws Exception {
        List<Object[]> rows = segmentRows(catalogue, c, plan);
        BatchSink sink = ctx.output(SEGMENTS_PORT, SEGMENTS);
        BatchBuilder b = new BatchBuilder(SEGMENTS);
        for (Object[] r : rows) {
            b.setString(0, (String) r[0]).setLong(1, (Long) r[1]).setLong(2, (Long) r[2]).setLong(3, (Long) r[3])
                    .setDouble(4, (Double) r[4]).setDouble(5, (Double) r[5]).endRow();
        }
        if (!b.isEmpty()) {
            sink.write(b.build());
        }
        return rows.size();
    }

    /**
     * The plans at each budget factor, or null without a budget. A plan for a smaller budget fits a
     * larger one, so each keeps the better of its own and the previous: more budget never shows less value.
     */
    private Allocation.Plan[] plans(Allocation.Problem problem) {
        if (p.budget().isEmpty()) {
            return null;
        }
        Allocation.Plan[] plans = new Allocation.Plan[BUDGET_FACTORS.length];
        for (int i = 0; i < plans.length; i++) {
            Allocation.Plan own = Allocation.solve(problem.withBudget(p.budget().get() * BUDGET_FACTORS[i]));
            plans[i] = i > 0 && plans[i - 1].value() > own.value() ? new Allocation.Plan(plans[i - 1].chosen(),
                    plans[i - 1].value(), plans[i - 1].cost(), own.bound(), plans[i - 1].method()) : own;
        }
        return plans;
    }

    private long writeWhatIf(StepContext ctx, Catalogue catalogue, Candidates c, Allocation.Plan[] plans)
            throws Exception {
        BatchSink sink = ctx.output(WHAT_IF_PORT, WHAT_IF);
        if (plans == null) {
            return 0;
        }
        BatchBuilder b = new BatchBuilder(WHAT_IF);
        for (int k = 0; k < plans.length; k++) {
            double f = BUDGET_FACTORS[k];
            Allocation.Plan plan = plans[k];
            b.setDouble(0, f).setDouble(1, p.budget().get() * f).setLong(2, plan.chosen().length)
                    .setLong(3, Arrays.stream(plan.chosen()).map(i -> c.customer[i]).distinct().count())
                    .setDouble(4, plan.cost()).setDouble(5, expectedValue(catalogue, c, plan))
                    .setDouble(6, plan.bound()).setDouble(7, plan.gap()).endRow();
        }
        sink.write(b.build());
        return BUDGET_FACTORS.length;
    }
}
