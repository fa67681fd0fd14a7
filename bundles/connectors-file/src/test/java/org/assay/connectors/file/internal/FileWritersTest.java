package org.assay.connectors.file.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.ParameterType;
import org.assay.api.step.ReadMode;
import org.assay.api.step.StepFailure;
import org.assay.api.step.StepType;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** json-writer and arff-writer: formats, nulls and edge values, pii, the path, the temporary file. */
class FileWritersTest {

    @TempDir
    Path dir;

    private static final Schema SCHEMA = Schema.of(Field.of("id", FieldType.INTEGER), Field.of("name", FieldType.STRING),
            Field.of("spend", FieldType.DECIMAL), Field.of("since", FieldType.DATE), Field.of("vip", FieldType.BOOLEAN),
            Field.of("seen", FieldType.TIMESTAMP),
            Field.of("tier", FieldType.CATEGORICAL).withCategories(List.of("gold", "silver plus")));

    private StepTestRunner writer(StepType type, String path) {
        return new StepTestRunner(type, dir).param("path", path)
                .input("in", SCHEMA, row(1L, "Ann", 42.0, LocalDate.of(2024, 1, 5), true,
                                Instant.parse("2024-05-01T10:15:30Z"), "gold"),
                        row(2L, "O'Hara, \"Bo\"\n%x", Double.NaN, null, false, null, "silver plus"),
                        row(null, "", null, null, null, null, null));
    }

    @Test
    void jsonLinesHoldTypedValuesAndNulls() throws Exception {
        StepTestRunner r = writer(new JsonWriterStepType(), "out/customers.jsonl").run();
        Path file = dir.resolve("artifacts/out/customers.jsonl");
        assertEquals("""
                {"id":1,"name":"Ann","spend":42.0,"since":"2024-01-05","vip":true,"seen":"2024-05-01T10:15:30Z","tier":"gold"}
                {"id":2,"name":"O'Hara, \\"Bo\\"\\n%x","spend":null,"since":null,"vip":false,"seen":null,"tier":"silver plus"}
                {"id":null,"name":"","spend":null,"since":null,"vip":null,"seen":null,"tier":null}
                """, Files.readString(file));
        assertEquals(List.of(new StepTestRunner.Artifact(file, ArtifactKind.DATA, "JSON lines file customers.jsonl (3 rows)")),
                r.artifacts());
        assertEquals(3, r.countedOut());
        r.assertRowsAccountedFor();
        assertFalse(Files.exists(dir.resolve("artifacts/out/customers.jsonl.part")));
    }

    @Test
    void jsonWriterReadsBackThroughJsonReader() throws Exception {
        writer(new JsonWriterStepType(), "c.jsonl").run();
        Files.copy(dir.resolve("artifacts/c.jsonl"), dir.resolve("c.jsonl"));
        StepTestRunner back = new StepTestRunner(new JsonReaderStepType(), dir).param("path", "c.jsonl").run();
        assertEquals(3, back.output("out").size());
        assertEquals("O'Hara, \"Bo\"\n%x", back.output("out").get(1)[1]);
    }

    @Test
    void arffHasTheWekaTypesAndReadsBackThroughArffReader() throws Exception {
        StepTestRunner r = writer(new ArffWriterStepType(), "customers.arff").run();
        String arff = Files.readString(dir.resolve("artifacts/customers.arff"));
        assertTrue(arff.startsWith("""
                @relation customers

                @attribute id numeric
                @attribute name string
                @attribute spend numeric
                @attribute since date "yyyy-MM-dd"
                @attribute vip {false,true}
                @attribute seen date "yyyy-MM-dd'T'HH:mm:ss.SSS"
                @attribute tier {gold,'silver plus'}

                @data
                1,Ann,42,2024-01-05,true,2024-05-01T10:15:30.000,gold
                """), arff);
        assertTrue(arff.endsWith("?,'',?,?,?,?,?\n"), arff);
        r.assertRowsAccountedFor();

        Files.copy(dir.resolve("artifacts/customers.arff"), dir.resolve("customers.arff"));
        StepTestRunner back = new StepTestRunner(new ArffReaderStepType(), dir).param("path", "customers.arff").run();
        List<Object[]> rows = back.output("out");
        assertEquals(3, rows.size());
        assertArrayEquals(new Object[] {2.0, "O'Hara, \"Bo\"\n%x", null, null, "false", null, "silver plus"}, rows.get(1));
        assertEquals(List.of("gold", "silver plus"), back.outputSchema("out").field("tier").categories());
    }

