package org.assay.decisions.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NextBestActionStepTest {

    @TempDir
    Path dir;

    static final Schema CANDIDATES = Schema.of(Field.of("customer_id", FieldType.STRING),
            Field.of("offer", FieldType.STRING), Field.of("propensity", FieldType.DECIMAL),
            Field.of("segment", FieldType.STRING), Field.of("consent", FieldType.BOOLEAN),
            Field.of("last_contact", FieldType.DATE));
    static final Schema OFFERS = Schema.of(Field.of("offer", FieldType.STRING), Field.of("margin", FieldType.DECIMAL),
            Field.of("cost", FieldType.DECIMAL), Field.of("channel", FieldType.STRING),
            Field.of("cap", FieldType.INTEGER), Field.of("segments", FieldType.STRING));
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

    static List<Object[]> offers() {
        return List.of(row("upgrade", 120.0, 8.0, "call", 30L, null), row("bundle", 40.0, 1.0, "email", null, null),
                row("winback", 60.0, 3.0, "email", 20L, "at risk"));
    }

    static List<Object[]> candidates(int customers, long seed) {
        Random r = new Random(seed);
        List<Object[]> rows = new ArrayList<>();
        String[] segments = {"loyal", "at risk", "new"};
        for (int c = 0; c < customers; c++) {
            String seg = segments[c % 3];
            boolean consent = r.nextDouble() < 0.9;
            LocalDate last = r.nextDouble() < 0.2 ? AS_OF.minusDays(3) : AS_OF.minusDays(60);
            for (String offer : new String[] {"upgrade", "bundle", "winback"}) {
                rows.add(row("c" + c, offer, r.nextDouble() * 0.5, seg, consent, last));
            }
        }
        return rows;
    }

    private StepTestRunner runner(Path where, List<Object[]> candidates) {
        return new StepTestRunner(new NextBestActionStepType(), where).input("in", CANDIDATES, candidates, 100)
                .input("offers", OFFERS, offers(), 10).param("segmentColumn", "segment")
                .param("consentColumn", "consent").param("lastContactColumn", "last_contact").param("fatigueDays", 14)
                .param("asOf", AS_OF.toString()).param("budget", 400.0)
                .param("channelCapacity", Map.of("call", "25")).param("simulations", 500);
    }

    @Test
    void theActionListRespectsEveryConstraint() throws Exception {
        List<Object[]> cands = candidates(300, 3);
        StepTestRunner r = runner(dir, cands).run();
        Map<String, Object[]> byKey = new HashMap<>();
        cands.forEach(c -> byKey.put(c[0] + "/" + c[1], c));
        List<Object[]> actions = r.output();
        assertTrue(actions.size() > 50, "a real plan: " + actions.size());
        double cost = 0;
        Map<String, Integer> perOffer = new HashMap<>();
        Map<String, Integer> perChannel = new HashMap<>();
        Map<String, Integer> perCustomer = new HashMap<>();
        for (Object[] a : actions) {
            Object[] c = byKey.get(a[0] + "/" + a[1]);
            assertEquals(Boolean.TRUE, c[4], "consent: " + a[0]);
            assertTrue(((LocalDate) c[5]).isBefore(AS_OF.minusDays(13)), "fatigue: " + a[0]);
            if (a[1].equals("winback")) {
                assertEquals("at risk", c[3], "winback goes to the at-risk segment only");
            }
            cost += (Double) a[6];
            perOffer.merge((String) a[1], 1, Integer::sum);
            perChannel.merge((String) a[2], 1, Integer::sum);
            perCustomer.merge((String) a[0], 1, Integer::sum);
            assertTrue((Double) a[7] > 0, "only actions worth their cost");
            assertTrue(((String) a[9]).startsWith("propensity "), (String) a[9]);
        }
        assertTrue(cost <= 400 + 1e-9, "budget: " + cost);
        assertTrue(perOffer.getOrDefault("upgrade", 0) <= 25, "call capacity (and the cap of 30)");
        assertTrue(perOffer.getOrDefault("winback", 0) <= 20, "winback cap");
        assertTrue(perChannel.getOrDefault("call", 0) <= 25);
        assertTrue(perCustomer.values().stream().allMatch(n -> n == 1), "one action per customer");

        Map<String, Double> summary = new HashMap<>();
        r.output("summary").forEach(s -> summary.put((String) s[0], (Double) s[1]));
        assertEquals(cost, summary.get("budget_used"), 1e-6);
        assertTrue(summary.get("upper_bound") >= summary.get("objective_value") - 1e-9);
        assertTrue(summary.get("gap_to_lp_bound") < 0.05, "gap " + summary.get("gap_to_lp_bound"));
        double mean = summary.get("simulated_revenue_mean");
        assertEquals(summary.get("expected_revenue"), mean, 0.05 * mean, "Monte Carlo mean near the expectation");
        assertTrue(summary.get("simulated_revenue_p5") < mean && mean < summary.get("simulated_revenue_p95"));
        assertEquals(500, r.output("simulation").size());

        List<Object[]> whatIf = r.output("what-if");
        assertEquals(3, whatIf.size());
        assertTrue((Double) whatIf.get(0)[5] <= (Double) whatIf.get(1)[5] + 1e-9);
        assertTrue((Double) whatIf.get(1)[5] <= (Double) whatIf.get(2)[5] + 1e-9, "more budget, no less value");
        assertTrue((Double) whatIf.get(0)[4] <= 320 + 1e-9);
        assertEquals(3, r.output("segments").size());
        r.assertRowsAccountedFor();
    }

    @Test
    void badCandidatesAreQuarantinedAndDuplicatesKeepTheBetterOne() throws Exception {
        List<Object[]> cands = List.of(row("a", "nope", 0.5, "loyal", true, null),
                row("b", "bundle", 1.5, "loyal", true, null), row(null, "bundle", 0.5, "loyal", true, null),
                row("c", "bundle", 0.2, "loyal", true, null), row("c", "bundle", 0.6, "loyal", true, null));
        StepTestRunner r = runner(dir, cands).run();
        assertEquals(3, r.quarantined().size());
        assertTrue(r.quarantined().get(0).reason().contains("'nope' is not in the offers"));
        assertTrue(r.quarantined().get(1).reason().contains("0 to 1"));
        assertEquals(1, r.output().size());
        assertEquals(0.6, (Double) r.output().get(0)[4], 1e-12);
        r.assertRowsAccountedFor();
    }

    @Test
    void churnWeightFavoursCustomersAtRisk() throws Exception {
        Schema withRisk = Schema.of(Field.of("customer_id", FieldType.STRING), Field.of("offer", FieldType.STRING),
                Field.of("propensity", FieldType.DECIMAL), Field.of("risk", FieldType.DECIMAL));
        List<Object[]> cands = List.of(row("safe", "bundle", 0.30, 0.0), row("risky", "bundle", 0.25, 0.9));
        StepTestRunner plain = new StepTestRunner(new NextBestActionStepType(), dir.resolve("a"))
                .input("in", withRisk, cands, 10).input("offers", OFFERS, offers(), 10).param("budget", 1.0).run();
        assertEquals("safe", plain.output().get(0)[0]);
        StepTestRunner weighted = new StepTestRunner(new NextBestActionStepType(), dir.resolve("b"))
                .input("in", withRisk, cands, 10).input("offers", OFFERS, offers(), 10).param("budget", 1.0)
                .param("churnRiskColumn", "risk").param("churnWeight", 1.0).run();
        assertEquals("risky", weighted.output().get(0)[0]);
    }

    @Test
    void parameterRules() {
        StepTestRunner r = runner(dir, List.of());
        r.param("channelCapacity", Map.of("call", "many")).assertInvalid("channelCapacity", "not a whole number");
        runner(dir, List.of()).param("asOf", "yesterday").assertInvalid("asOf", "not a date");
        new StepTestRunner(new NextBestActionStepType(), dir).input("in", CANDIDATES, List.of(), 1)
                .input("offers", OFFERS, List.of(), 1).param("fatigueDays", 3).assertInvalid("fatigueDays",
                        "lastContactColumn");
        new StepTestRunner(new NextBestActionStepType(), dir).input("in", CANDIDATES, List.of(), 1)
                .input("offers", Schema.of(Field.of("offer", FieldType.STRING)), List.of(), 1)
                .assertInvalid(null, "margin");
    }
}
