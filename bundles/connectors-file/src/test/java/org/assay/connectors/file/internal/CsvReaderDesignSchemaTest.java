package org.assay.connectors.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.DesignContext;
import org.assay.api.step.Parameters;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The design-time schema of csv-reader is the schema its run gives, or unknown. */
class CsvReaderDesignSchemaTest {

    /** The sample data the distribution's workflows read (surefire runs in the module folder). */
    private static final Path CUSTOMERS = Path.of("../../workflows/data/customers.csv");

    @TempDir
    Path dir;

    private final CsvReaderStepType type = new CsvReaderStepType();

    /** Files under the test folder, as the engine's confined DesignContext gives them. */
    private DesignContext files() {
        return path -> Optional.of(dir.resolve(path)).filter(Files::isRegularFile);
    }

    private Optional<Schema> designSchema(Map<String, Object> params) {
        return type.outputSchemas(Parameters.of(type.descriptor(), params), Map.of(), files())
                .map(outputs -> outputs.get("out"));
    }

    private Schema runSchema(Map<String, Object> params) throws Exception {
        StepTestRunner r = new StepTestRunner(type, dir);
        params.forEach(r::param);
        return r.run().outputSchema("out");
    }

    private void assertSameAsRun(Map<String, Object> params) throws Exception {
        Schema design = designSchema(params).orElseThrow(() -> new AssertionError("no design-time schema"));
        assertEquals(runSchema(params), design);
    }

    @Test
    void theSampleCustomersFileHasTheSchemaOfItsRun() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(CUSTOMERS, dir.resolve("data/customers.csv"));
        // The columns of workflows/customer-segmentation.json.
        Map<String, String> columns = Map.of("customer_id", "integer,id", "first_name", "string,pii",
                "last_name", "string,pii", "email", "string,pii", "city", "categorical", "last_purchase", "date");
        Map<String, Object> params = Map.of("path", "data/customers.csv", "columns", columns);

        assertSameAsRun(params);
        Schema s = designSchema(params).orElseThrow();
        assertEquals(FieldType.INTEGER, s.field("age").type(), "undeclared columns are inferred");
        assertEquals(FieldType.DECIMAL, s.field("total_spend").type());
        assertEquals(java.util.Set.of(FieldTag.PII), s.field("email").tags());
        assertSameAsRun(Map.of("path", "data/customers.csv", "inferTypes", false));
    }

    @Test
    void aSemicolonFileWithDecimalCommasHasTheSchemaOfItsRun() throws Exception {
        Files.writeString(dir.resolve("eu.csv"), """
                id;name;amount;born
                1;Anne;"12,50";1980-01-02
                2;Jörg;7;1975-12-31
                """);
        Map<String, Object> params = Map.of("path", "eu.csv");
        assertSameAsRun(params);
        Schema s = designSchema(params).orElseThrow();
        assertEquals(List.of("id", "name", "amount", "born"), s.names(), "the delimiter was detected");
        assertEquals(FieldType.DATE, s.field("born").type());
        assertSameAsRun(Map.of("path", "eu.csv", "delimiter", ";", "header", false));
    }

    @Test
    void unknownWithoutTheFileEvenWhenColumnsAreDeclared() {
        assertEquals(Optional.empty(), designSchema(Map.of("path", "nope.csv", "columns", Map.of("id", "integer"))));
        assertEquals(Optional.empty(), type.outputSchemas(Parameters.of(type.descriptor(), Map.of("path", "nope.csv")),
                Map.of(), DesignContext.NONE));
    }

    @Test
    void unknownWhenTheRunWouldFail() throws Exception {
        Files.writeString(dir.resolve("c.csv"), "id,name\n1,Ann\n");
        Files.writeString(dir.resolve("empty.csv"), "");
        Files.write(dir.resolve("bin.csv"), new byte[] {0, 1, 2, 3, 0, 0, 5, 6, 0, 7});
        StringBuilder lookalike = new StringBuilder("id;name;city\n");
        for (int i = 0; i < 10; i++) {
            lookalike.append(i).append(i % 3 == 0 ? ";Ann\n" : ";Ann;Oslo\n");
        }
        Files.writeString(dir.resolve("semi.csv"), lookalike);
        Files.createDirectories(dir.resolve("folder.csv"));

        assertEquals(Optional.empty(), designSchema(Map.of("path", "c.csv", "columns", Map.of("email", "pii"))),
                "a declared column the file lacks");
        assertEquals(Optional.empty(), designSchema(Map.of("path", "empty.csv")));
        assertEquals(Optional.empty(), designSchema(Map.of("path", "bin.csv")));
        assertEquals(Optional.empty(), designSchema(Map.of("path", "semi.csv")), "auto detection would fail");
        assertEquals(List.of("id", "name", "city"), designSchema(Map.of("path", "semi.csv", "delimiter", ";"))
                .orElseThrow().names());
        assertEquals(Optional.empty(), designSchema(Map.of("path", "folder.csv")));
        assertEquals(Optional.empty(), designSchema(Map.of("path", "c.csv", "delimiter", ";;")), "invalid parameters");
    }

    @Test
    void aLargeFileIsKnownWhenItsSampleFitsTheFirstMibAndUnknownWhenNot() throws Exception {
        // Rows of about 1 KiB: the first MiB holds about 1000 of them.
        StringBuilder csv = new StringBuilder("id,note,amount\n");
        String note = "x".repeat(1000);
        for (int i = 0; i < 2000; i++) {
            // Past the first MiB, amount stops being an integer: a longer sample would infer decimal.
            csv.append(i).append(',').append(note).append(',').append(i < 1500 ? "5" : "5.5").append('\n');
        }
        Files.writeString(dir.resolve("big.csv"), csv, StandardCharsets.UTF_8);
        assertTrue(Files.size(dir.resolve("big.csv")) > FileHead.MAX_BYTES);

        Map<String, Object> fits = new LinkedHashMap<>(Map.of("path", "big.csv", "inferenceRows", 500));
        assertSameAsRun(fits);
        assertEquals(FieldType.INTEGER, designSchema(fits).orElseThrow().field("amount").type());

        Map<String, Object> beyond = Map.of("path", "big.csv", "inferenceRows", 2000);
        assertEquals(FieldType.DECIMAL, runSchema(beyond).field("amount").type());
        assertEquals(Optional.empty(), designSchema(beyond), "the sample reaches past the first MiB");

        Map<String, Object> declared = Map.of("path", "big.csv", "inferenceRows", 2000, "columns",
                Map.of("id", "integer", "note", "string", "amount", "decimal"));
        assertSameAsRun(declared);
    }
}
