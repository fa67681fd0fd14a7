package org.assay.transforms.internal.table;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.assay.transforms.internal.ParameterMisfit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregateStepTest {

    @TempDir
    Path dir;

    static final Schema ORDERS = Schema.of(
            Field.of("customer", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("email", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("amount", FieldType.DECIMAL),
            Field.of("qty", FieldType.INTEGER),
            Field.of("day", FieldType.DATE),
            Field.of("paid", FieldType.BOOLEAN));

    static List<Object[]> orders() {
        return List.of(
                row(2L, "b@x.org", 10.0, 1L, LocalDate.of(2024, 1, 5), true),
                row(1L, null, 5.0, 2L, LocalDate.of(2024, 1, 1), false),
                row(2L, "b2@x.org", null, 3L, LocalDate.of(2024, 1, 2), true),
                row(1L, "a@x.org", 7.0, null, null, null),
                row(2L, "b3@x.org", 30.0, 3L, LocalDate.of(2024, 2, 1), false),
                row(null, "n@x.org", 1.0, 1L, LocalDate.of(2024, 3, 1), true));
    }

    static Map<String, String> aggs(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private StepTestRunner aggregate(AggregateStepType type, List<Object[]> rows, int batch, List<String> by,
            Map<String, String> aggregations) {
        return new StepTestRunner(type, dir).input("in", ORDERS, rows, batch).param("by", by)
                .param("aggregations", aggregations);
    }

    private static final Map<String, String> ALL = aggs(
            "orders", "count(*)", "with_qty", "count(qty)", "distinct_qty", "count_distinct(qty)",
            "total", "sum(amount)", "items", "sum(qty)", "paid_orders", "sum(paid)", "mean", "mean(amount)",
            "low", "min(amount)", "high", "max(day)", "median", "median(amount)", "std", "std(amount)",
            "first_email", "first(email)", "last_email", "last(email)");

    @Test
    void everyFunctionPerGroupSkippingNulls() throws Exception {
        StepTestRunner r = aggregate(new AggregateStepType(), orders(), 2, List.of("customer"), ALL).run()
                .assertRowsAccountedFor();
        List<Object[]> out = r.output();
        assertEquals(3, out.size());
        // Sorted by key, the null group last.
        assertArrayEquals(row(1L, 2L, 1L, 1L, 12.0, 2L, 0L, 6.0, 5.0, LocalDate.of(2024, 1, 1), 6.0,
                Math.sqrt(2.0), "a@x.org", "a@x.org"), out.get(0));
        Object[] two = out.get(1);
        assertEquals(2L, two[0]);
        assertEquals(3L, two[1]);
        assertEquals(3L, two[2]);
        assertEquals(2L, two[3]);
        assertEquals(40.0, two[4]);
        assertEquals(7L, two[5]);
        assertEquals(2L, two[6]);
        assertEquals(20.0, two[7]);
        assertEquals(10.0, two[8]);
        assertEquals(LocalDate.of(2024, 2, 1), two[9]);
        assertEquals(20.0, two[10]);
        assertEquals(Math.sqrt(200.0), (double) two[11], 1e-12);
        assertEquals("b@x.org", two[12]);
        assertEquals("b3@x.org", two[13]);
        assertNull(out.get(2)[0]);
        assertNull(out.get(2)[11], "std of one value");
        assertEquals(3, r.filtered(), "six rows folded into three");
        assertTrue(r.quarantined().isEmpty());
    }

    @Test
    void outputSchemaAtDeployMatchesTheRunAndKeepsTagsOfKeptValues() throws Exception {
        AggregateStepType type = new AggregateStepType();
        Parameters p = Parameters.of(type.descriptor(), Map.of("by", List.of("customer"), "aggregations", ALL));
        Optional<Map<String, Schema>> design = type.outputSchemas(p, Map.of("in", ORDERS));
        Schema s = design.orElseThrow().get("out");
        assertEquals(List.of("customer", "orders", "with_qty", "distinct_qty", "total", "items", "paid_orders",
                "mean", "low", "high", "median", "std", "first_email", "last_email"), s.names());
        assertEquals(FieldType.INTEGER, s.field("orders").type());
        assertEquals(FieldType.DECIMAL, s.field("total").type());
        assertEquals(FieldType.INTEGER, s.field("items").type());
        assertEquals(FieldType.INTEGER, s.field("paid_orders").type());
        assertEquals(FieldType.DATE, s.field("high").type());
        assertEquals(FieldType.DECIMAL, s.field("median").type());
        assertTrue(s.field("customer").has(FieldTag.ID));
        assertTrue(s.field("first_email").has(FieldTag.PII), "the first email is still personal data");
        assertTrue(s.field("orders").tags().isEmpty());
        StepTestRunner r = aggregate(type, orders(), 4096, List.of("customer"), ALL).run();
        assertEquals(s, r.outputSchema("out"));
    }

    @Test
    void noGroupColumnsGiveOneRowAndEmptyInputGivesNone() throws Exception {
        StepTestRunner r = aggregate(new AggregateStepType(), orders(), 3, List.of(),
                aggs("n", "count(*)", "total", "sum(amount)", "median", "median(qty)")).run().assertRowsAccountedFor();
        assertEquals(1, r.output().size());
        assertArrayEquals(row(6L, 53.0, 2.0), r.output().get(0));

        StepTestRunner empty = aggregate(new AggregateStepType(), List.of(), 3, List.of(),
                aggs("n", "count(*)", "total", "sum(amount)")).run().assertRowsAccountedFor();
        assertEquals(0, empty.output().size());
        assertEquals(List.of("n", "total"), empty.outputSchema("out").names());
    }

    @Test
    void allNullValuesGiveNullExceptCounts() throws Exception {
        List<Object[]> rows = List.of(row(1L, null, null, null, null, null), row(1L, null, null, null, null, null));
        StepTestRunner r = aggregate(new AggregateStepType(), rows, 10, List.of("customer"),
                aggs("n", "count(amount)", "d", "count_distinct(email)", "s", "sum(qty)", "m", "mean(amount)",
                        "md", "median(amount)", "lo", "min(email)", "f", "first(day)")).run();
        assertArrayEquals(row(1L, 0L, 0L, null, null, null, null, null), r.output().get(0));
    }

    @Test
    void spilledRunsMergeToTheSameResultAsMemory() throws Exception {
        Random random = new Random(7);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            long customer = random.nextInt(700);
            rows.add(row(random.nextInt(50) == 0 ? null : customer, "c" + random.nextInt(40) + "@x.org",
                    random.nextInt(10) == 0 ? null : random.nextInt(1000) / 10.0, (long) random.nextInt(9),
                    LocalDate.of(2024, 1, 1).plusDays(random.nextInt(300)), random.nextBoolean()));
        }
        List<Object[]> memory = aggregate(new AggregateStepType(), rows, 128, List.of("customer"), ALL).run()
                .output();
        StepTestRunner spilled = aggregate(new AggregateStepType(40), rows, 128, List.of("customer"), ALL).run()
                .assertRowsAccountedFor();
        List<Object[]> merged = spilled.output();
        assertEquals(memory.size(), merged.size());
        for (int i = 0; i < memory.size(); i++) {
            Object[] a = memory.get(i);
            Object[] b = merged.get(i);
            for (int c = 0; c < a.length; c++) {
                if (a[c] instanceof Double x) {
                    assertEquals(x, (Double) b[c], 1e-9, "row " + i + " column " + c);
                } else {
                    assertEquals(a[c], b[c], "row " + i + " column " + c);
                }
            }
        }
        try (Stream<Path> left = Files.list(dir.resolve("artifacts"))) {
            assertEquals(0, left.count(), "spill files are deleted after the run");
        }
    }

    @Test
    void textAndDateKeysSpillAndMerge() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(row((long) i, "k" + (i % 37), (double) i, 1L, LocalDate.of(2024, 1, 1).plusDays(i % 5), null));
        }
        StepTestRunner r = aggregate(new AggregateStepType(10), rows, 16, List.of("email", "day"),
                aggs("n", "count(*)", "first", "first(customer)", "last", "last(customer)")).run()
                .assertRowsAccountedFor();
        assertEquals(37 * 5, r.output().size());
        Object[] head = r.output().get(0);
        assertEquals("k0", head[0]);
        assertEquals(LocalDate.of(2024, 1, 1), head[1]);
        assertEquals(0L, head[3]);
        assertEquals(185L * ((300 - 1) / 185), head[4]);
    }

    @Test
    void badParametersAreRefusedAtDeploy() {
        AggregateStepType type = new AggregateStepType();
        new StepTestRunner(type, dir).param("aggregations", aggs()).assertInvalid("aggregations", "at least one");
        new StepTestRunner(type, dir).param("aggregations", aggs("x", "avg(amount)"))
                .assertInvalid("aggregations", "unknown function 'avg'");
        new StepTestRunner(type, dir).param("aggregations", aggs("x", "amount"))
                .assertInvalid("aggregations", "is not \"function(column)\"");
        new StepTestRunner(type, dir).param("aggregations", aggs("x", "median(*)"))
                .assertInvalid("aggregations", "median needs a column");
        new StepTestRunner(type, dir).param("by", List.of("customer")).param("aggregations",
                aggs("customer", "count(*)")).assertInvalid("aggregations", "also a group column");
        new StepTestRunner(type, dir).param("by", List.of("customer", "customer"))
                .param("aggregations", aggs("n", "count(*)")).assertInvalid("by", "named twice");
    }

    @Test
    void missingColumnsAndWrongTypesAreRefusedAtDeployAtTheAggregate() throws Exception {
        aggregate(new AggregateStepType(), orders(), 10, List.of("customer"), aggs("t", "sum(amout)"))
                .assertInvalid("aggregations.t", "'t': no column 'amout' in the input; did you mean 'amount'?");
        aggregate(new AggregateStepType(), orders(), 10, List.of(), aggs("t", "mean(email)"))
                .assertInvalid("aggregations.t", "mean needs a numeric column, and 'email' is string");
        // When the input is known only at run time, the run fails with the validator's words.
        AggregateParameters params = new AggregateParameters(List.of(), Map.of("t", "sum(amout)"));
        ParameterMisfit m = assertThrows(ParameterMisfit.class, () -> AggregatePlan.resolve(params, ORDERS));
        assertTrue(m.failure().getMessage().startsWith("parameter aggregations.t: 't': no column 'amout'"),
                m.failure().getMessage());
        AggregateStepType t = new AggregateStepType();
        Parameters p = Parameters.of(t.descriptor(), Map.of("aggregations", aggs("t", "mean(email)")));
        assertTrue(t.outputSchemas(p, Map.of("in", ORDERS)).isEmpty());
    }

    @Test
    void decimalSumsAndMeansHaveNoBinaryNoiseInMemoryOrSpilled() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (long c = 0; c < 300; c++) {
            rows.add(row(c, null, 12.34, 1L, null, null));
            rows.add(row(c, null, 23.14, 1L, null, null));
        }
        Map<String, String> sums = aggs("total", "sum(amount)", "mean", "mean(amount)");
        for (AggregateStepType type : List.of(new AggregateStepType(), new AggregateStepType(40))) {
            StepTestRunner r = aggregate(type, rows, 7, List.of("customer"), sums).run().assertRowsAccountedFor();
            assertEquals(300, r.output().size());
            for (Object[] group : r.output()) {
                assertEquals(35.48, group[1], "12.34 + 23.14 is 35.48, not 35.480000000000004");
                assertEquals(17.74, group[2]);
            }
        }
        StepTestRunner all = aggregate(new AggregateStepType(40), rows, 7, List.of(), sums).run();
        assertEquals(10644.0, all.output().get(0)[0]);
    }

    @Test
    void firstAndLastByAnOrderColumnInMemoryAndAcrossSpilledRuns() throws Exception {
        // Customers interleaved, so with a small budget customer 1's rows fall into three runs.
        List<Object[]> rows = List.of(
                row(1L, "a@x.org", 10.0, 1L, LocalDate.of(2024, 1, 5), true),
                row(2L, "e@x.org", null, 5L, LocalDate.of(2024, 2, 1), true),
                row(1L, "b@x.org", 5.0, 2L, LocalDate.of(2024, 1, 1), false),
                row(2L, "f@x.org", 3.0, 6L, LocalDate.of(2024, 3, 1), true),
                row(1L, "c@x.org", 7.0, 3L, LocalDate.of(2024, 1, 5), true),
                row(1L, "d@x.org", 99.0, 4L, null, null));
        Map<String, String> specs = aggs("first_amount", "first(amount, day)", "last_amount", "last(amount, day)",
                "last_email", "last(email, qty)", "in_input_order", "first(amount)");
        for (AggregateStepType type : List.of(new AggregateStepType(), new AggregateStepType(10))) {
            StepTestRunner r = aggregate(type, rows, 1, List.of("customer"), specs).run().assertRowsAccountedFor();
            // Customer 1: the earliest day holds 5.0; the latest day is a tie, won by the later row (7.0); the row
            // without a day is skipped. Customer 2: the row without an amount is skipped.
            assertArrayEquals(row(1L, 5.0, 7.0, "d@x.org", 10.0), r.output().get(0));
            assertArrayEquals(row(2L, 3.0, 3.0, "f@x.org", 3.0), r.output().get(1));
            assertTrue(r.outputSchema("out").field("last_email").has(FieldTag.PII), "a kept value keeps its tags");
        }
        aggregate(new AggregateStepType(), rows, 1, List.of(), aggs("x", "first(amount, dayy)"))
                .assertInvalid("aggregations.x", "'x': the order column: no column 'dayy' in the input; did you mean "
                        + "'day'?");
        aggregate(new AggregateStepType(), rows, 1, List.of(), aggs("x", "last(amount, )"))
                .assertInvalid("aggregations", "write last(column, order_column)");
        aggregate(new AggregateStepType(), rows, 1, List.of(), aggs("x", "sum(amount, day)"))
                .assertInvalid("aggregations.x", "no column 'amount, day'");
    }

    @Test
    void integerSumOverflowFailsInsteadOfWrapping() {
        List<Object[]> rows = List.of(row(1L, null, null, Long.MAX_VALUE, null, null),
                row(1L, null, null, 1L, null, null));
        StepFailure f = assertThrows(StepFailure.class, () -> aggregate(new AggregateStepType(), rows, 10,
                List.of(), aggs("s", "sum(qty)")).run());
        assertTrue(f.getMessage().contains("cast the column to decimal"), f.getMessage());
    }

    @Test
    void decimalKeysTreatMinusZeroAsZero() throws Exception {
        List<Object[]> rows = List.of(row(1L, null, 0.0, 1L, null, null), row(2L, null, -0.0, 1L, null, null),
                row(3L, null, null, 1L, null, null));
        StepTestRunner r = aggregate(new AggregateStepType(), rows, 10, List.of("amount"),
                aggs("n", "count(*)")).run().assertRowsAccountedFor();
        assertEquals(2, r.output().size());
        assertArrayEquals(row(0.0, 2L), r.output().get(0));
        assertArrayEquals(row(null, 1L), r.output().get(1));
    }

    @Test
    void aSpecIsOnlyAFunctionAndAColumnNameNeverCode() {
        // The spec is looked up, never evaluated: whatever is inside the parentheses is a column name.
        for (String abuse : List.of("sum(java.lang.Runtime.getRuntime().exec('x'))", "count(${env:HOME})",
                "mean(" + "(".repeat(50_000) + ")")) {
            StepTestRunner r = aggregate(new AggregateStepType(), orders(), 10, List.of(), aggs("x", abuse));
            IllegalArgumentException f = assertThrows(IllegalArgumentException.class, r::run, abuse);
            assertTrue(f.getMessage().contains("no column") || f.getMessage().contains("is not"), f.getMessage());
        }
        new StepTestRunner(new AggregateStepType(), dir).param("aggregations", aggs("x", "getClass(amount)"))
                .assertInvalid("aggregations", "unknown function 'getClass'");
        new StepTestRunner(new AggregateStepType(), dir).param("aggregations", aggs("x", "max(amount); drop table"))
                .assertInvalid("aggregations", "is not \"function(column)\"");
    }
}