    @Test
    void arffRefusesAValueOutsideTheDeclaredCategoriesAndLeavesNoFile() {
        StepTestRunner r = new StepTestRunner(new ArffWriterStepType(), dir).param("path", "t.arff")
                .input("in", Schema.of(Field.of("tier", FieldType.CATEGORICAL).withCategories(List.of("gold"))),
                        row("gold"), row("bronze"));
        StepFailure f = assertThrows(StepFailure.class, r::run);
        assertTrue(f.getMessage().startsWith("column tier: row 2 holds a value outside the column's declared categories"),
                f.getMessage());
        assertFalse(f.getMessage().contains("bronze"), "the value is not quoted: it may be personal");
        assertFalse(Files.exists(dir.resolve("artifacts/t.arff")));
        assertFalse(Files.exists(dir.resolve("artifacts/t.arff.part")));
    }

    @Test
    void piiIsRefusedByDefaultAndDroppedWhenAsked() throws Exception {
        Schema schema = Schema.of(Field.of("id", FieldType.INTEGER), Field.of("email", FieldType.STRING).withTags(FieldTag.PII));
        for (StepType type : List.of(new JsonWriterStepType(), new ArffWriterStepType())) {
            String file = type.descriptor().typeId() + ".out";
            StepTestRunner refused = new StepTestRunner(type, dir).param("path", file).input("in", schema, row(1L, "a@b.c"));
            StepFailure f = assertThrows(StepFailure.class, refused::run);
            assertTrue(f.getMessage().startsWith("the input has pii columns [email]"), f.getMessage());
            assertFalse(Files.exists(dir.resolve("artifacts").resolve(file)));
            new StepTestRunner(type, dir).param("path", file).param("pii", "drop").input("in", schema, row(1L, "a@b.c"))
                    .run();
            assertFalse(Files.readString(dir.resolve("artifacts").resolve(file)).contains("a@b.c"));
        }
    }

    @Test
    void pathsAreConfinedWritePathsAndBadParametersAreNamed() {
        for (StepType type : List.of(new JsonWriterStepType(), new ArffWriterStepType())) {
            var d = type.descriptor();
            assertEquals(ParameterType.OUTPUT_PATH, d.parameter("path").orElseThrow().type(), d.typeId());
            assertEquals(ReadMode.ONCE, d.input("in").orElseThrow().reads(), d.typeId());
            assertEquals("refuse", d.parameter("pii").orElseThrow().defaultValue());
            writer(type, " ").assertInvalid("path", "give the file to write");
        }
        writer(new ArffWriterStepType(), "x.arff").param("relation", "a\nb").assertInvalid("relation", "control characters");
    }

    @Test
    void emptyInputWritesAHeaderOnlyArffAndAnEmptyJsonFile() throws Exception {
        new StepTestRunner(new JsonWriterStepType(), dir).param("path", "e.jsonl").input("in", SCHEMA).run();
        assertEquals("", Files.readString(dir.resolve("artifacts/e.jsonl")));
        new StepTestRunner(new ArffWriterStepType(), dir).param("path", "e.arff").param("relation", "my data")
                .input("in", SCHEMA).run();
        String arff = Files.readString(dir.resolve("artifacts/e.arff"));
        assertTrue(arff.startsWith("@relation 'my data'\n") && arff.endsWith("@data\n"), arff);
    }
}
