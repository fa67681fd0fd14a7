package org.assay.privacy.internal.dp;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

class DpAggregateStepTest {

    @TempDir
    Path dir;

    static final Schema SALES = Schema.of(Field.of("region", FieldType.CATEGORICAL),
            Field.of("amount", FieldType.DECIMAL), Field.of("age", FieldType.INTEGER));

    private BudgetLedger ledger(double budget) {
        return new BudgetLedger(dir.resolve("ledger"), budget, Map.of(), run -> Optional.of("sales-report"));
    }

    private static List<Object[]> sales() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(row(i % 2 == 0 ? "north" : "south", (double) (i % 100), (long) (20 + i % 50)));
        }
        rows.add(row("north", 1e9, null));
        return rows;
    }

    private StepTestRunner runner(BudgetLedger ledger) {
        return new StepTestRunner(new DpAggregateStepType(ledger), dir).param("groupBy", List.of("region"))
                .param("sum", List.of("amount")).param("mean", List.of("age"))
                .param("bounds", Map.of("amount", "0,100", "age", "0,120")).input("in", SALES, sales(), 300);
    }

    @Test
    void noisyCountsSumsAndMeansCloseToTheTruthAtALargeEpsilon() throws Exception {
        StepTestRunner r = runner(ledger(1000)).param("epsilon", 10.0).run();
        Object[] north = r.output().get(0);
        assertEquals("north", north[0]);
        assertEquals(501, (long) north[1], 3);
        // Evens 0..98 repeated: 10 x 2450 = 24500, plus the 1e9 outlier clamped to 100.
        assertEquals(24600, (double) north[2], 100);
        assertEquals(43.5, (double) north[3], 1.5, "ages 20..68, evens: mean 43.5 (the null is left out)");
        assertEquals(List.of("region", "count", "sum_amount", "mean_age"), r.outputSchema("out").names());
        assertEquals(1001 - 2, r.filtered());
        r.assertRowsAccountedFor();
    }

    @Test
    void theReportStatesEachNoiseScaleAndTheBudget() throws Exception {
        StepTestRunner r = runner(ledger(10)).param("epsilon", 0.5).param("seed", 1L).run();
        List<String> lines = Files.readAllLines(r.artifacts().get(0).file());
        assertTrue(lines.get(1).startsWith("count,0.5,1,2,5.99"), "scale 1/0.5, 95% within 2 ln 20: " + lines.get(1));
        assertTrue(lines.get(2).startsWith("sum amount,0.5,100,200"), lines.get(2));
        assertTrue(lines.get(3).contains("mean age"), lines.get(3));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("budget spent by this step,,,1.5")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("budget remaining,,,8.5")), lines.toString());
    }

    @Test
    void aSeedReproducesTheNoiseAndNoSeedDoesNot() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        List<Object> first = new ArrayList<>();
        List<Object> second = new ArrayList<>();
        new StepTestRunner(new DpAggregateStepType(new BudgetLedger(a, 100, Map.of(), x -> Optional.of("w"))), a)
                .param("groupBy", List.of("age")).param("epsilon", 0.1).param("seed", 7L).input("in", SALES, sales(),
                        300).run().output().forEach(row -> first.add(row[1]));
        new StepTestRunner(new DpAggregateStepType(new BudgetLedger(b, 100, Map.of(), x -> Optional.of("w"))), b)
                .param("groupBy", List.of("age")).param("epsilon", 0.1).param("seed", 7L).input("in", SALES, sales(),
                        300).run().output().forEach(row -> second.add(row[1]));
        assertEquals(first, second);
        List<Object> unseeded = new ArrayList<>();
        new StepTestRunner(new DpAggregateStepType(new BudgetLedger(b, 100, Map.of(), x -> Optional.of("w2"))), b)
                .param("groupBy", List.of("age")).param("epsilon", 0.1).input("in", SALES, sales(), 300).run()
                .output().forEach(row -> unseeded.add(row[1]));
        assertNotEquals(first, unseeded, "51 groups with noise scale 10 never all match");
    }

    @Test
    void theBudgetIsEnforcedAcrossRunsAndSurvivesARestart() throws Exception {
        BudgetLedger ledger = ledger(2.0);
        assertEquals(1.5, ledger.charge("run-1", "agg", 1.5).charged());
        BudgetLedger.Charge again = ledger.charge("run-1", "agg", 1.5);
        assertTrue(again.repeated(), "a replayed step is not charged twice");
        BudgetLedger restarted = ledger(2.0);
        assertEquals(1.5, restarted.spent("sales-report"), 1e-12);
        StepFailure f = assertThrows(StepFailure.class, () -> restarted.charge("run-2", "agg", 1.0));
        assertEquals("dp-aggregate: workflow 'sales-report' would exceed its privacy budget: 1.5 of 2 epsilon spent "
                + "by earlier runs, this step needs 1 more. Lower epsilon or the number of queries, or an "
                + "administrator raises the budget in etc/org.assay.privacy.cfg (budgets=sales-report=...), knowing "
                + "every release so far already spent its share", f.getMessage());
        StepFailure step = assertThrows(StepFailure.class, () -> runner(restarted).param("epsilon", 0.5).run());
        assertTrue(step.getMessage().contains("would exceed its privacy budget"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(
                "ledger").resolve(BudgetLedger.FILE))));
        BudgetLedger other = new BudgetLedger(dir.resolve("ledger"), 2.0, Map.of(), run -> Optional.of("other"));
        assertEquals(1.0, other.charge("run-3", "agg", 1.0).charged(), "budgets are per workflow");
    }

    @Test
    void perWorkflowBudgetsParseAndTyposAreRefused() {
        assertEquals(Map.of("a", 5.0, "b-c", 2.5), BudgetLedger.parseBudgets(" a=5, b-c = 2.5,"));
        assertThrows(IllegalArgumentException.class, () -> BudgetLedger.parseBudgets("a:5"));
        assertThrows(IllegalArgumentException.class, () -> BudgetLedger.parseBudgets("a=-1"));
        assertEquals(5.0, new BudgetLedger(dir, 1, Map.of("a", 5.0), x -> Optional.of("a")).budgetOf("a"));
    }

    @Test
    void boundsAreDeclaredNeverGuessed() {
        new StepTestRunner(new DpAggregateStepType(ledger(10)), dir).param("sum", List.of("amount"))
                .assertInvalid("bounds", "column 'amount' needs clamping bounds");
        new StepTestRunner(new DpAggregateStepType(ledger(10)), dir).param("sum", List.of("amount"))
                .param("bounds", Map.of("amount", "100,0")).assertInvalid("bounds", "with low < high");
        new StepTestRunner(new DpAggregateStepType(ledger(10)), dir).param("count", false)
                .assertInvalid("count", "nothing to release");
        new StepTestRunner(new DpAggregateStepType(ledger(10)), dir).param("sum", List.of("region"))
                .param("bounds", Map.of("region", "0,1")).input("in", SALES, sales(), 300).assertInvalid("sum", "");
    }

    @Test
    void discreteLaplaceHasTheExpectedSpread() {
        DiscreteLaplace noise = new DiscreteLaplace(new Random(11));
        double b = 2;
        double sumAbs = 0;
        long sum = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            long z = noise.sample(b);
            sumAbs += Math.abs(z);
            sum += z;
        }
        double alpha = Math.exp(-1 / b);
        assertEquals(2 * alpha / (1 - alpha * alpha), sumAbs / n, 0.03, "E|Z| of the two-sided geometric");
        assertEquals(0, sum / (double) n, 0.03, "centred");
    }
}
