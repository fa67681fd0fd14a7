package org.assay.cleaners.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.api.step.ReadMode;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strategy {@code interpolate}: linear along orderBy, per groupBy series, on unsorted input. */
class ImputeInterpolateTest {

    @TempDir
    Path dir;

    private static final Schema DAILY = Schema.of(
            Field.of("store", FieldType.STRING),
            Field.of("day", FieldType.DATE),
            Field.of("sales", FieldType.DECIMAL),
            Field.of("visits", FieldType.INTEGER));

    private static LocalDate day(int d) {
        return LocalDate.of(2024, 1, d);
    }

    /** Unsorted on purpose: store a on days 1-6 with gaps at both edges, store b with uneven days. */
    private static List<Object[]> daily() {
        return List.of(
                row("a", day(4), null, null),
                row("b", day(11), 100.0, 3L),
                row("a", day(1), null, null),
                row("a", day(5), 40.0, 4L),
                row("b", day(3), null, null),
                row("a", null, null, null),
                row("a", day(2), 10.0, 1L),
                row("a", day(6), null, null),
                row("b", day(1), 0.0, 0L),
                row("a", day(3), null, null));
    }

    private StepTestRunner interpolate(List<Object[]> rows, int batchSize) {
        return new StepTestRunner(new ImputeStepType(), dir).input("in", DAILY, rows, batchSize)
                .param("strategy", "interpolate").param("orderBy", "day").param("groupBy", List.of("store"));
    }

    private static List<Object> column(StepTestRunner r, int col) {
        return r.output().stream().map(row -> row[col]).toList();
    }

    @Test
    void fillsBetweenKnownValuesByTheDateAndTheNearestAtTheEdges() throws Exception {
        StepTestRunner r = interpolate(daily(), 3).run();
        // a: day3 and day4 between 10 (day 2) and 40 (day 5); day 1 and day 6 the nearest; b: day 3 is 2/10 of 0..100.
        assertEquals(Arrays.asList(30.0, 100.0, 10.0, 40.0, 20.0, null, 10.0, 40.0, 0.0, 20.0), column(r, 2));
        assertEquals(Arrays.asList(3L, 3L, 1L, 4L, 1L, null, 1L, 4L, 0L, 2L), column(r, 3),
                "integers round half up: 0.6 is 1");
        assertEquals(DAILY, r.outputSchema("out"));
        r.assertRowsAccountedFor();
    }

    @Test
    void edgeLeaveKeepsTheValuesOutsideTheKnownOnes() throws Exception {
        StepTestRunner r = interpolate(daily(), 4).param("edge", "leave").run();
        assertEquals(Arrays.asList(30.0, 100.0, null, 40.0, 20.0, null, 10.0, null, 0.0, 20.0), column(r, 2));
        List<String> lines = Files.readAllLines(r.artifacts().get(0).file());
        assertEquals("sales,6,interpolate,3,,1 left missing: no orderBy value (or no groupBy value) to place them; "
                + "2 left missing: before the first or after the last known value (edge leave)", lines.get(2));
    }

    @Test
    void aRowWithoutAnOrderValueIsLeftMissingAndCounted() throws Exception {
        StepTestRunner r = interpolate(daily(), 10).run();
        List<String> lines = Files.readAllLines(r.artifacts().get(0).file());
        assertEquals("sales,6,interpolate,5,,1 left missing: no orderBy value (or no groupBy value) to place them",
                lines.get(2));
    }

    @Test
    void withoutGroupByTheWholeColumnIsOneSeriesOrderedByNumbers() throws Exception {
        Schema s = Schema.of(Field.of("t", FieldType.DECIMAL), Field.of("v", FieldType.DECIMAL));
        StepTestRunner r = new StepTestRunner(new ImputeStepType(), dir).param("columns", Map.of("v", "interpolate"))
                .param("orderBy", "t").input("in", s, List.of(row(3.0, 30.0), row(0.5, null), row(1.0, 10.0),
                        row(1.5, null), row(1.5, null), row(9.0, null)), 2).run();
        assertEquals(Arrays.asList(30.0, 10.0, 10.0, 15.0, 15.0, 30.0), column(r, 1));
        r.assertRowsAccountedFor();
    }

    @Test
    void manyShuffledRowsMatchASortedComputation() throws Exception {
        Schema s = Schema.of(Field.of("t", FieldType.INTEGER), Field.of("v", FieldType.DECIMAL));
        List<Object[]> rows = new ArrayList<>();
        for (long t = 0; t < 2000; t++) {
            rows.add(row(t, (t % 7 == 3 || t % 7 == 4) && t < 1995 ? null : 2.0 * t));
        }
        Collections.shuffle(rows, new Random(11));
        StepTestRunner r = new StepTestRunner(new ImputeStepType(), dir).param("strategy", "interpolate")
                .param("orderBy", "t").input("in", s, rows, 97).run();
        for (Object[] out : r.output()) {
            assertEquals(2.0 * (Long) out[0], (Double) out[1], 1e-9, "t = " + out[0]);
        }
        r.assertRowsAccountedFor();
    }

    @Test
    void interpolateWithoutOrderByIsRefused() {
        new StepTestRunner(new ImputeStepType(), dir).input("in", DAILY, daily(), 2).param("strategy", "interpolate")
                .assertInvalid("orderBy", "interpolate needs the column to order by");
        new StepTestRunner(new ImputeStepType(), dir).input("in", DAILY, daily(), 2)
                .param("columns", Map.of("sales", "interpolate"))
                .assertInvalid("orderBy", "interpolate needs the column to order by");
    }

    @Test
    void anOrderByThatCannotBeOrderedOrIsMissingIsRefusedAtDeploy() {
        interpolate(daily(), 2).param("orderBy", "store").assertInvalid("orderBy", "store");
        interpolate(daily(), 2).param("orderBy", "dya").assertInvalid("orderBy", "did you mean 'day'?");
    }

    @Test
    void designTimeSchemaIsTheInputs() {
        ImputeStepType type = new ImputeStepType();
        assertEquals(DAILY, type.outputSchemas(Parameters.of(type.descriptor(), Map.of("strategy", "interpolate",
                "orderBy", "day")), Map.of("in", DAILY)).orElseThrow().get("out"));
    }

    @Test
    void theInputIsDeclaredAsReadMoreThanOnce() {
        assertEquals(ReadMode.MANY, new ImputeStepType().descriptor().inputs().get(0).reads());
    }

    @Test
    void timestampsOrderAndAMissingSeriesKeyLeavesTheValueMissing() throws Exception {
        Schema s = Schema.of(Field.of("g", FieldType.STRING), Field.of("at", FieldType.TIMESTAMP),
                Field.of("v", FieldType.DECIMAL));
        Instant t0 = Instant.parse("2024-05-01T00:00:00Z");
        StepTestRunner r = new StepTestRunner(new ImputeStepType(), dir).param("strategy", "interpolate")
                .param("orderBy", "at").param("groupBy", List.of("g"))
                .input("in", s, List.of(row("x", t0.plusSeconds(3600), 8.0), row("x", t0.plusSeconds(900), null),
                        row("x", t0, 4.0), row(null, t0.plusSeconds(900), null)), 3).run();
        assertEquals(Arrays.asList(8.0, 5.0, 4.0, null), column(r, 2), "a quarter of the hour from 4 to 8");
        r.assertRowsAccountedFor();
    }

    @Test
    void emptyInputInterpolatesNothing() throws Exception {
        StepTestRunner r = interpolate(List.of(), 2).run();
        assertTrue(r.output().isEmpty());
        r.assertRowsAccountedFor();
    }
}
