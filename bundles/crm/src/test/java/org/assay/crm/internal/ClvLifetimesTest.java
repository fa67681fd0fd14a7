package org.assay.crm.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * clv against the Python {@code lifetimes} package, its reference, on one frequency/recency/T/monetary
 * table: {@code clv-synthetic-summary.csv} (3,000 customers drawn from BG/NBD in days with Gamma-Gamma
 * spends, written by {@code benchmarks/lifetimes_clv.py --write-synthetic}).
 *
 * <p>The expected figures came from lifetimes 0.11.3's code (BaseFitter._fit, BetaGeoFitter,
 * GammaGammaFitter of the public CamDavidsonPilon/lifetimes source, run unchanged with numpy 1.26.4,
 * scipy 1.11.4, pandas 2.2.3, because PyPI was not reachable where they were measured) through
 * {@code benchmarks/lifetimes_clv.py}, that is:
 * {@code BetaGeoFitter(penalizer_coef=0.0).fit(frequency, recency, T)},
 * {@code GammaGammaFitter(penalizer_coef=0.0).fit(frequency, monetary_value)} on the customers with
 * frequency > 0, {@code bgf.predict(365, ...)}, {@code bgf.conditional_probability_alive(...)} and
 * {@code ggf.customer_lifetime_value(bgf, ..., time=12, discount_rate=0.01, freq="D")}. The
 * log-likelihood is lifetimes' total converted to days (lifetimes fits on times scaled to max T = 1).
 */
class ClvLifetimesTest {

    static final double R = 0.5752180913780356;
    static final double ALPHA = 57.28913302837276;
    static final double A = 0.5673156402660086;
    static final double B = 2.311368447572527;
    static final double BG_LOG_LIKELIHOOD = -45026.16848830753;
    static final double P = 6.459397931509331;
    static final double Q = 3.883977360533953;
    static final double V = 136.39152231546237;
    static final double GG_LOG_LIKELIHOOD = -13595.557460009346;
    static final double EXPECTED_PURCHASES_365_SUM = 4193.647865989422;
    static final double P_ALIVE_SUM = 2062.181253463972;
    static final double CLV_12_MONTHS_SUM = 1173584.5460783727;
    static final double[] CLV_12_MONTHS_FIRST3 = {173.3278219252155, 107.44790374210918, 45.050698464372125};

    /** Relative tolerance on the parameters: both fits stop at the same optimum to about 1e-6. */
    static final double TIGHT = 1e-4;

    @TempDir
    Path dir;

    record Summary(long[] id, double[] x, double[] tx, double[] t, double[] m) { }

