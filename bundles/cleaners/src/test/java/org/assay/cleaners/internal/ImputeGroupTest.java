package org.assay.cleaners.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code groupBy} parameter of {@code impute}: statistics per group, with the overall one as fallback. */
class ImputeGroupTest {

    @TempDir
    Path dir;

    private static final Schema SALES = Schema.of(
            Field.of("region", FieldType.CATEGORICAL),
            Field.of("age", FieldType.INTEGER),
            Field.of("spend", FieldType.DECIMAL),
            Field.of("channel", FieldType.STRING));

    private static List<Object[]> sales() {
        return List.of(
                row("north", 10L, 1.0, "web"),
                row("north", 20L, 3.0, "web"),
                row("north", null, null, null),
                row("south", 100L, 10.0, "shop"),
                row("south", 200L, 20.0, "shop"),
                row("south", 300L, 60.0, "web"),
                row("south", null, null, null),
                row("east", null, null, null),
                row(null, null, null, null));
    }

    private StepTestRunner impute(List<Object[]> rows, int batchSize) {
        return new StepTestRunner(new ImputeStepType(), dir).input("in", SALES, rows, batchSize)
                .param("groupBy", List.of("region"));
    }

    private static List<Object> column(StepTestRunner r, int col) {
        return r.output().stream().map(row -> row[col]).toList();
    }

    @Test
    void medianIsPerGroupAndAGroupWithoutValuesGetsTheOverallOne() throws Exception {
        StepTestRunner r = impute(sales(), 2).run();
        // north 10,20 -> 15; south 100,200,300 -> 200; overall 10,20,100,200,300 -> 100 for east and no region.
        assertEquals(Arrays.asList(10L, 20L, 15L, 100L, 200L, 300L, 200L, 100L, 100L), column(r, 1));
        assertEquals(Arrays.asList(1.0, 3.0, 2.0, 10.0, 20.0, 60.0, 20.0, 10.0, 10.0), column(r, 2));
        // The text column's stand-in mode is per group too, when a value repeats in the group.
        assertEquals(Arrays.asList("web", "web", "web", "shop", "shop", "web", "shop", "web", "web"), column(r, 3));
        assertEquals(SALES, r.outputSchema("out"));
        r.assertRowsAccountedFor();
    }

    @Test
    void meanAndModeArePerGroup() throws Exception {
        StepTestRunner r = impute(sales(), 3).param("strategy", "mean").param("columns", Map.of("age", "mode")).run();
        assertEquals(Arrays.asList(1.0, 3.0, 2.0, 10.0, 20.0, 60.0, 30.0, 18.8, 18.8), column(r, 2),
                "overall mean of 1,3,10,20,60 is 18.8");
        assertEquals(Arrays.asList(10L, 20L, 10L, 100L, 200L, 300L, 100L, 10L, 10L), column(r, 1),
                "mode ties go to the smallest value");
        r.assertRowsAccountedFor();
    }

    @Test
    void withoutGroupByTheSameRowsGetTheOverallStatistic() throws Exception {
        StepTestRunner r = new StepTestRunner(new ImputeStepType(), dir).input("in", SALES, sales(), 2).run();
        assertEquals(Arrays.asList(10L, 20L, 100L, 100L, 200L, 300L, 100L, 100L, 100L), column(r, 1));
    }

    @Test
    void summarySaysWhatWasPerGroupAndWhatFellBack() throws Exception {
        StepTestRunner r = impute(sales(), 2).run();
        List<String> lines = Files.readAllLines(r.artifacts().get(0).file());
        assertEquals("age,4,median,4,100,per group of region (2 groups with a median); value is the overall median; "
                + "2 filled with it because their group had no value or no group key", lines.get(2));
        assertTrue(lines.get(1).startsWith("region,1,mode,1,south,"), "the group column itself: overall mode");
        assertTrue(!lines.get(1).contains("per group"), lines.get(1));
    }

    @Test
    void severalGroupColumnsFormOneKey() throws Exception {
        Schema s = Schema.of(Field.of("a", FieldType.STRING), Field.of("b", FieldType.INTEGER),
                Field.of("x", FieldType.INTEGER));
        StepTestRunner r = new StepTestRunner(new ImputeStepType(), dir).param("groupBy", List.of("a", "b"))
                .input("in", s, List.of(row("p", 1L, 1L), row("p", 2L, 9L), row("p", 1L, null), row("p", 2L, null),
                        row("q", 1L, null)), 2).run();
        // Groups (p,1) -> 1, (p,2) -> 9; (q,1) has none: overall median of 1, 9 is 5.
        assertEquals(Arrays.asList(1L, 9L, 1L, 9L, 5L), column(r, 2));
        r.assertRowsAccountedFor();
    }

    @Test
    void groupMediansStayExactWhenTheyOutgrowTheirMemory() throws Exception {
        Schema s = Schema.of(Field.of("g", FieldType.INTEGER), Field.of("v", FieldType.DECIMAL));
        Random random = new Random(7);
        List<Object[]> rows = new ArrayList<>();
        Map<Long, List<Double>> byGroup = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            long g = i % 3;
            double v = random.nextGaussian() * (g + 1) * 1000;
            rows.add(row(g, v));
            byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(v);
        }
        for (long g = 0; g < 3; g++) {
            rows.add(row(g, null));
        }
        StepTestRunner r = new StepTestRunner(new ImputeStepType(16), dir).param("groupBy", List.of("g"))
                .input("in", s, rows, 128).run();
        for (int g = 0; g < 3; g++) {
            List<Double> values = new ArrayList<>(byGroup.get((long) g));
            values.sort(null);
            int n = values.size();
            double expected = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
            assertEquals(expected, (Double) r.output().get(3000 + g)[1], 0.0, "group " + g);
        }
        r.assertRowsAccountedFor();
    }

    @Test
    void aGroupColumnTheInputLacksIsRefusedAtDeploy() {
        impute(sales(), 2).param("groupBy", List.of("regoin"))
                .assertInvalid("groupBy", "no column 'regoin' in the input; did you mean 'region'?");
    }

    @Test
    void designTimeSchemaIsTheInputsWithGroupBy() {
        ImputeStepType type = new ImputeStepType();
        Schema out = type.outputSchemas(Parameters.of(type.descriptor(), Map.of("groupBy", List.of("region"),
                "indicators", List.of("age"))), Map.of("in", SALES)).orElseThrow().get("out");
        assertEquals(SALES.with(Field.of("age_was_missing", FieldType.BOOLEAN)), out);
    }

    @Test
    void emptyInputWithGroupByWritesNoRows() throws Exception {
        StepTestRunner r = impute(List.of(), 2).run();
        assertTrue(r.output().isEmpty());
        r.assertRowsAccountedFor();
    }
}
