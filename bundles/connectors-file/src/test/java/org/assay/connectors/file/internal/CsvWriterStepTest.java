package org.assay.connectors.file.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.ReadMode;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterStepTest {

    @TempDir
    Path dir;

    private static final Schema SCHEMA = Schema.of(Field.of("id", FieldType.INTEGER), Field.of("name", FieldType.STRING),
            Field.of("spend", FieldType.DECIMAL), Field.of("since", FieldType.DATE), Field.of("vip", FieldType.BOOLEAN),
            Field.of("seen", FieldType.TIMESTAMP));

    private StepTestRunner writer(String path) {
        return new StepTestRunner(new CsvWriterStepType(), dir).param("path", path)
                .input("in", SCHEMA, row(1L, "Ann", 42.0, LocalDate.of(2024, 1, 5), true, Instant.parse("2024-05-01T10:15:30Z")),
                        row(2L, "Smith, \"Bo\"", 12.25, null, false, null));
    }

    @Test
    void relativePathIsWrittenIntoTheRunFolderAndRegistered() throws Exception {
        StepTestRunner r = writer("out/customers.csv").run();

        Path file = dir.resolve("artifacts/out/customers.csv");
        assertEquals("""
                id,name,spend,since,vip,seen
                1,Ann,42,2024-01-05,true,2024-05-01T10:15:30Z
                2,"Smith, ""Bo\""",12.25,,false,
                """, Files.readString(file));
        assertEquals(List.of(new StepTestRunner.Artifact(file, ArtifactKind.DATA, "CSV file customers.csv (2 rows)")),
                r.artifacts());
        assertFalse(Files.exists(dir.resolve("artifacts/out/customers.csv.part")), "no temporary file is left");
        assertEquals(2, r.countedOut());
        r.assertRowsAccountedFor();
    }

    @Test
    void absolutePathIsWrittenThereWithOptions() throws Exception {
        Path target = dir.resolve("exports/nested/c.csv").toAbsolutePath();
        StepTestRunner r = writer(target.toString()).param("delimiter", ";").param("header", false)
                .param("encoding", "UTF-8-BOM").run();

        byte[] bytes = Files.readAllBytes(target);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        assertTrue(new String(bytes, StandardCharsets.UTF_8).startsWith("\uFEFF1;Ann;42;2024-01-05;true;"));
        assertTrue(r.artifacts().isEmpty(), "files outside the run folder are not run artifacts");
        r.assertRowsAccountedFor();
    }

    private StepTestRunner writerWithPii(String pii) {
        Schema schema = Schema.of(Field.of("id", FieldType.INTEGER), Field.of("email", FieldType.STRING).withTags(FieldTag.PII),
                Field.of("born", FieldType.DATE).withTags(FieldTag.PII), Field.of("city", FieldType.STRING));
        StepTestRunner r = new StepTestRunner(new CsvWriterStepType(), dir).param("path", "c.csv")
                .input("in", schema, row(1L, "ann@example.com", LocalDate.of(1980, 2, 3), "Oslo"),
                        row(2L, null, null, "Bergen"));
        return pii == null ? r : r.param("pii", pii);
    }

    @Test
    void piiColumnsAreRefusedByDefaultAndNothingIsWritten() {
        StepFailure e = assertThrows(StepFailure.class, () -> writerWithPii(null).run());
        assertTrue(e.getMessage().startsWith("the input has pii columns [email, born] and csv-writer writes personal "
                + "data only when told: set \"pii\": \"drop\""), e.getMessage());
        assertFalse(Files.exists(dir.resolve("artifacts/c.csv")));
        assertFalse(Files.exists(dir.resolve("artifacts/c.csv.part")));
    }

    @Test
    void piiColumnsAreDroppedMaskedOrWrittenWhenTheWorkflowSaysSo() throws Exception {
        writerWithPii("drop").run().assertRowsAccountedFor();
        assertEquals("id,city\n1,Oslo\n2,Bergen\n", Files.readString(dir.resolve("artifacts/c.csv")));
        writerWithPii("mask").run();
        assertEquals("id,email,born,city\n1,***,***,Oslo\n2,,,Bergen\n", Files.readString(dir.resolve("artifacts/c.csv")));
        writerWithPii("write").run();
        assertEquals("id,email,born,city\n1,ann@example.com,1980-02-03,Oslo\n2,,,Bergen\n",
                Files.readString(dir.resolve("artifacts/c.csv")));
    }

    @Test
    void roundTripThroughReaderAndWriterKeepsValues() throws Exception {
        String original = """
                customer_id,name,city,age,income,last_purchase
                1,张伟,北京,34,52000.5,2024-01-15
                2,"O'Neil, Pat",Oslo,,61000,2023-12-01
                3,Zoë,"Quote ""q\""",51,,
                """;
        Files.write(dir.resolve("in.csv"), original.getBytes(Charset.forName("GB18030")));
        StepTestRunner read = new StepTestRunner(new CsvReaderStepType(), dir).param("path", "in.csv")
                .param("columns", Map.of("customer_id", "integer,id", "name", "string,pii")).run();
        assertEquals(3, read.output().size());

        StepTestRunner write = new StepTestRunner(new CsvWriterStepType(), dir).param("path", "out.csv").param("pii", "write")
                .input("in", read.outputSchema("out"), new ArrayList<>(read.output()), 2);
        write.run();

        assertEquals(original, Files.readString(dir.resolve("artifacts/out.csv")));
        assertEquals(3, write.countedOut());
        write.assertRowsAccountedFor();
        read.assertRowsAccountedFor();
    }

    @Test
    void validateRejectsAutoEncodingForWriting() {
        writer("x.csv").param("encoding", "auto").assertInvalid("encoding", "'auto' is not a charset to write");
        writer("x.csv").param("encoding", "no-such").assertInvalid("encoding", "'no-such' is not a charset to write");
        writer("x.csv").param("delimiter", "").assertInvalid("delimiter", "it is empty");
        writer(" ").assertInvalid("path", "give the file to write");
        writer("x.csv").param("pii", "hide").assertInvalid("pii", "'hide' is not allowed");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> writer("x.csv").param("encoding", "auto").run());
        assertTrue(e.getMessage().contains("parameter encoding: 'auto' is not a charset to write"), e.getMessage());
    }

    @Test
    void descriptorDocumentsPiiChoicesAndStreamsItsInput() {
        var d = new CsvWriterStepType().descriptor();
        assertEquals("csv-writer", d.typeId());
        var pii = d.parameter("pii").orElseThrow();
        assertEquals(List.of("refuse", "drop", "mask", "write"), pii.allowedValues());
        assertEquals("refuse", pii.defaultValue());
        assertTrue(pii.description().contains("\"mask\": write *** for every non-empty value"), pii.description());
        assertEquals(org.assay.api.step.ParameterType.OUTPUT_PATH, d.parameter("path").orElseThrow().type());
        assertEquals(ReadMode.ONCE, d.input("in").orElseThrow().reads(), "one pass: it can stream");
        assertEquals("UTF-8", d.parameter("encoding").orElseThrow().defaultValue());
        assertEquals(true, d.parameter("header").orElseThrow().defaultValue());
    }
}
