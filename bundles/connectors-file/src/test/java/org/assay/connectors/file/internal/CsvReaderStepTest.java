package org.assay.connectors.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepCancelledException;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderStepTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private StepTestRunner reader(String path) {
        return new StepTestRunner(new CsvReaderStepType(), dir).param("path", path);
    }

    @Test
    void infersTypesOfUndeclaredColumns() throws Exception {
        write("c.csv", """
                id,name,age,income,joined,active,zip,seen
                1,Ann,34,52000.5,2023-01-15,true,01234,2024-05-01T10:15:30Z
                2,Bob,,61000,2022-11-02,false,10115,2024-05-02 08:00:00
                3,Cy,51,NA,2021-07-30,TRUE,20095,2024-05-03T09:00:00+02:00
                """);
        StepTestRunner r = reader("c.csv").run();

        Schema s = r.outputSchema("out");
        assertEquals(List.of(FieldType.INTEGER, FieldType.STRING, FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE,
                FieldType.BOOLEAN, FieldType.STRING, FieldType.TIMESTAMP),
                s.fields().stream().map(f -> f.type()).toList());
        List<Object[]> rows = r.output();
        assertEquals(3, rows.size());
        assertEquals(List.of(1L, "Ann", 34L, 52000.5, LocalDate.of(2023, 1, 15), true, "01234",
                Instant.parse("2024-05-01T10:15:30Z")), List.of(rows.get(0)));
        assertEquals(null, rows.get(1)[2], "an empty cell is null");
        assertEquals(null, rows.get(2)[3], "NA is null");
        assertEquals(Instant.parse("2024-05-02T08:00:00Z"), rows.get(1)[7], "a timestamp without offset is UTC");
        assertEquals(Instant.parse("2024-05-03T07:00:00Z"), rows.get(2)[7]);
        assertTrue(s.fields().stream().allMatch(f -> f.tags().isEmpty()), "nothing is tagged unless declared");
        assertEquals(3, r.countedIn());
        assertEquals(1.0, r.progress());
        r.assertRowsAccountedFor();
    }

    @Test
    void aCellOfSpacesInANumericColumnIsMissingNotText() throws Exception {
        // The Telco churn export writes TotalCharges " " for new customers, inside and after the sample.
        StringBuilder csv = new StringBuilder("customerID,tenure,TotalCharges,Churn\n");
        for (int i = 0; i < 300; i++) {
            csv.append("c").append(i).append(',').append(i % 72).append(',')
                    .append(i % 100 == 7 ? " " : (i * 10.5) + "").append(',').append(i % 4 == 0 ? "Yes" : "No")
                    .append('\n');
        }
        write("telco.csv", csv.toString());
        StepTestRunner r = reader("telco.csv").param("inferenceRows", 100).run();

        Schema s = r.outputSchema("out");
        assertEquals(FieldType.DECIMAL, s.field("TotalCharges").type(), "blanks do not make a number column text");
        assertEquals(FieldType.STRING, s.field("Churn").type());
        List<Object[]> rows = r.output();
        assertEquals(300, rows.size(), "no row goes to quarantine for a blank number");
        assertEquals(null, rows.get(7)[2], "a blank in the sample is null");
        assertEquals(null, rows.get(207)[2], "a blank after the sample is null");
        assertEquals(84.0, rows.get(8)[2]);
        assertEquals(0, r.quarantined().size());
        r.assertRowsAccountedFor();
    }

    @Test
    void declaredTypesAndTagsAreUsed() throws Exception {
        write("c.csv", """
                customer_id,name,email,city,age,score
                7,Ann,ann@example.com,Oslo,34,1
                8,Bob,bob@example.com,Rome,41,0
                """);
        StepTestRunner r = reader("c.csv")
                .param("columns", Map.of("customer_id", "integer, id", "email", "string,PII", "city", "categorical",
                        "age", "pii", "score", "boolean,target"))
                .run();

        Schema s = r.outputSchema("out");
        assertEquals(Set.of(FieldTag.ID), s.field("customer_id").tags());
        assertEquals(Set.of(FieldTag.PII), s.field("email").tags());
        assertEquals(FieldType.CATEGORICAL, s.field("city").type());
        assertEquals(FieldType.INTEGER, s.field("age").type(), "tags alone keep the inferred type");
        assertEquals(Set.of(FieldTag.PII), s.field("age").tags());
        assertEquals(FieldType.BOOLEAN, s.field("score").type(), "declared boolean accepts 1/0");
        assertEquals(Set.of(FieldTag.TARGET), s.field("score").tags());
        assertEquals(Set.of(), s.field("name").tags(), "an undeclared name column is not guessed to be pii");
        assertEquals(true, r.output().get(0)[5]);
        r.assertRowsAccountedFor();
    }

    @Test
    void malformedRowsGoToQuarantineWithLineNumbers() throws Exception {
        write("c.csv", """
                id,name,age
                1,Ann,34
                2,Bob
                3,"Cy, Jr",abc
                4,Di,40,extra

                5,"Ed
                Two",51
                6,Flo,x1
                """);
        StepTestRunner r = reader("c.csv").param("columns", Map.of("age", "integer")).run();

        List<StepTestRunner.Rejected> q = r.quarantined();
        assertEquals(4, q.size());
        assertEquals(new StepTestRunner.Rejected(3, "2,Bob", "line 3: expected 3 fields, found 2"), q.get(0));
        assertEquals(new StepTestRunner.Rejected(4, "3,\"Cy, Jr\",abc", "line 4: column age: 'abc' is not an integer"),
                q.get(1));
        assertEquals("line 5: expected 3 fields, found 4", q.get(2).reason());
        assertEquals(9, q.get(3).rowNumber(), "line numbers count the lines of a quoted multi-line field");
        assertEquals(List.of(1L, 5L), r.output().stream().map(row -> row[0]).toList());
        assertEquals("Ed\nTwo", r.output().get(1)[1]);
        assertEquals(6, r.countedIn(), "every data row read is counted, quarantined ones too");
        r.assertRowsAccountedFor();
    }

    @Test
    void inferenceToleratesStrayValuesAndQuarantinesThem() throws Exception {
        StringBuilder csv = new StringBuilder("id,age\n");
        for (int i = 1; i <= 300; i++) {
            csv.append(i).append(',').append(i == 50 ? "unknown" : Integer.toString(20 + i % 50)).append('\n');
        }
        csv.append("301,forty\n");
        write("c.csv", csv.toString());

        StepTestRunner r = reader("c.csv").param("inferenceRows", 200).run();

        assertEquals(FieldType.INTEGER, r.outputSchema("out").field("age").type());
        assertEquals(List.of(51L, 302L), r.quarantined().stream().map(StepTestRunner.Rejected::rowNumber).toList());
        assertTrue(r.quarantined().get(1).reason().startsWith("line 302: column age: 'forty' is not an integer (type "
                + "integer was inferred from the first 200 rows"), r.quarantined().get(1).reason());
        assertEquals(299, r.output().size());
        r.assertRowsAccountedFor();
    }

    @Test
    void cellsAreWhatFastCsvRecordsHoldForQuotedAndAwkwardText() throws Exception {
        java.util.Random rnd = new java.util.Random(41);
        String[] pieces = {"a", "Zo\u00eb", "\u738b", " ", ",", "\"", "\n", "\r\n", "#", "x".repeat(3000), "", "NA"};
        StringBuilder csv = new StringBuilder("c1,c2,c3\n");
        for (int row = 0; row < 3000; row++) {
            for (int c = 0; c < 3; c++) {
                if (c > 0) {
                    csv.append(',');
                }
                StringBuilder cell = new StringBuilder();
                for (int k = rnd.nextInt(4); k > 0; k--) {
                    cell.append(pieces[rnd.nextInt(pieces.length)]);
                }
                String t = cell.toString();
                boolean quote = rnd.nextBoolean() || t.contains(",") || t.contains("\"") || t.contains("\n")
                        || t.contains("\r");
                csv.append(quote ? "\"" + t.replace("\"", "\"\"") + "\"" : t);
            }
            csv.append('\n');
        }
        write("awkward.csv", csv.toString());
        List<Object[]> expected = new java.util.ArrayList<>();
        try (de.siegmar.fastcsv.reader.CsvReader<de.siegmar.fastcsv.reader.CsvRecord> fast =
                de.siegmar.fastcsv.reader.CsvReader.builder().skipEmptyLines(true).ofCsvRecord(csv.toString())) {
            fast.stream().skip(1).forEach(rec -> {
                Object[] cells = rec.getFields().toArray();
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = List.of("", "NA", "null", "N/A").contains(cells[c]) ? null : cells[c];
                }
                expected.add(cells);
            });
        }
        StepTestRunner r = reader("awkward.csv").param("inferTypes", false).run();
        assertEquals(expected.size(), r.output().size() + r.quarantined().size());
        assertEquals(expected.size(), r.output().size(), "three fields in every record");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(java.util.Arrays.asList(expected.get(i)), java.util.Arrays.asList(r.output().get(i)), "record " + i);
        }
    }

    @Test
    void withoutInferenceUndeclaredColumnsAreStrings() throws Exception {
        write("c.csv", "id,age\n1,34\n");
        StepTestRunner r = reader("c.csv").param("inferTypes", false).run();
        assertEquals(FieldType.STRING, r.outputSchema("out").field("age").type());
        assertEquals("34", r.output().get(0)[1]);
    }

    @Test
    void utf8ByteOrderMarkIsSkipped() throws Exception {
        byte[] body = "name,city\nJosé,Zürich\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        write("bom.csv", withBom);

        StepTestRunner r = reader("bom.csv").run();

        assertEquals(List.of("name", "city"), r.outputSchema("out").names());
        assertEquals(List.of("José", "Zürich"), List.of(r.output().get(0)));
    }

    @Test
    void gbkFileWithChineseNamesIsDetected() throws Exception {
        String text = "customer_id,name,city\n1,张伟,北京\n2,王芳,上海\n3,李娜,广州\n";
        write("gbk.csv", text.getBytes(Charset.forName("GBK")));

        StepTestRunner auto = reader("gbk.csv").run();
        StepTestRunner given = reader("gbk.csv").param("encoding", "GBK").run();

        for (StepTestRunner r : List.of(auto, given)) {
            assertEquals(List.of("张伟", "王芳", "李娜"), r.output().stream().map(row -> row[1]).toList());
            assertEquals("北京", r.output().get(0)[2]);
            assertTrue(r.quarantined().isEmpty());
        }
    }

    @Test
    void bytesInvalidInTheChosenCharsetQuarantineTheRow() throws Exception {
        byte[] good = "name,city\nAnn,Oslo\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = "Bob,\u5317\u4eac\n".getBytes(Charset.forName("GBK"));
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        write("mixed.csv", all);

        StepTestRunner r = reader("mixed.csv").param("encoding", "UTF-8").run();

        assertEquals(1, r.output().size());
        assertEquals(1, r.quarantined().size());
        assertTrue(r.quarantined().get(0).reason().startsWith("line 3: column city: contains bytes that are not valid "
                + "UTF-8; set parameter encoding"), r.quarantined().get(0).reason());
        r.assertRowsAccountedFor();
    }

    @Test
    void missingFileNamesParameterPathAndFix() {
        StepFailure e = assertThrows(StepFailure.class, () -> reader("data/nope.csv").run());
        assertTrue(e.getMessage().startsWith("parameter path: the file " + dir.resolve("data/nope.csv").toAbsolutePath()
                + " does not exist (path \"data/nope.csv\")"), e.getMessage());
        assertTrue(e.getMessage().contains("Put the file there or correct path"), e.getMessage());
    }

    @Test
    void declaredColumnMissingFromFileListsTheColumns() throws Exception {
        write("c.csv", "id,name\n1,Ann\n");
        StepFailure e = assertThrows(StepFailure.class,
                () -> reader("c.csv").param("columns", Map.of("email", "pii")).run());
        assertTrue(e.getMessage().contains("column 'email' is not in"), e.getMessage());
        assertTrue(e.getMessage().contains("the columns are [id, name]"), e.getMessage());
    }

    @Test
    void emptyFileFailsWithFix() throws Exception {
        write("empty.csv", "");
        StepFailure e = assertThrows(StepFailure.class, () -> reader("empty.csv").run());
        assertTrue(e.getMessage().contains("is empty"), e.getMessage());
    }

    @Test
    void customDateFormatIsStrict() throws Exception {
        write("c.csv", "id;born\n1;15.01.1990\n2;30.02.1990\n");
        StepTestRunner r = reader("c.csv").param("delimiter", ";").param("dateFormat", "dd.MM.yyyy")
                .param("columns", Map.of("born", "date")).run();
        assertEquals(LocalDate.of(1990, 1, 15), r.output().get(0)[1]);
        assertEquals("line 3: column born: '30.02.1990' is not a date in the format dd.MM.yyyy",
                r.quarantined().get(0).reason());
    }

    @Test
    void noHeaderNamesColumnsByPosition() throws Exception {
        write("c.tsv", "1\tAnn\n2\tBob\n");
        StepTestRunner r = reader("c.tsv").param("header", false).param("delimiter", "\\t").run();
        assertEquals(List.of("column_1", "column_2"), r.outputSchema("out").names());
        assertEquals(2, r.output().size());
        assertEquals(2, r.countedIn());
    }

    @Test
    void duplicateAndBlankHeaderCellsGetUniqueNames() throws Exception {
        write("c.csv", "id,name,,name\n1,a,b,c\n");
        StepTestRunner r = reader("c.csv").run();
        assertEquals(List.of("id", "name", "column_3", "name_2"), r.outputSchema("out").names());
    }

    @Test
    void largeFileStreamsInBatchesOfDefaultCapacity() throws Exception {
        int rows = BatchBuilder.DEFAULT_CAPACITY * 2 + 17;
        StringBuilder csv = new StringBuilder("id,amount\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i).append(',').append(i * 0.5).append('\n');
        }
        write("big.csv", csv.toString());

        StepTestRunner r = reader("big.csv").run();

        List<Batch> batches = r.outputBatches("out");
        assertEquals(3, batches.size());
        assertEquals(BatchBuilder.DEFAULT_CAPACITY, batches.get(0).rowCount());
        assertEquals(17, batches.get(2).rowCount());
        assertEquals(rows, r.countedIn());
        assertEquals(1.0, r.progress());
        r.assertRowsAccountedFor();
    }

    @Test
    void cancellationStopsTheRead() throws Exception {
        StringBuilder csv = new StringBuilder("id\n");
        for (int i = 0; i < BatchBuilder.DEFAULT_CAPACITY + 10; i++) {
            csv.append(i).append('\n');
        }
        write("c.csv", csv.toString());
        StepTestRunner r = reader("c.csv");
        r.cancel();
        assertThrows(StepCancelledException.class, r::run);
    }

    @Test
    void validateReportsBadParametersAtTheParameter() {
        StepTestRunner r = reader("c.csv").param("columns", Map.of("age", "integr")).param("delimiter", ";;")
                .param("encoding", "no-such-charset").param("dateFormat", "yyyy-MM-dd'");
        r.assertInvalid("columns", "column 'age': 'integr' is neither a type nor a tag")
                .assertInvalid("delimiter", "';;' is not a single character")
                .assertInvalid("encoding", "'no-such-charset' is not a known charset")
                .assertInvalid("dateFormat", "'yyyy-MM-dd'' is not a valid date pattern");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains("parameter delimiter: ';;'"), e.getMessage());
        reader(" ").assertInvalid("path", "give the file to read, e.g. \"data/customers.csv\"");
    }

    @Test
    void descriptorDeclaresPortsAndDefaults() {
        var d = new CsvReaderStepType().descriptor();
        assertEquals("csv-reader", d.typeId());
        assertTrue(d.inputs().isEmpty());
        assertEquals("out", d.outputs().get(0).name());
        assertEquals(List.of("", "NA", "null", "N/A"), d.parameter("nullValues").orElseThrow().defaultValue());
        assertTrue(d.parameter("path").orElseThrow().required());
        assertEquals(org.assay.api.step.ParameterType.INPUT_PATH, d.parameter("path").orElseThrow().type());
        assertEquals(1000L, d.parameter("inferenceRows").orElseThrow().defaultValue());
        assertEquals(1_000_000.0, d.parameter("inferenceRows").orElseThrow().maximum());
        assertEquals(null, d.parameter("columns").orElseThrow().column(),
                "columns names columns of the file, not of an input: no column rule");
    }
}
