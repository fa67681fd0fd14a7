package org.assay.privacy.internal.dp;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gaussian mechanism of dp-aggregate: its calibration against values computed independently
 * (the discrete and continuous analytic Gaussian, evaluated in double precision by a separate
 * script), the distribution of its noise with a fixed seed, and the (epsilon, delta) accounting.
 */
class DiscreteGaussianTest {

    @TempDir
    Path dir;

    @Test
    void sigmaIsTheSmallestThatGivesDeltaAndBeatsTheClassicBound() {
        // epsilon, delta, sensitivity -> sigma of the discrete analytic Gaussian (continuous: 3.7306, 8.0576, 2.2305)
        double[][] known = {{1, 1e-5, 1, 3.74048}, {0.5, 1e-6, 1, 8.05248}, {2, 1e-6, 1, 2.24663},
            {0.5, 1e-6, 1024, 8251.00}};
        for (double[] k : known) {
            double sigma = DiscreteGaussian.sigma((long) k[2], k[0], k[1]);
            assertTrue(sigma >= k[3] * (1 - 1e-6) && sigma <= k[3] * 1.0004, "sigma " + sigma + " for " + k[3]);
            assertTrue(DiscreteGaussian.delta(sigma, (long) k[2], k[0]) <= k[1], "safe side");
            assertTrue(DiscreteGaussian.delta(sigma * 0.995, (long) k[2], k[0]) > k[1], "and about the smallest");
            double classic = k[2] * Math.sqrt(2 * Math.log(1.25 / k[1])) / k[0];
            assertTrue(sigma < classic, "below the classic " + classic);
        }
    }

    @Test
    void deltaFallsWithSigmaAndNoNoiseIsNoPrivacy() {
        double previous = 1;
        for (double sigma = 0.5; sigma < 20; sigma *= 1.5) {
            double d = DiscreteGaussian.delta(sigma, 1, 1.0);
            assertTrue(d < previous && d >= 0, sigma + ": " + d);
            previous = d;
        }
        assertTrue(DiscreteGaussian.delta(0.05, 1, 1.0) > 0.99, "almost no noise: almost no guarantee");
        assertEquals(Math.sqrt(2 * Math.PI) * 3, DiscreteGaussian.normalizer(3), 1e-9);
        double direct = 1;
        for (int x = 1; x < 100; x++) {
            direct += 2 * Math.exp(-x * x / 18.0);
        }
        assertEquals(direct, DiscreteGaussian.normalizer(3), 1e-9, "Poisson summation is exact here");
    }

