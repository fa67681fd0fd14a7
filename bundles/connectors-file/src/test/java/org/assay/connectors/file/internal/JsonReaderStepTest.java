package org.assay.connectors.file.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReaderStepTest {

    @TempDir
    Path dir;

    static final String ORDERS = """
            {"id": 1, "customer": {"email": "ann@example.com", "city": "Oslo"}, "total": 12.5, "paid": true, "on": "2024-01-05", "items": [{"sku": "A", "qty": 2}, {"sku": "B", "qty": 1}]}
            {"id": 2, "customer": {"email": "bo@example.com", "city": null}, "total": 3, "paid": false, "on": "2024-01-06", "items": []}
            this is not json
            {"id": "three", "customer": {}, "total": 1, "paid": true, "on": "2024-01-07", "items": [{"sku": "C", "qty": 5}]}

            [1, 2]
            """;

    private StepTestRunner reader(String file) {
        return new StepTestRunner(new JsonReaderStepType(), dir).param("path", file);
    }

    @Test
    void jsonLinesWithNestedFieldsFlattenedAndTypesInferred() throws Exception {
        Files.writeString(dir.resolve("orders.jsonl"), ORDERS);
        StepTestRunner r = reader("orders.jsonl").param("columns", Map.of("customer.email", "pii", "on", "date")).run();
        assertEquals(List.of("id", "customer.email", "customer.city", "total", "paid", "on", "items"),
                r.outputSchema("out").names());
        assertEquals(List.of(FieldType.STRING, FieldType.STRING, FieldType.STRING, FieldType.DECIMAL, FieldType.BOOLEAN,
                FieldType.DATE, FieldType.STRING), r.outputSchema("out").fields().stream().map(Field::type).toList());
        assertTrue(r.outputSchema("out").field("customer.email").has(FieldTag.PII));
        List<Object[]> rows = r.output("out");
        assertEquals(3, rows.size());
        assertArrayEquals(new Object[] {"1", "ann@example.com", "Oslo", 12.5, true, LocalDate.of(2024, 1, 5),
                "[{\"sku\":\"A\",\"qty\":2},{\"sku\":\"B\",\"qty\":1}]"}, rows.get(0));
        assertEquals(null, rows.get(1)[2], "null is missing");
        assertEquals(2, r.quarantined().size());
        assertEquals(3, r.quarantined().get(0).rowNumber());
        assertTrue(r.quarantined().get(0).reason().startsWith("line 3 is not JSON"), r.quarantined().get(0).reason());
        assertEquals("record 6 is not a JSON object", r.quarantined().get(1).reason());
        r.assertRowsAccountedFor();
    }

    @Test
    void pathsPickColumnsAndExplodeMakesARowPerItem() throws Exception {
        Files.writeString(dir.resolve("orders.jsonl"), ORDERS);
        StepTestRunner r = reader("orders.jsonl")
                .param("paths", ordered("order_id", "/id", "city", "customer.city", "sku", "/items/sku", "qty", "/items/qty"))
                .param("columns", Map.of("order_id", "integer,id")).param("explode", "/items").run();
        List<Object[]> rows = r.output("out");
        assertEquals(2, rows.size(), "order 1's two items; order 2 has none; order 'three' is not an integer");
        assertArrayEquals(new Object[] {1L, "Oslo", "A", 2L}, rows.get(0));
        assertArrayEquals(new Object[] {1L, "Oslo", "B", 1L}, rows.get(1));
        assertTrue(r.quarantined().stream().anyMatch(q -> q.reason().equals("record 4: column order_id: text is not an integer")),
                r.quarantined().toString());
        assertEquals(1, r.filtered(), "the order without items");
        r.assertRowsAccountedFor();
    }

    /** Paths in the order given, as a workflow's JSON object keeps them. */
    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void aGzippedArrayIsReadAndABrokenOneSaysWhere() throws Exception {
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(dir.resolve("a.json.gz")))) {
            os.write("""
                    [ {"n": 1, "at": "2024-05-01T10:15:30Z"}, {"n": 2.5, "at": null} ]""".getBytes(StandardCharsets.UTF_8));
        }
        StepTestRunner r = reader("a.json.gz").param("columns", Map.of("at", "timestamp")).run();
        assertArrayEquals(new Object[] {1.0, Instant.parse("2024-05-01T10:15:30Z")}, r.output("out").get(0));
        assertEquals(FieldType.DECIMAL, r.outputSchema("out").field("n").type());

        Files.writeString(dir.resolve("broken.json"), "[{\"n\": 1},\n {\"n\": }]");
        StepFailure f = assertThrows(StepFailure.class, () -> reader("broken.json").run());
        assertTrue(f.getMessage().startsWith("the JSON array is broken at line 2, column "), f.getMessage());
        Files.writeString(dir.resolve("obj.json"), "{\"n\": 1}");
        StepFailure notArray = assertThrows(StepFailure.class, () -> reader("obj.json").param("layout", "array").run());
        assertTrue(notArray.getMessage().contains("does not start with ["), notArray.getMessage());
    }

    @Test
    void piiValuesNeverReachTheQuarantine() throws Exception {
        Files.writeString(dir.resolve("p.jsonl"), "{\"email\": \"ann@example.com\", \"age\": \"old\"}\n");
        StepTestRunner r = reader("p.jsonl").param("columns", Map.of("email", "string,pii", "age", "integer")).run();
        assertEquals(1, r.quarantined().size());
        assertFalse(r.quarantined().get(0).record().contains("ann@example.com"), r.quarantined().get(0).record());
        assertEquals("record 1: column age: text is not an integer", r.quarantined().get(0).reason());
    }

    @Test
    void badParametersAndEmptyFiles() throws Exception {
        reader("x.json").param("paths", Map.of("a", "b..c")).assertInvalid("paths", "empty part");
        reader("x.json").param("columns", Map.of("a", "integer,decimal")).assertInvalid("columns", "two types");
        reader("").assertInvalid("path", "give the JSON file");
        Files.writeString(dir.resolve("empty.jsonl"), "");
        StepFailure f = assertThrows(StepFailure.class, () -> reader("empty.jsonl").run());
        assertTrue(f.getMessage().contains("(it is empty)"), f.getMessage());
    }
}
