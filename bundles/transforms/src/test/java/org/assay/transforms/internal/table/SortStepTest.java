package org.assay.transforms.internal.table;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortStepTest {

    @TempDir
    Path dir;

    static final Schema S = Schema.of(Field.of("id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("city", FieldType.STRING), Field.of("amount", FieldType.DECIMAL),
            Field.of("day", FieldType.DATE));

    @Test
    void multiKeyWithDescendingNullsLastAndStable() throws Exception {
        List<Object[]> rows = List.of(
                row(1L, "Rome", 5.0, LocalDate.of(2024, 1, 1)),
                row(2L, null, 9.0, null),
                row(3L, "Oslo", null, LocalDate.of(2024, 1, 2)),
                row(4L, "Rome", 7.0, null),
                row(5L, "Oslo", 1.0, LocalDate.of(2024, 1, 3)),
                row(6L, "Rome", 5.0, LocalDate.of(2023, 1, 1)));
        StepTestRunner r = new StepTestRunner(new SortStepType(), dir).input("in", S, rows, 2)
                .param("by", List.of("city", "amount")).param("descending", List.of("amount")).run()
                .assertRowsAccountedFor();
        assertEquals(List.of(5L, 3L, 4L, 1L, 6L, 2L), r.output().stream().map(o -> o[0]).toList());
        assertEquals(S, r.outputSchema("out"));
        StepTestRunner byDay = new StepTestRunner(new SortStepType(), dir).input("in", S, rows, 2)
                .param("by", List.of("day")).param("descending", List.of("day")).run();
        assertEquals(List.of(5L, 3L, 1L, 6L, 2L, 4L), byDay.output().stream().map(o -> o[0]).toList());
    }

    @Test
    void externalMergeGivesTheInMemoryOrderAndCleansUp() throws Exception {
        Random random = new Random(3);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(row((long) i, random.nextInt(20) == 0 ? null : "c" + random.nextInt(30),
                    random.nextInt(15) == 0 ? null : (double) random.nextInt(50), LocalDate.of(2024, 1, 1)));
        }
        List<Object[]> memory = new StepTestRunner(new SortStepType(), dir).input("in", S, rows, 100)
                .param("by", List.of("city", "amount")).param("descending", List.of("city")).run().output();
        StepTestRunner spilled = new StepTestRunner(new SortStepType(50), dir).input("in", S, rows, 100)
                .param("by", List.of("city", "amount")).param("descending", List.of("city")).run()
                .assertRowsAccountedFor();
        assertEquals(memory.size(), spilled.output().size());
        for (int i = 0; i < memory.size(); i++) {
            assertArrayEquals(memory.get(i), spilled.output().get(i), "row " + i);
        }
        Comparator<Object[]> byId = Comparator.comparing(o -> (Long) o[0]);
        // Stability: within equal keys, input order (ids ascending).
        for (int i = 1; i < memory.size(); i++) {
            Object[] a = memory.get(i - 1);
            Object[] b = memory.get(i);
            if (java.util.Objects.equals(a[1], b[1]) && java.util.Objects.equals(a[2], b[2])) {
                assertTrue(byId.compare(a, b) < 0, "stable at " + i);
            }
        }
        try (Stream<Path> left = Files.list(dir.resolve("artifacts"))) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void emptyInputAndDesignSchema() throws Exception {
        StepTestRunner r = new StepTestRunner(new SortStepType(), dir).input("in", S, List.of(), 10)
                .param("by", List.of("id")).run().assertRowsAccountedFor();
        assertEquals(0, r.output().size());
        SortStepType type = new SortStepType();
        assertEquals(S, type.outputSchemas(Parameters.of(type.descriptor(), Map.of("by", List.of("id"))),
                Map.of("in", S)).orElseThrow().get("out"));
    }

    @Test
    void badParameters() {
        new StepTestRunner(new SortStepType(), dir).param("by", List.of()).assertInvalid("by", "at least one");
        new StepTestRunner(new SortStepType(), dir).param("by", List.of("a")).param("descending", List.of("b"))
                .assertInvalid("descending", "not in by");
        new StepTestRunner(new SortStepType(), dir).input("in", S, List.<Object[]>of(), 10).param("by", List.of("cty"))
                .assertInvalid("by", "did you mean 'city'");
    }
}