    /** 200,000 seeded draws: centred, the variance sigma^2, and the shape of the pmf (chi-square). */
    @Test
    void seededNoiseHasTheDiscreteGaussianDistribution() {
        double sigma = 3;
        DiscreteGaussian g = new DiscreteGaussian(new Random(20261202L));
        int n = 200_000;
        int span = 12;
        long[] counts = new long[2 * span + 3];
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            long z = g.sample(sigma);
            sum += z;
            squares += (double) z * z;
            counts[(int) (Math.max(-span - 1, Math.min(span + 1, z)) + span + 1)]++;
        }
        double mean = sum / n;
        assertEquals(0, mean, 4 * sigma / Math.sqrt(n), "centred");
        assertEquals(sigma * sigma, squares / n - mean * mean, 0.015 * sigma * sigma, "variance sigma^2");
        double norm = DiscreteGaussian.normalizer(sigma);
        double chi2 = 0;
        double inner = 0;
        for (int z = -span; z <= span; z++) {
            double p = Math.exp(-z * z / (2 * sigma * sigma)) / norm;
            inner += p;
            double expected = n * p;
            chi2 += Math.pow(counts[z + span + 1] - expected, 2) / expected;
        }
        double tails = n * (1 - inner);
        chi2 += Math.pow(counts[0] + counts[counts.length - 1] - tails, 2) / Math.max(tails, 1e-9);
        // 25 cells + the tails: 25 degrees of freedom; P(chi2 > 52.6) = 0.001.
        assertTrue(chi2 < 52.6, "chi-square " + chi2);
    }

    static final Schema SALES = Schema.of(Field.of("region", FieldType.CATEGORICAL),
            Field.of("amount", FieldType.DECIMAL));

    private static List<Object[]> sales() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            rows.add(row(i % 2 == 0 ? "north" : "south", (double) (i % 100)));
        }
        return rows;
    }

    private StepTestRunner runner(BudgetLedger ledger) {
        return new StepTestRunner(new DpAggregateStepType(ledger), dir).param("groupBy", List.of("region"))
                .param("sum", List.of("amount")).param("bounds", Map.of("amount", "0,100"))
                .input("in", SALES, sales(), 300);
    }

    private BudgetLedger ledger(double epsilons, double deltas) {
        return new BudgetLedger(dir.resolve("ledger"), epsilons, Map.of(), deltas, Map.of(),
                run -> Optional.of("sales-report"));
    }

    @Test
    void gaussianReleasesSpendEpsilonAndDeltaAndMixWithLaplace() throws Exception {
        BudgetLedger ledger = ledger(100, 1e-5);
        StepTestRunner r = runner(ledger).param("epsilon", 5.0).param("mechanism", "gaussian").param("delta", 1e-6)
                .param("seed", 3L).run();
        Object[] north = r.output().get(0);
        assertEquals(1000, (long) north[1], 15);
        assertEquals(49000, (double) north[2], 1500, "evens 0..98, 20 times");
        List<String> report = Files.readAllLines(r.artifacts().get(0).file());
        assertTrue(report.get(0).endsWith(",delta,mechanism"), report.get(0));
        double countSigma = DiscreteGaussian.sigma(1, 5.0, 1e-6);
        assertTrue(report.get(1).startsWith("count,5,1," + org.assay.api.artifact.CsvTable.number(countSigma) + ","),
                report.get(1));
        assertTrue(report.get(1).endsWith(",1.0E-6,gaussian"), report.get(1));
        assertTrue(report.stream().anyMatch(l -> l.startsWith("delta spent by this step,,,2.0E-6")), report.toString());
        assertEquals(2e-6, ledger.deltaSpent("sales-report"), 1e-18);

        // A Laplace release of another run (the test runner's run id is fixed: a second run would be a replay).
        ledger.charge("run-2", "agg", 2.0);
        assertEquals(10 + 2, ledger.spent("sales-report"), 1e-9, "basic composition: epsilons add up");
        assertEquals(2e-6, ledger.deltaSpent("sales-report"), 1e-18, "laplace spends no delta");

        BudgetLedger tight = new BudgetLedger(dir.resolve("tight"), 100, Map.of(), 3e-6, Map.of(),
                run -> Optional.of("sales-report"));
        tight.charge("run-0", "agg", 1, 2e-6);
        StepFailure f = assertThrows(StepFailure.class, () -> runner(tight).param("mechanism", "gaussian")
                .param("delta", 1e-6).run());
        assertTrue(f.getMessage().contains("would exceed its delta budget: 2.0E-6 of 3.0E-6 delta spent by earlier runs,"
                + " this step needs 2.0E-6 more"), f.getMessage());
    }

    @Test
    void aLedgerWrittenBeforeDeltaStillCounts() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("old"));
        Files.writeString(folder.resolve(BudgetLedger.FILE), "2026-11-30T10:00:00Z\tsales-report\tr1\tagg\t1.5\n");
        BudgetLedger ledger = new BudgetLedger(folder, 10, Map.of(), 1e-5, Map.of(), x -> Optional.of("sales-report"));
        BudgetLedger.Charge c = ledger.charge("r2", "agg", 1, 1e-6);
        assertEquals(1.5, c.spentBefore(), 1e-12);
        assertEquals(0, c.deltaSpentBefore());
        assertEquals(1e-6, ledger.deltaSpent("sales-report"), 1e-18);
    }

    @Test
    void deltaGoesWithTheGaussianMechanismOnly() {
        new StepTestRunner(new DpAggregateStepType(ledger(10, 1e-5)), dir).param("mechanism", "gaussian")
                .assertInvalid("delta", "the gaussian mechanism needs delta");
        new StepTestRunner(new DpAggregateStepType(ledger(10, 1e-5)), dir).param("delta", 1e-6)
                .assertInvalid("delta", "delta is for the gaussian mechanism");
        new StepTestRunner(new DpAggregateStepType(ledger(10, 1e-5)), dir).param("mechanism", "gaussian")
                .param("delta", 0.5).assertInvalid("delta", "");
    }
}
