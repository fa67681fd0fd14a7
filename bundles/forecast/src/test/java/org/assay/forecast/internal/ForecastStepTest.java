package org.assay.forecast.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastStepTest {

    static final Schema ORDERS = Schema.of(Field.of("order_date", FieldType.DATE),
            Field.of("region", FieldType.STRING), Field.of("amount", FieldType.DECIMAL));

    @TempDir
    Path dir;

    private final ForecastStepType type = new ForecastStepType();

    /**
     * Orders over 72 months from 2019-01: monthly sales grow 1.5% a month with a +-25% yearly
     * season peaking in December and 5% noise; north sells twice what south does.
     */
    static List<Object[]> orders(long seed) {
        Random random = new Random(seed);
        List<Object[]> rows = new ArrayList<>();
        for (int m = 0; m < 72; m++) {
            LocalDate month = LocalDate.of(2019, 1, 1).plusMonths(m);
            double season = 1 + 0.25 * Math.cos(2 * Math.PI * (month.getMonthValue() - 12) / 12.0);
            for (String region : List.of("north", "south")) {
                double target = (region.equals("north") ? 20_000 : 10_000) * Math.pow(1.015, m) * season
                        * (1 + 0.05 * random.nextGaussian());
                double sum = 0;
                while (sum < target) {
                    double amount = 20 + random.nextDouble() * 180;
                    sum += amount;
                    rows.add(row(month.plusDays(random.nextInt(month.lengthOfMonth())), region, amount));
                }
            }
        }
        return rows;
    }

    private StepTestRunner runner(List<Object[]> rows) {
        return new StepTestRunner(type, dir).input("in", ORDERS, rows, 2000).param("dateColumn", "order_date")
                .param("valueColumn", "amount");
    }

    @Test
    void beatsSeasonalNaivePerRegionOnPlantedTrendAndSeason() throws Exception {
        StepTestRunner r = runner(orders(1)).param("groupBy", List.of("region")).run();
        List<String> eval = Files.readAllLines(artifact(r, ForecastStep.EVALUATION_FILE));
        assertEquals("series,method,holdout,mae,rmse,mape,smape,alpha,beta,gamma,phi", eval.get(0));
        assertEquals(5, eval.size(), eval.toString());
        for (int i = 1; i < eval.size(); i += 2) {
            String[] model = eval.get(i).split(",");
            String[] naive = eval.get(i + 1).split(",");
            assertEquals("seasonal naive", naive[1]);
            assertEquals(model[0], naive[0]);
            assertTrue(Double.parseDouble(model[5]) < Double.parseDouble(naive[5]), eval.toString());
        }
        assertTrue(eval.get(1).startsWith("north,"), "largest series first: " + eval);
        List<Object[]> out = r.output();
        assertEquals(2 * (72 + 12), out.size());
        Object[] firstForecast = out.stream().filter(o -> o[2].equals("forecast")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2025, 1, 1), firstForecast[1]);
        double value = (Double) firstForecast[3];
        assertTrue((Double) firstForecast[4] < value && value < (Double) firstForecast[5]);
        double truth = 20_000 * Math.pow(1.015, 72) * (1 + 0.25 * Math.cos(2 * Math.PI * -11 / 12.0));
        assertEquals(truth, value, truth * 0.12);
        assertEquals(2, r.artifacts().stream().filter(a -> a.file().toString().endsWith(".png")).count());
        assertTrue(Files.size(artifact(r, "forecast-1.png")) > 10_000);
        r.assertRowsAccountedFor();
    }

    @Test
    void missingMonthsAreFilledAndFlaggedOrRefused() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (int m = 0; m < 30; m++) {
            if (m != 10 && m != 11) {
                rows.add(row(LocalDate.of(2020, 1, 15).plusMonths(m), "x", 100.0 + m));
            }
        }
        StepTestRunner zero = runner(rows).run();
        Object[] gap = zero.output().get(10);
        assertEquals(LocalDate.of(2020, 11, 1), gap[1]);
        assertEquals(0.0, gap[3]);
        assertEquals(true, gap[7]);
        assertEquals(false, zero.output().get(9)[7]);
        StepTestRunner line = new StepTestRunner(type, dir.resolve("i")).input("in", ORDERS, rows, 100)
                .param("dateColumn", "order_date").param("valueColumn", "amount").param("missingPeriods", "interpolate")
                .run();
        assertEquals(110.0, (Double) line.output().get(10)[3], 1e-9);
        assertEquals(111.0, (Double) line.output().get(11)[3], 1e-9);
        StepTestRunner fail = new StepTestRunner(type, dir.resolve("f")).input("in", ORDERS, rows, 100)
                .param("dateColumn", "order_date").param("valueColumn", "amount").param("missingPeriods", "fail");
        StepFailure e = assertThrows(StepFailure.class, fail::run);
        assertTrue(e.getMessage().contains("2020-11-01") && e.getMessage().contains("missingPeriods"), e.getMessage());
    }

    @Test
    void countsRowsPerWeekAndQuarantinesRowsWithoutADate() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        // 2024-01-01 is a Monday: three rows in its week, one the next week, one without a date.
        rows.add(row(LocalDate.of(2024, 1, 1), "x", 1.0));
        rows.add(row(LocalDate.of(2024, 1, 3), "x", 1.0));
        rows.add(row(LocalDate.of(2024, 1, 7), "x", null));
        rows.add(row(LocalDate.of(2024, 1, 8), "x", 1.0));
        rows.add(row(null, "x", 1.0));
        StepTestRunner r = new StepTestRunner(type, dir).input("in", ORDERS, rows, 100)
                .param("dateColumn", "order_date").param("aggregation", "count").param("period", "week")
                .param("horizon", 2).param("charts", 0).run();
        assertEquals(1, r.quarantined().size());
        List<Object[]> out = r.output();
        assertEquals(LocalDate.of(2024, 1, 1), out.get(0)[1]);
        assertEquals(3.0, out.get(0)[3]);
        assertEquals(1.0, out.get(1)[3]);
        assertEquals(4, out.size());
        assertFalse(r.artifacts().stream().anyMatch(a -> a.file().toString().endsWith(".png")));
        r.assertRowsAccountedFor();
    }

    @Test
    void emptyInputForecastsNothingAndSaysSo() throws Exception {
        StepTestRunner r = runner(List.of()).run();
        assertTrue(r.output().isEmpty());
        assertEquals(ForecastStep.OUTPUT, r.outputSchema("out"));
        assertTrue(Files.readString(artifact(r, ForecastStep.SUMMARY_FILE)).contains("no rows"));
        r.assertRowsAccountedFor();
    }

    @Test
    void parametersAreCheckedAtDeploy() {
        new StepTestRunner(type, dir).input("in", ORDERS).param("dateColumn", "order_date")
                .assertInvalid("valueColumn", "needs the column");
        new StepTestRunner(type, dir).input("in", ORDERS).param("dateColumn", "region")
                .param("valueColumn", "amount").assertInvalid("dateColumn", "");
        new StepTestRunner(type, dir).input("in", ORDERS).param("dateColumn", "order_date")
                .param("valueColumn", "amount").param("confidence", 1.5).assertInvalid("confidence", "");
        assertEquals(ForecastStep.OUTPUT, type.outputSchemas(org.assay.api.step.Parameters.of(type.descriptor(),
                java.util.Map.of("valueColumn", "amount")), java.util.Map.of()).orElseThrow().get("out"));
    }

    @Test
    void theValueIsCalledWhatTheWorkflowCallsIt() throws Exception {
        StepTestRunner named = runner(orders(3)).param("valueLabel", "sales").param("charts", 0).run();
        assertTrue(Files.readString(artifact(named, ForecastStep.SUMMARY_FILE)).contains("series of month sales;"),
                Files.readString(artifact(named, ForecastStep.SUMMARY_FILE)));
        StepTestRunner plain = runner(orders(3)).param("charts", 0).run();
        assertTrue(Files.readString(artifact(plain, ForecastStep.SUMMARY_FILE)).contains("of month sum of amount;"));
    }

    private static Path artifact(StepTestRunner r, String name) {
        return r.artifacts().stream().filter(a -> a.file().endsWith(name)).findFirst().orElseThrow().file();
    }
}
