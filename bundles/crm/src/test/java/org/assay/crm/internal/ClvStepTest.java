package org.assay.crm.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClvStepTest {

    @TempDir
    Path dir;

    static final Schema ORDERS = RfmStepTest.ORDERS;
    static final LocalDate D = LocalDate.of(2024, 1, 1);
    /** The planted model, in days: about one purchase every 45 days while alive. */
    static final BgNbd TRUTH = new BgNbd(0.9, 40, 0.8, 2.5);
    static final GammaGamma SPEND = new GammaGamma(6.25, 3.74, 15.44);

    /** Orders of customers drawn from the planted models, observed until day 540 (asOf). */
    static List<Object[]> planted(int customers, long seed) {
        List<Object[]> rows = new ArrayList<>();
        List<Simulated.Customer> cs = Simulated.draw(TRUTH, SPEND, customers, 360, 540, seed);
        for (int c = 0; c < cs.size(); c++) {
            Simulated.Customer s = cs.get(c);
            double first = 540 - s.observed();
            for (int i = 0; i < s.times().length; i++) {
                rows.add(row((long) c, D.plusDays((long) Math.floor(first + s.times()[i])), s.spends()[i]));
            }
        }
        return rows;
    }

    private StepTestRunner runner(Path where, List<Object[]> rows) {
        return new StepTestRunner(new ClvStepType(), where).input("in", ORDERS, rows, 1000)
                .param("customerColumn", "customer_id").param("dateColumn", "order_date")
                .param("amountColumn", "amount").param("asOf", D.plusDays(540).toString());
    }

    @Test
    void recoversThePlantedModelsAndPredictsTheHoldout() throws Exception {
        StepTestRunner r = runner(dir, planted(4000, 5)).param("holdoutDays", 120).run();
        Map<String, Double> fit = new HashMap<>();
        for (Object[] f : r.output("fit")) {
            fit.put(f[0] + "." + f[1], (Double) f[2]);
        }
        assertEquals(TRUTH.r(), fit.get("bg-nbd.r"), 0.25 * TRUTH.r(), fit.toString());
        assertEquals(TRUTH.alpha(), fit.get("bg-nbd.alpha"), 0.25 * TRUTH.alpha(), fit.toString());
        assertEquals(TRUTH.a(), fit.get("bg-nbd.a"), 0.35 * TRUTH.a(), fit.toString());
        assertEquals(TRUTH.b(), fit.get("bg-nbd.b"), 0.35 * TRUTH.b(), fit.toString());
        double mean = fit.get("gamma-gamma.p") * fit.get("gamma-gamma.gamma") / (fit.get("gamma-gamma.q") - 1);
        assertEquals(SPEND.mean(), mean, 0.1 * SPEND.mean(), fit.toString());
        List<Object[]> out = r.output();
        assertEquals(4000, out.size());
        for (Object[] o : out) {
            assertEquals(ClvModel.FULL, o[10]);
            double alive = (Double) o[6];
            assertTrue(alive > 0 && alive <= 1);
            assertTrue((Double) o[9] >= 0);
        }
        Map<String, String> eval = new HashMap<>();
        Path file = r.artifacts().stream().filter(a -> a.file().endsWith(ClvStep.EVALUATION_FILE)).findFirst()
                .orElseThrow().file();
        for (String line : Files.readAllLines(file).subList(1, 9)) {
            eval.put(line.substring(0, line.indexOf(',')), line.substring(line.indexOf(',') + 1));
        }
        assertEquals(ClvModel.FULL, eval.get("method"));
        double actual = Double.parseDouble(eval.get("actual_purchases"));
        double predicted = Double.parseDouble(eval.get("predicted_purchases"));
        assertEquals(actual, predicted, 0.15 * actual, eval.toString());
        assertTrue(Double.parseDouble(eval.get("correlation")) > 0.3, eval.toString());
        assertTrue(r.artifacts().stream().anyMatch(a -> a.file().endsWith(ClvStep.HOLDOUT_FILE)));
        r.assertRowsAccountedFor();
    }

    @Test
    void valueIsDiscountedMonthByMonth() throws Exception {
        List<Object[]> rows = planted(600, 9);
        Object[] plain = runner(dir.resolve("a"), rows).param("discountRate", 0.0).param("holdoutDays", 0).run()
                .output().get(0);
        Object[] discounted = runner(dir.resolve("b"), rows).param("discountRate", 0.05).param("holdoutDays", 0)
                .run().output().get(0);
        assertEquals((Double) plain[7] * (Double) plain[8], (Double) plain[9], 1e-9 * (Double) plain[9],
                "undiscounted: purchases x spend");
        assertTrue((Double) discounted[9] < (Double) plain[9]);
    }

    @Test
    void fewRepeatCustomersFallBackToTheHistoricalValue() throws Exception {
        List<Object[]> rows = List.of(row(1L, D, 10.0), row(1L, D.plusDays(100), 30.0), row(2L, D.plusDays(50),
                5.0));
        StepTestRunner r = runner(dir, rows).param("horizonDays", 200).param("discountRate", 0.0).run();
        List<Object[]> out = r.output();
        assertEquals(ClvModel.HISTORICAL, out.get(0)[10]);
        assertNull(out.get(0)[6], "no P(alive) without the model");
        assertEquals(1.0 / 539 * 200, (Double) out.get(0)[7], 1e-12, "one repeat purchase in 539 days (T to the day before asOf)");
        assertEquals(20.0, out.get(0)[8]);
        assertEquals(0.0, out.get(1)[9]);
        assertTrue(r.output("fit").isEmpty());
        r.assertRowsAccountedFor();
    }

    @Test
    void badRowsAreQuarantinedAndSameDayOrdersAreOnePurchase() throws Exception {
        List<Object[]> rows = new ArrayList<>(List.of(row(1L, D, 10.0), row(1L, D, 5.0), row(1L, D.plusDays(9), 6.0),
                row(null, D, 1.0), row(2L, null, 1.0), row(2L, D, -1.0), row(2L, D, Double.NaN)));
        StepTestRunner r = runner(dir, rows).run();
        assertEquals(4, r.quarantined().size());
        Object[] one = r.output().get(0);
        assertEquals(2L, one[1]);
        assertEquals(1L, one[2]);
        assertEquals(9L, one[3]);
        assertEquals(539L, one[4], "T runs to the last day observed, the day before asOf");
        assertEquals(10.5, one[5]);
        r.assertRowsAccountedFor();
    }

    @Test
    void emptyInputWritesEmptyOutputs() throws Exception {
        StepTestRunner r = runner(dir, List.of()).run();
        assertTrue(r.output().isEmpty());
        assertTrue(r.output("fit").isEmpty());
        r.assertRowsAccountedFor();
    }

    @Test
    void parameterRules() {
        runner(dir, List.of()).param("asOf", "2024-13-01").assertInvalid("asOf", "not a date");
        runner(dir, List.of()).param("horizonDays", 0).assertInvalid("horizonDays", "");
        runner(dir, List.of()).param("discountRate", -0.1).assertInvalid("discountRate", "");
        runner(dir, List.of()).param("holdoutDays", -1).assertInvalid("holdoutDays", "");
        runner(dir, List.of()).param("dateColumn", "customer_id").assertInvalid("customerColumn", "three");
    }

    @Test
    void designTimeSchemas() {
        ClvStepType type = new ClvStepType();
        Map<String, Schema> out = type.outputSchemas(Parameters.of(type.descriptor(), Map.of("customerColumn",
                "customer_id", "dateColumn", "order_date", "amountColumn", "amount")), Map.of("in", ORDERS))
                .orElseThrow();
        assertEquals(ClvStep.customers(Field.of("customer_id", FieldType.INTEGER)), out.get("out"));
        assertEquals(ClvStep.FIT, out.get("fit"));
    }
}
