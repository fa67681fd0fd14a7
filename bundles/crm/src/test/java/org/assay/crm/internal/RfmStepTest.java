package org.assay.crm.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RfmStepTest {

    @TempDir
    Path dir;

    static final Schema ORDERS = Schema.of(Field.of("customer_id", FieldType.INTEGER),
            Field.of("order_date", FieldType.DATE), Field.of("amount", FieldType.DECIMAL));

    static final LocalDate D = LocalDate.of(2025, 1, 1);

    private StepTestRunner runner(Path where, List<Object[]> rows) {
        return new StepTestRunner(new RfmStepType(), where).input("in", ORDERS, rows, 3)
                .param("customerColumn", "customer_id").param("dateColumn", "order_date")
                .param("amountColumn", "amount");
    }

    /** Customer c (1..10) orders c times, the last one 10 (11 - c) days before asOf, c x 10 each time. */
    static List<Object[]> ladder() {
        List<Object[]> rows = new ArrayList<>();
        for (long c = 1; c <= 10; c++) {
            for (int k = 0; k < c; k++) {
                rows.add(row(c, D.plusDays(100 - 10 * (11 - c) - k), 10.0 * c));
            }
        }
        return rows;
    }

    @Test
    void scoresAreQuintilesAndTheSegmentsFollowTheTable() throws Exception {
        StepTestRunner r = runner(dir, ladder()).param("asOf", D.plusDays(100).toString()).run();
        List<Object[]> out = r.output();
        assertEquals(10, out.size());
        Object[] best = out.get(9);
        assertEquals(10L, best[0]);
        assertEquals(10L, best[3], "recency in days");
        assertEquals(10L, best[4]);
        assertEquals(1000.0, best[5]);
        assertEquals("555", best[10]);
        assertEquals("Champions", best[11]);
        Object[] worst = out.get(0);
        assertEquals(100L, worst[3]);
        assertEquals("111", worst[10]);
        assertEquals("Lost", worst[11]);
        assertEquals(List.of(1L, 1L, 2L, 2L, 3L, 3L, 4L, 4L, 5L, 5L), out.stream().map(o -> o[6]).toList());
        assertEquals("Need attention", out.get(4)[11], "R 3, FM 3");
        List<Object[]> segments = r.output("segments");
        double share = segments.stream().mapToDouble(s -> (Double) s[2]).sum();
        double revenue = segments.stream().mapToDouble(s -> (Double) s[4]).sum();
        assertEquals(1.0, share, 1e-12);
        assertEquals(1.0, revenue, 1e-12);
        Object[] champions = segments.get(0);
        assertEquals("Champions", champions[0]);
        assertEquals(2L, champions[1]);
        assertEquals((9 * 90 + 10 * 100) / 3850.0, (Double) champions[4], 1e-12, "revenue 10 c^2 in all");
        assertEquals(15.0, (Double) champions[5], 1e-12, "mean recency of customers 9 and 10");
        Path rules = r.artifacts().stream().filter(a -> a.file().endsWith(RfmStep.RULES_FILE)).findFirst()
                .orElseThrow().file();
        List<String> lines = Files.readAllLines(rules);
        assertEquals(26, lines.size());
        assertEquals("5,5,Champions", lines.get(1));
        assertEquals("1,1,Lost", lines.get(25));
        r.assertRowsAccountedFor();
    }

    @Test
    void everyCellOfTheRuleTableHasOneOfTheElevenSegments() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int r = 1; r <= 5; r++) {
            for (int fm = 1; fm <= 5; fm++) {
                seen.add(RfmSegments.NAMES.get(RfmSegments.segment(r, fm)));
            }
        }
        assertEquals(11, seen.size());
        assertTrue(RfmSegments.DOC.contains("Champions: R 5 FM 4-5"), RfmSegments.DOC);
        assertTrue(new RfmStepType().descriptor().description().contains("Can't lose them: R 2 FM 5, R 1 FM 5"));
        assertEquals(3, RfmSegments.fm(2, 3), "half rounds up");
    }

    @Test
    void tiesShareTheScoreOfTheirFirstPosition() {
        assertArrayEquals(new int[] {1, 1, 1, 1, 5}, RfmStep.scores(new double[] {1, 1, 1, 1, 2}));
        assertArrayEquals(new int[] {4, 1, 2, 2}, RfmStep.scores(new double[] {9, 1, 4, 4}));
        assertArrayEquals(new int[] {1}, RfmStep.scores(new double[] {7}));
    }

    @Test
    void defaultAsOfIsTheDayAfterTheLastOrderAndMeanMonetaryIsPerOrder() throws Exception {
        StepTestRunner r = runner(dir, List.of(row(1L, D, 10.0), row(1L, D.plusDays(2), 30.0), row(2L, D, 5.0)))
                .param("monetary", "mean").run();
        List<Object[]> out = r.output();
        assertEquals(1L, out.get(0)[3], "the last order was the day before asOf");
        assertEquals(20.0, out.get(0)[5]);
        assertEquals(3L, out.get(1)[3]);
        assertEquals(D.plusDays(2), out.get(0)[2]);
    }

    @Test
    void ordersOnOrAfterAsOfAreFilteredAndBadRowsQuarantined() throws Exception {
        List<Object[]> rows = new ArrayList<>(ladder());
        rows.add(row(null, D, 1.0));
        rows.add(row(3L, null, 1.0));
        rows.add(row(3L, D, -5.0));
        rows.add(row(3L, D.plusDays(100), 5.0));
        rows.add(row(4L, D.plusDays(10), null));
        StepTestRunner r = runner(dir, rows).param("asOf", D.plusDays(100).toString()).run();
        assertEquals(3, r.quarantined().size());
        assertTrue(r.quarantined().get(0).reason().contains("no customer"));
        assertTrue(r.quarantined().get(1).reason().contains("no date"));
        assertTrue(r.quarantined().get(2).reason().contains("negative"));
        assertEquals(3L, r.output().get(2)[4], "the order on asOf is left out");
        assertEquals(5L, r.output().get(3)[4], "a missing amount is an order of 0");
        r.assertRowsAccountedFor();
    }

    @Test
    void textKeysAndTimestampsWork() throws Exception {
        Schema s = Schema.of(Field.of("who", FieldType.STRING), Field.of("at", FieldType.TIMESTAMP),
                Field.of("amount", FieldType.INTEGER));
        StepTestRunner r = new StepTestRunner(new RfmStepType(), dir).input("in", s, row("a",
                java.time.Instant.parse("2025-01-01T23:00:00Z"), 5L)).param("customerColumn", "who")
                .param("dateColumn", "at").param("amountColumn", "amount").run();
        assertEquals("a", r.output().get(0)[0]);
        assertEquals(D, r.output().get(0)[1]);
        assertEquals(1L, r.output().get(0)[3]);
    }

    @Test
    void emptyInputWritesEmptyOutputs() throws Exception {
        StepTestRunner r = runner(dir, List.of()).run();
        assertTrue(r.output().isEmpty());
        assertTrue(r.output("segments").isEmpty());
        r.assertRowsAccountedFor();
    }

    @Test
    void parameterRules() {
        runner(dir, List.of()).param("asOf", "yesterday").assertInvalid("asOf", "not a date");
        runner(dir, List.of()).param("amountColumn", "customer_id").assertInvalid("customerColumn", "three");
        runner(dir, List.of()).param("monetary", "median").assertInvalid("monetary", "median");
        Schema wide = Schema.of(Field.of("customer_id", FieldType.INTEGER), Field.of("order_date", FieldType.DATE),
                Field.of("amount", FieldType.DECIMAL), Field.of("note", FieldType.STRING));
        new StepTestRunner(new RfmStepType(), dir).input("in", wide).param("customerColumn", "customer_id")
                .param("dateColumn", "note").param("amountColumn", "amount").assertInvalid("dateColumn", "");
        runner(dir, List.of()).param("amountColumn", "nope").assertInvalid("amountColumn", "nope");
    }

    @Test
    void designTimeSchemas() {
        RfmStepType type = new RfmStepType();
        Map<String, Schema> out = type.outputSchemas(Parameters.of(type.descriptor(), Map.of("customerColumn",
                "customer_id", "dateColumn", "order_date", "amountColumn", "amount")), Map.of("in", ORDERS))
                .orElseThrow();
        assertEquals(RfmStep.customers(Field.of("customer_id", FieldType.INTEGER)), out.get("out"));
        assertEquals(RfmStep.SEGMENTS, out.get("segments"));
    }
}