    static Summary summary() throws IOException {
        List<String> lines;
        try (InputStream in = ClvLifetimesTest.class.getResourceAsStream("clv-synthetic-summary.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
        }
        int n = lines.size();
        Summary s = new Summary(new long[n], new double[n], new double[n], new double[n], new double[n]);
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i).split(",");
            s.id()[i] = Long.parseLong(f[0]);
            s.x()[i] = Double.parseDouble(f[1]);
            s.tx()[i] = Double.parseDouble(f[2]);
            s.t()[i] = Double.parseDouble(f[3]);
            s.m()[i] = Double.parseDouble(f[4]);
        }
        return s;
    }

    static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.abs(expected), what);
    }

    @Test
    void modelsFitTheSameParametersAsLifetimes() throws IOException {
        Summary s = summary();
        BgNbd.Fit bg = BgNbd.fit(s.x(), s.tx(), s.t(), 400, () -> false);
        assertRelative(R, bg.model().r(), TIGHT, "r " + bg);
        assertRelative(ALPHA, bg.model().alpha(), TIGHT, "alpha " + bg);
        assertRelative(A, bg.model().a(), TIGHT, "a " + bg);
        assertRelative(B, bg.model().b(), TIGHT, "b " + bg);
        assertEquals(BG_LOG_LIKELIHOOD, bg.logLikelihood(), 1e-3, "the same maximum");
        List<Double> rx = new ArrayList<>();
        List<Double> rm = new ArrayList<>();
        for (int i = 0; i < s.x().length; i++) {
            if (s.x()[i] > 0) {
                rx.add(s.x()[i]);
                rm.add(s.m()[i]);
            }
        }
        GammaGamma.Fit gg = GammaGamma.fit(rx.stream().mapToDouble(Double::doubleValue).toArray(),
                rm.stream().mapToDouble(Double::doubleValue).toArray());
        assertRelative(P, gg.model().p(), TIGHT, "p " + gg);
        assertRelative(Q, gg.model().q(), TIGHT, "q " + gg);
        assertRelative(V, gg.model().gamma(), TIGHT, "v (gamma) " + gg);
        assertEquals(GG_LOG_LIKELIHOOD, gg.logLikelihood(), 1e-3);
        double expected = 0;
        double alive = 0;
        for (int i = 0; i < s.x().length; i++) {
            expected += bg.model().expected(s.x()[i], s.tx()[i], s.t()[i], 365);
            alive += bg.model().pAlive(s.x()[i], s.tx()[i], s.t()[i]);
        }
        assertRelative(EXPECTED_PURCHASES_365_SUM, expected, TIGHT, "conditional expected purchases in 365 days");
        assertRelative(P_ALIVE_SUM, alive, TIGHT, "P(alive)");
    }

    /**
     * The step itself, fed orders that have exactly the table's summary: the first order T days
     * before the last day observed (asOf - 1), x repeat orders on distinct days, the last tx days after
     * the first, each repeat spending the table's monetary value.
     */
    @Test
    void theStepOnOrdersWithThatSummaryGivesLifetimesFigures() throws Exception {
        Summary s = summary();
        LocalDate asOf = LocalDate.of(2026, 1, 1);
        LocalDate last = asOf.minusDays(1);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < s.x().length; i++) {
            LocalDate first = last.minusDays((long) s.t()[i]);
            rows.add(row(s.id()[i], first, 10.0));
            for (int j = 0; j < s.x()[i]; j++) {
                rows.add(row(s.id()[i], first.plusDays((long) s.tx()[i] - j), s.m()[i]));
            }
        }
        StepTestRunner r = new StepTestRunner(new ClvStepType(), dir).input("in", RfmStepTest.ORDERS, rows, 4000)
                .param("customerColumn", "customer_id").param("dateColumn", "order_date")
                .param("amountColumn", "amount").param("asOf", asOf.toString()).param("horizonDays", 360)
                .param("discountRate", 0.01).param("holdoutDays", 0).run();
        Map<String, Double> fit = new HashMap<>();
        for (Object[] f : r.output("fit")) {
            fit.put(f[0] + "." + f[1], (Double) f[2]);
        }
        assertRelative(R, fit.get("bg-nbd.r"), TIGHT, fit.toString());
        assertRelative(ALPHA, fit.get("bg-nbd.alpha"), TIGHT, fit.toString());
        assertRelative(A, fit.get("bg-nbd.a"), TIGHT, fit.toString());
        assertRelative(B, fit.get("bg-nbd.b"), TIGHT, fit.toString());
        assertEquals(BG_LOG_LIKELIHOOD, fit.get("bg-nbd.log_likelihood"), 1e-3);
        assertRelative(P, fit.get("gamma-gamma.p"), TIGHT, fit.toString());
        assertRelative(Q, fit.get("gamma-gamma.q"), TIGHT, fit.toString());
        assertRelative(V, fit.get("gamma-gamma.gamma"), TIGHT, fit.toString());
        List<Object[]> out = r.output();
        assertEquals(s.x().length, out.size());
        double clv = 0;
        double alive = 0;
        for (int i = 0; i < out.size(); i++) {
            Object[] o = out.get(i);
            assertEquals(s.id()[i], o[0]);
            assertEquals((long) s.x()[i], o[2], "repeat purchases");
            assertEquals((long) s.tx()[i], o[3], "recency");
            assertEquals((long) s.t()[i], o[4], "T");
            alive += (Double) o[6];
            clv += (Double) o[9];
            if (i < 3) {
                assertRelative(CLV_12_MONTHS_FIRST3[i], (Double) o[9], TIGHT, "clv of customer " + o[0]);
            }
        }
        assertRelative(P_ALIVE_SUM, alive, TIGHT, "P(alive)");
        assertRelative(CLV_12_MONTHS_SUM, clv, TIGHT, "12 months (12 x 30 days) of value, 1% a month");
        r.assertRowsAccountedFor();
    }
}
