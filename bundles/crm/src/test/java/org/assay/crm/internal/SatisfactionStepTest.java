package org.assay.crm.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SatisfactionStepTest {

    @TempDir
    Path dir;

    static final Schema FEEDBACK = Schema.of(Field.of("date", FieldType.DATE), Field.of("nps", FieldType.INTEGER),
            Field.of("csat", FieldType.INTEGER), Field.of("plan", FieldType.CATEGORICAL),
            Field.of("category", FieldType.STRING), Field.of("hours", FieldType.DECIMAL),
            Field.of("sentiment", FieldType.DECIMAL));

    static Object[] find(List<Object[]> rows, String dimension, String segment, String period) {
        return rows.stream().filter(r -> r[0].equals(dimension) && r[1].equals(segment) && r[2].equals(period))
                .findFirst().orElseThrow(() -> new AssertionError(dimension + "/" + segment + "/" + period));
    }

    @Test
    void npsAndCsatFollowTheirDefinitionsWithIntervals() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        LocalDate jan = LocalDate.of(2025, 1, 10);
        LocalDate feb = LocalDate.of(2025, 2, 10);
        // January: 5 promoters (10), 3 passives (8), 2 detractors (3): NPS 30. CSAT 4,5 x6, 2 x4: 60%.
        int[] janNps = {10, 10, 10, 10, 10, 8, 8, 8, 3, 3};
        int[] janCsat = {5, 5, 5, 4, 4, 4, 2, 2, 2, 2};
        for (int i = 0; i < 10; i++) {
            rows.add(row(jan, (long) janNps[i], (long) janCsat[i], "basic", "billing", 1.0, 0.5));
        }
        // February: 1 promoter, 3 detractors: NPS -50; one response without a CSAT.
        int[] febNps = {9, 0, 6, 5};
        for (int i = 0; i < 4; i++) {
            rows.add(row(feb, (long) febNps[i], i == 3 ? null : 5L, "pro", "delivery", 2.0, -0.5));
        }
        StepTestRunner r = new StepTestRunner(new SatisfactionStepType(), dir).input("in", FEEDBACK, rows, 3)
                .param("npsColumn", "nps").param("csatColumn", "csat").param("dateColumn", "date")
                .param("segmentColumns", List.of("plan")).param("sentimentColumn", "sentiment").run();
        List<Object[]> out = r.output();
        Object[] j = find(out, "all", "all", "2025-01");
        assertEquals(10L, j[3]);
        assertEquals(5L, j[4]);
        assertEquals(3L, j[5]);
        assertEquals(2L, j[6]);
        assertEquals(30.0, (Double) j[7], 1e-9);
        // var = (0.5 + 0.2 - 0.09) / 10 = 0.061; half width 1.96 * 0.247 = 0.4841.
        assertEquals(30 - 48.41, (Double) j[8], 0.05);
        assertEquals(30 + 48.41, (Double) j[9], 0.05);
        assertEquals(60.0, (Double) j[11], 1e-9);
        assertEquals(LocalDate.of(2025, 1, 1), j[17]);
        assertEquals(LocalDate.of(2025, 4, 1).toEpochDay(), SatisfactionStep.periodStart("2025-Q2"));
        // Wilson 6/10 at 95%: 31.27% - 83.18%.
        assertEquals(31.27, (Double) j[12], 0.01);
        assertEquals(83.18, (Double) j[13], 0.01);
        Object[] f = find(out, "all", "all", "2025-02");
        assertEquals(-50.0, (Double) f[7], 1e-9);
        assertEquals(3L, f[10], "the response without a CSAT is left out of CSAT only");
        assertEquals(-0.5, (Double) f[15], 1e-12);
        assertEquals(1.0, (Double) f[16], 1e-12);
        Object[] all = find(out, "all", "all", "all");
        assertEquals(14L, all[3]);
        assertEquals(100.0 * (6 - 5) / 14, (Double) all[7], 1e-9);
        Object[] pro = find(out, "plan", "pro", "all");
        assertEquals(-50.0, (Double) pro[7], 1e-9);
        assertEquals(out.get(0)[2], "all", "the whole span comes before the periods");
        r.assertRowsAccountedFor();
    }

    @Test
    void theDriversRankThePlantedFactorFirst() throws Exception {
        // Detractor odds: 20% normally, 60% for category "delivery", 40% when hours > 48; plan has no effect.
        Random rnd = new Random(7);
        List<Object[]> rows = new ArrayList<>();
        String[] categories = {"billing", "delivery", "account", "product"};
        String[] plans = {"basic", "plus", "pro"};
        for (int i = 0; i < 4000; i++) {
            String cat = categories[rnd.nextInt(4)];
            double hours = rnd.nextDouble() * 96;
            double pLow = cat.equals("delivery") ? 0.6 : hours > 72 ? 0.4 : 0.2;
            long nps = rnd.nextDouble() < pLow ? rnd.nextInt(7) : 7 + rnd.nextInt(4);
            rows.add(row(LocalDate.of(2025, 1, 1).plusDays(i % 300), nps, 3L, plans[rnd.nextInt(3)], cat, hours,
                    0.0));
        }
        StepTestRunner r = new StepTestRunner(new SatisfactionStepType(), dir).input("in", FEEDBACK, rows, 500)
                .param("npsColumn", "nps").param("driverColumns", List.of("plan", "category", "hours")).run();
        List<Object[]> drivers = r.output("drivers");
        Object[] top = drivers.get(0);
        assertEquals("category", top[1]);
        assertEquals("delivery", top[2]);
        assertTrue((Double) top[7] > 2.0, "rate ratio about 0.6 / 0.22");
        assertEquals(true, top[13]);
        org.assay.api.report.ReportSection section = org.assay.api.report.ReportSections.read(r.artifacts().stream()
                .map(StepTestRunner.Artifact::file).filter(org.assay.api.report.ReportSections::isSection)
                .findFirst().orElseThrow());
        assertTrue(section.summary().get(0).startsWith("NPS is "), section.summary().toString());
        assertTrue(section.summary().stream().anyMatch(x -> x.contains("when category is delivery")),
                section.summary().toString());
        Object[] second = drivers.get(1);
        assertEquals("hours", second[1]);
        assertTrue(((String) second[2]).startsWith("q4: > 7"), (String) second[2]);
        for (Object[] d : drivers) {
            if (d[1].equals("plan")) {
                assertTrue((Double) d[8] < 1.0 || (Double) d[9] > 1.0 || !(Boolean) d[13]);
                assertTrue(Math.abs((Double) d[7] - 1) < 0.2, "plan has no planted effect: " + d[7]);
            }
        }
        r.assertRowsAccountedFor();
    }

    @Test
    void scoresOutOfRangeAreQuarantinedWithAReason() throws Exception {
        StepTestRunner r = new StepTestRunner(new SatisfactionStepType(), dir).input("in", FEEDBACK,
                row(LocalDate.of(2025, 1, 1), 11L, 3L, "basic", "x", 1.0, 0.0),
                row(LocalDate.of(2025, 1, 1), 5L, 0L, "basic", "x", 1.0, 0.0),
                row(LocalDate.of(2025, 1, 1), 9L, 5L, "basic", "x", 1.0, 0.0))
                .param("npsColumn", "nps").param("csatColumn", "csat").run();
        assertEquals(2, r.quarantined().size());
        assertTrue(r.quarantined().get(0).reason().contains("NPS score 11 is not 0-10"));
        assertTrue(r.quarantined().get(1).reason().contains("CSAT score 0 is not 1-5"));
        assertEquals(100.0, (Double) find(r.output(), "all", "all", "all")[7], 1e-9);
        r.assertRowsAccountedFor();
    }

    @Test
    void oneOfTheScoresIsRequired() throws Exception {
        new StepTestRunner(new SatisfactionStepType(), dir).input("in", FEEDBACK)
                .assertInvalid("npsColumn", "name the NPS column");
    }

    @Test
    void theRatiosMatchAHandComputedTable() {
        // 30 of 100 low against 10 of 100: RR 3, OR (30/70)/(10/90) = 3.857.
        double[] v = SatisfactionStats.ratios(30, 100, 10, 100, SatisfactionStats.z(0.95));
        assertEquals(3.0, v[0], 1e-12);
        assertEquals(30.0 / 70 / (10.0 / 90), v[3], 1e-12);
        double se = Math.sqrt(1 / 30.0 - 1 / 100.0 + 1 / 10.0 - 1 / 100.0);
        assertEquals(3 * Math.exp(-1.959964 * se), v[1], 1e-5);
        assertEquals(1.959964, SatisfactionStats.z(0.95), 1e-6);
        assertEquals(2.575829, SatisfactionStats.z(0.99), 1e-6);
    }
}
