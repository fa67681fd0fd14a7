package org.assay.transforms.internal.table;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
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

class SelectStepTest {

    @TempDir
    Path dir;

    static final Schema RAW = Schema.of(
            Field.of("cust_id", FieldType.STRING),
            Field.of("email", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("age", FieldType.STRING),
            Field.of("income", FieldType.DECIMAL),
            Field.of("joined", FieldType.STRING),
            Field.of("churned", FieldType.STRING));

    static List<Object[]> raw() {
        return List.of(
                row("1", "a@x.org", "30", 100.0, "2024-01-31", "yes"),
                row("2", null, "abc", 250.5, "2024-02-01", "no"),
                row("3", "c@x.org", " 41 ", 3.0, "not a date", "1"),
                row("4", "d@x.org", null, null, "", "false"),
                row("5", "e@x.org", "4.5", 7.0, "2024-03-01", "maybe"));
    }

    private StepTestRunner select(List<Object[]> rows, int batch) {
        return new StepTestRunner(new SelectStepType(), dir).input("in", RAW, rows, batch);
    }

    @Test
    void keepsInOrderRenamesCastsAndRetags() throws Exception {
        StepTestRunner r = select(raw(), 2)
                .param("keep", List.of("cust_id", "age", "churned", "income"))
                .param("rename", Map.of("cust_id", "customer_id"))
                .param("cast", Map.of("cust_id", "integer", "age", "integer", "churned", "boolean",
                        "income", "integer"))
                .param("retag", Map.of("cust_id", "id", "churned", "target"))
                .run().assertRowsAccountedFor();
        Schema s = r.outputSchema("out");
        assertEquals(List.of("customer_id", "age", "churned", "income"), s.names());
        assertEquals(FieldType.INTEGER, s.field("customer_id").type());
        assertEquals(Set.of(FieldTag.ID), s.field("customer_id").tags());
        assertEquals(FieldType.BOOLEAN, s.field("churned").type());
        assertTrue(s.field("churned").has(FieldTag.TARGET));
        List<Object[]> out = r.output();
        // Row 2 ('abc'), row 3 (fine after trim? income 3.0 is whole) and row 5 ('4.5', 'maybe') checked below.
        assertEquals(3, out.size());
        assertArrayEquals(row(1L, 30L, true, 100L), out.get(0));
        assertArrayEquals(row(3L, 41L, true, 3L), out.get(1));
        assertArrayEquals(row(4L, null, false, null), out.get(2));
        assertEquals(2, r.quarantined().size());
        StepTestRunner.Rejected two = r.quarantined().get(0);
        assertEquals(2, two.rowNumber());
        assertTrue(two.reason().contains("column age: 'abc' is not an integer"), two.reason());
        StepTestRunner.Rejected five = r.quarantined().get(1);
        assertEquals(5, five.rowNumber());
        assertTrue(five.reason().contains("'4.5' is not an integer"), five.reason());
        assertFalse(five.record().contains("e@x.org"), "the pii column is masked in the quarantine");
    }

    @Test
    void castsDatesAndTimestampsAndQuotesNoPiiValue() throws Exception {
        StepTestRunner r = select(raw(), 4096).param("drop", List.of("age", "churned", "income"))
                .param("cast", Map.of("joined", "date", "email", "integer")).run().assertRowsAccountedFor();
        assertEquals(List.of("cust_id", "email", "joined"), r.outputSchema("out").names());
        assertEquals(List.of(), r.output().stream().filter(o -> o[1] != null).toList(),
                "no email is an integer: only the null one and none else pass");
        assertEquals(1, r.output().size());
        assertTrue(r.quarantined().stream().allMatch(q -> q.reason().contains("column email: the value is not")),
                "" + r.quarantined());
        StepTestRunner d = select(raw(), 4096).param("keep", List.of("joined"))
                .param("cast", Map.of("joined", "timestamp")).run().assertRowsAccountedFor();
        assertEquals(4, d.output().size());
        assertEquals(Instant.parse("2024-01-31T00:00:00Z"), d.output().get(0)[0]);
        assertEquals(null, d.output().get(2)[0], "blank text is null");
        assertTrue(d.quarantined().get(0).reason().contains("'not a date' is not a timestamp"));
    }

    @Test
    void numberEdgesAndTypeToTypeCasts() throws Exception {
        Schema s = Schema.of(Field.of("d", FieldType.DECIMAL), Field.of("i", FieldType.INTEGER),
                Field.of("day", FieldType.DATE), Field.of("t", FieldType.TIMESTAMP));
        List<Object[]> rows = List.of(
                row(2.0, 1L, LocalDate.of(2024, 1, 2), Instant.parse("2024-01-02T23:59:00Z")),
                row(1e300, 0L, null, null),
                row(Double.NaN, 7L, null, null));
        StepTestRunner r = new StepTestRunner(new SelectStepType(), dir).input("in", s, rows, 10)
                .param("cast", Map.of("d", "integer", "i", "string", "day", "timestamp", "t", "date")).run()
                .assertRowsAccountedFor();
        assertEquals(1, r.output().size());
        assertArrayEquals(row(2L, "1", Instant.parse("2024-01-02T00:00:00Z"), LocalDate.of(2024, 1, 2)),
                r.output().get(0));
        assertEquals(2, r.quarantined().size());
        StepTestRunner b = new StepTestRunner(new SelectStepType(), dir).input("in", s, rows, 10)
                .param("keep", List.of("i")).param("cast", Map.of("i", "boolean")).run().assertRowsAccountedFor();
        assertEquals(2, b.output().size());
        assertTrue(b.quarantined().get(0).reason().contains("'7' is not a boolean"));
    }

    @Test
    void emptyInputAndNoParametersPassThrough() throws Exception {
        StepTestRunner empty = select(List.of(), 10).param("drop", List.of("email")).run().assertRowsAccountedFor();
        assertEquals(0, empty.output().size());
        assertEquals(5, empty.outputSchema("out").size());
        StepTestRunner all = select(raw(), 2).run().assertRowsAccountedFor();
        assertEquals(RAW, all.outputSchema("out"));
        assertEquals(5, all.output().size());
    }

    @Test
    void designTimeSchemaIsTheRunSchema() throws Exception {
        SelectStepType type = new SelectStepType();
        Map<String, Object> params = Map.of("keep", List.of("email", "age"), "rename", Map.of("email", "mail"),
                "cast", Map.of("age", "integer"), "retag", Map.of("email", ""));
        Schema design = type.outputSchemas(Parameters.of(type.descriptor(), params), Map.of("in", RAW))
                .orElseThrow().get("out");
        assertEquals(List.of("mail", "age"), design.names());
        assertTrue(design.field("mail").tags().isEmpty(), "\"\" clears the tags");
        assertEquals(FieldType.INTEGER, design.field("age").type());
        StepTestRunner r = select(raw(), 10);
        params.forEach(r::param);
        assertEquals(design, r.run().outputSchema("out"));
    }

    @Test
    void badParametersAreRefusedAtDeploy() {
        new StepTestRunner(new SelectStepType(), dir).param("keep", List.of("a")).param("drop", List.of("b"))
                .assertInvalid("drop", "not both");
        new StepTestRunner(new SelectStepType(), dir).param("cast", Map.of("age", "int"))
                .assertInvalid("cast", "unknown field type 'int'");
        new StepTestRunner(new SelectStepType(), dir).param("retag", Map.of("age", "secret"))
                .assertInvalid("retag", "unknown field tag 'secret'");
        new StepTestRunner(new SelectStepType(), dir).param("rename", Map.of("a", "x", "b", "x"))
                .assertInvalid("rename", "both renamed to 'x'");
        new StepTestRunner(new SelectStepType(), dir).param("drop", List.of("age"))
                .param("cast", Map.of("age", "integer")).assertInvalid("cast", "it is in drop");
        new StepTestRunner(new SelectStepType(), dir).param("keep", List.of("email"))
                .param("rename", Map.of("age", "years")).assertInvalid("rename", "keep does not name it");
    }

    @Test
    void runTimeProblemsNameTheColumn() {
        // Refused before the run, as the engine refuses it at deploy.
        select(raw(), 10).param("keep", List.of("emial")).assertInvalid("keep", "did you mean 'email'");
        select(raw(), 10).param("rename", Map.of("age", "email"))
                .assertInvalid("rename", "duplicate field name 'email'");
        Schema dates = Schema.of(Field.of("day", FieldType.DATE));
        new StepTestRunner(new SelectStepType(), dir).input("in", dates, List.<Object[]>of(), 10)
                .param("cast", Map.of("day", "integer")).assertInvalid("cast.day", "cannot be cast to integer");
    }
}
