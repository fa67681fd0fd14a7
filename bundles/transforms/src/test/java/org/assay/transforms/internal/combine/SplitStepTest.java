package org.assay.transforms.internal.combine;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitStepTest {

    @TempDir
    Path dir;

    private static final Schema ORDERS = Schema.of(Field.of("email", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("day", FieldType.DATE), Field.of("at", FieldType.TIMESTAMP));

    @Test
    void randomSplitIsExactPerStratumAndCoversEveryRowOnce() throws Exception {
        StepTestRunner r = new StepTestRunner(new SplitStepType(), dir).param("testFraction", 0.2)
                .param("stratify", "segment").input("in", SampleStepTest.PEOPLE, SampleStepTest.people(), 100).run();

        assertEquals(Map.of("a", 160L, "b", 30L, "c", 8L, "null", 2L), SampleStepTest.bySegment(r.output("test")));
        assertEquals(800, r.output("train").size());
        Set<Object> ids = new HashSet<>();
        r.output("train").forEach(row -> ids.add(row[0]));
        r.output("test").forEach(row -> ids.add(row[0]));
        assertEquals(1000, ids.size(), "no row is in both");
        r.assertRowsAccountedFor();
    }

    @Test
    void splitInTimeQuarantinesRowsWithoutADateAndMasksPii() throws Exception {
        List<Object[]> rows = List.of(
                row("a@x", LocalDate.of(2024, 6, 30), Instant.parse("2024-06-30T23:59:59Z")),
                row("b@x", LocalDate.of(2024, 7, 1), Instant.parse("2024-07-01T00:00:00Z")),
                row("c@x", null, null),
                row("d@x", LocalDate.of(2025, 1, 1), Instant.parse("2024-07-01T00:00:01Z")));
        StepTestRunner byDay = new StepTestRunner(new SplitStepType(), dir).param("dateColumn", "day")
                .param("cutoff", "2024-07-01").input("in", ORDERS, rows, 3).run();
        assertEquals(List.of("a@x"), byDay.output("train").stream().map(row -> row[0]).toList());
        assertEquals(List.of("b@x", "d@x"), byDay.output("test").stream().map(row -> row[0]).toList());
        assertEquals(1, byDay.quarantined().size());
        assertEquals(3, byDay.quarantined().get(0).rowNumber());
        assertFalse(byDay.quarantined().get(0).record().contains("c@x"), "pii is masked in quarantine");
        assertTrue(byDay.quarantined().get(0).reason().contains("column day has no value"));
        byDay.assertRowsAccountedFor();

        StepTestRunner byInstant = new StepTestRunner(new SplitStepType(), dir).param("dateColumn", "at")
                .param("cutoff", "2024-07-01T00:00:00Z").input("in", ORDERS, rows, 3).run();
        assertEquals(List.of("a@x"), byInstant.output("train").stream().map(row -> row[0]).toList());
        byInstant.assertRowsAccountedFor();
    }

    @Test
    void emptyInputOpensBothOutputs() throws Exception {
        StepTestRunner r = new StepTestRunner(new SplitStepType(), dir).param("testFraction", 0.5)
                .input("in", ORDERS).run();
        assertEquals(ORDERS, r.outputSchema("train"));
        assertEquals(ORDERS, r.outputSchema("test"));
        r.assertRowsAccountedFor();
    }

    @Test
    void parametersAndDesignTimeSchema() {
        new StepTestRunner(new SplitStepType(), dir).assertInvalid(null, "exactly one of testFraction");
        new StepTestRunner(new SplitStepType(), dir).param("dateColumn", "day").assertInvalid("cutoff", "needs the cutoff");
        new StepTestRunner(new SplitStepType(), dir).param("dateColumn", "day").param("cutoff", "July")
                .assertInvalid("cutoff", "'July' is not a date");
        new StepTestRunner(new SplitStepType(), dir).param("testFraction", 0.2).param("cutoff", "2024-01-01")
                .assertInvalid("cutoff", "applies to a split by dateColumn");
        new StepTestRunner(new SplitStepType(), dir).param("dateColumn", "day").param("cutoff", "2024-01-01")
                .param("stratify", "email").assertInvalid("stratify", "applies to a split by testFraction");
        SplitStepType type = new SplitStepType();
        assertEquals(Map.of("train", ORDERS, "test", ORDERS), type.outputSchemas(
                Parameters.of(type.descriptor(), Map.of("testFraction", 0.3)), Map.of("in", ORDERS)).orElseThrow());
    }
}
