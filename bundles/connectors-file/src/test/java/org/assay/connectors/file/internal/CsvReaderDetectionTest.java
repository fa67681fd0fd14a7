package org.assay.connectors.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What csv-reader finds out about a file before parsing it: delimiter, charset, whether it is text at all. */
class CsvReaderDetectionTest {

    private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;

    @TempDir
    Path dir;

    private void write(String name, byte[] content) throws Exception {
        Files.write(dir.resolve(name), content);
    }

    private void write(String name, String content) throws Exception {
        write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private StepTestRunner reader(String path) {
        return new StepTestRunner(new CsvReaderStepType(), dir).param("path", path);
    }

    private String failure(StepTestRunner r) {
        return assertThrows(StepFailure.class, r::run).getMessage();
    }

    private static List<Object> column(StepTestRunner r, int c) {
        return r.output().stream().map(row -> row[c]).toList();
    }

    // --- delimiter ---

    @Test
    void semicolonTabAndPipeFilesAreSplitWithoutADelimiterParameter() throws Exception {
        for (String d : List.of(";", "\t", "|")) {
            write("c.csv", String.join(d, "id", "name", "city") + "\n" + String.join(d, "1", "Ann", "Oslo") + "\n"
                    + String.join(d, "2", "Bob", "Rome") + "\n");
            StepTestRunner r = reader("c.csv").run();
            assertEquals(List.of("id", "name", "city"), r.outputSchema("out").names(), "delimiter " + d);
            assertEquals(List.of("Oslo", "Rome"), column(r, 2));
            assertTrue(r.quarantined().isEmpty());
        }
    }

    @Test
    void detectionRespectsQuotesAndDecimalCommas() throws Exception {
        write("eu.csv", """
                name;amount;note
                "Smith, John";1,5;"a;b"
                "Lee, Ann";2,25;"multi
                line; with ; more"
                Bob;3;x
                """);
        StepTestRunner r = reader("eu.csv").run();
        assertEquals(List.of("name", "amount", "note"), r.outputSchema("out").names());
        assertEquals(List.of("Smith, John", "Lee, Ann", "Bob"), column(r, 0));
        assertEquals(List.of("1,5", "2,25", "3"), column(r, 1), "decimal commas stay inside their field");
        assertEquals("multi\nline; with ; more", r.output().get(1)[2]);
        r.assertRowsAccountedFor();
    }

    @Test
    void aByteOrderMarkDoesNotHideTheDelimiter() throws Exception {
        byte[] body = "name;city\nJosé;Zürich\n".getBytes(StandardCharsets.UTF_8);
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
    void aGivenDelimiterAlwaysWins() throws Exception {
        write("c.csv", "a;b\n1;2\n");
        StepTestRunner r = reader("c.csv").param("delimiter", ",").run();
        assertEquals(List.of("a;b"), r.outputSchema("out").names());
        assertEquals("1;2", r.output().get(0)[0]);
    }

    @Test
    void aFileThatLooksSemicolonSeparatedButIsNotConsistentFailsNamingTheDelimiter() throws Exception {
        StringBuilder csv = new StringBuilder("id;name;city\n");
        for (int i = 0; i < 10; i++) {
            csv.append(i).append(i % 3 == 0 ? ";Ann\n" : ";Ann;Oslo\n");
        }
        write("c.csv", csv.toString());
        String m = failure(reader("c.csv"));
        assertTrue(m.startsWith("parameter delimiter: " + dir.resolve("c.csv") + " looks \";\"-separated: set "
                + "\"delimiter\": \";\""), m);
        assertTrue(m.contains("\";\" gives 3 fields in 7 of the first 11 records"), m);

        StepTestRunner given = reader("c.csv").param("delimiter", ";").run();
        assertEquals(6, given.output().size());
        assertEquals(4, given.quarantined().size());
    }

    @Test
    void aSingleColumnFileStaysOneColumn() throws Exception {
        write("c.csv", "email\nann@example.com\nbob@example.com\n");
        StepTestRunner r = reader("c.csv").run();
        assertEquals(List.of("email"), r.outputSchema("out").names());
        assertEquals(2, r.output().size());
    }

    @Test
    void theDescriptorDocumentsDetection() {
        var delimiter = new CsvReaderStepType().descriptor().parameter("delimiter").orElseThrow();
        assertEquals("auto", delimiter.defaultValue());
        assertTrue(delimiter.description().contains("auto looks at the first 20 records"), delimiter.description());
        assertTrue(delimiter.description().contains("A delimiter given here is always used"));
        var writerDelimiter = new CsvWriterStepType().descriptor().parameter("delimiter").orElseThrow();
        assertEquals(",", writerDelimiter.defaultValue(), "the writer does not detect anything");
    }

    // --- encoding ---

    @Test
    void latin1FrenchAndGermanNamesAreReadAsWindows1252() throws Exception {
        String text = """
                name,city,note
                Françoise Lefèvre,Besançon,élève
                Jürgen Müller,München,Straße 5
                Renée Côté,Genève,naïve
                Zoë Ångström,Göteborg,«très» cher
                """;
        write("latin1.csv", text.getBytes(LATIN_1));
        StepTestRunner r = reader("latin1.csv").run();
        assertEquals(List.of("Françoise Lefèvre", "Jürgen Müller", "Renée Côté", "Zoë Ångström"), column(r, 0));
        assertEquals(List.of("Besançon", "München", "Genève", "Göteborg"), column(r, 1));
        assertEquals("«très» cher", r.output().get(3)[2]);
        assertTrue(r.quarantined().isEmpty());
    }

    @Test
    void windows1252PunctuationIsReadAsWindows1252() throws Exception {
        write("w.csv", "item;price;note\nTee;€5;“hot” – fresh\nCafé;€3;naïve\n".getBytes(Charset.forName("windows-1252")));
        StepTestRunner r = reader("w.csv").run();
        assertEquals(List.of("€5", "€3"), column(r, 1));
        assertEquals("“hot” – fresh", r.output().get(0)[2]);
    }

    @Test
    void gb18030ChineseTextIsStillReadAsGb18030() throws Exception {
        String text = """
                客户编号,姓名,城市,地址,备注
                1,张伟,北京市,朝阳区建国路88号,老客户
                2,王芳,上海市,浦东新区世纪大道100号,新客户
                3,李娜,广州市,天河区体育西路,Zoë 的朋友
                4,刘洋,深圳市,南山区科技园,"需要发票, 加急"
                """;
        write("gb.csv", text.getBytes(Charset.forName("GB18030")));
        StepTestRunner r = reader("gb.csv").run();
        assertEquals(List.of("客户编号", "姓名", "城市", "地址", "备注"), r.outputSchema("out").names());
        assertEquals(List.of("张伟", "王芳", "李娜", "刘洋"), column(r, 1));
        assertEquals("Zoë 的朋友", r.output().get(2)[4], "GB18030's four-byte form (ë) is read too");
        assertTrue(r.quarantined().isEmpty());
    }

    @Test
    void aUtf8FileWithOneLatin1RowStaysUtf8AndQuarantinesTheRow() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("name,city\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 10; i++) {
            bytes.write("José,Zürich\nRenée,Genève\n".getBytes(StandardCharsets.UTF_8));
        }
        bytes.write("Françoise,Besançon\n".getBytes(LATIN_1));
        write("mixed.csv", bytes.toByteArray());
        StepTestRunner r = reader("mixed.csv").run();
        assertEquals(20, r.output().size());
        assertEquals(List.of("José", "Zürich"), List.of(r.output().get(0)));
        assertEquals(1, r.quarantined().size());
        assertTrue(r.quarantined().get(0).reason().contains("not valid UTF-8"), r.quarantined().get(0).reason());
        r.assertRowsAccountedFor();
    }

    @Test
    void bytesThatFitNoKnownCharsetAreNotGuessedAt() throws Exception {
        write("dos.csv", "name,city\nJürgen Müller,Zürich\nAnnaël,Düren\n".getBytes(Charset.forName("IBM850")));
        String m = failure(reader("dos.csv"));
        assertTrue(m.startsWith("parameter encoding: cannot tell the charset of " + dir.resolve("dos.csv")), m);
        assertTrue(m.contains("it looks most like windows-1252 (ISO-8859-1); set \"encoding\": \"windows-1252\""), m);
        assertTrue(m.contains("IBM850"), m);
        StepTestRunner given = reader("dos.csv").param("encoding", "IBM850").run();
        assertEquals(List.of("Jürgen Müller", "Annaël"), column(given, 0));

        write("cyrillic.csv", "name,city\nОльга,Пермь\nСергей,Тверь\n".getBytes(Charset.forName("windows-1251")));
        String c = failure(reader("cyrillic.csv"));
        assertTrue(c.contains("set \"encoding\" to the file's charset, e.g. \"windows-1251\""), c);
    }

    // --- not text ---

    @Test
    void randomBytesAreNotATextCsvFile() throws Exception {
        byte[] noise = new byte[20_000];
        new Random(7).nextBytes(noise);
        write("noise.csv", noise);
        String m = failure(reader("noise.csv"));
        assertTrue(m.startsWith("parameter path: " + dir.resolve("noise.csv") + " is not a text CSV file (path "
                + "\"noise.csv\"): looks binary"), m);
        assertFalse(m.contains("quote"), m);
    }

    @Test
    void aZipOrPngIsNamed() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("customers.csv"));
            out.write("id,name\n1,Ann\n".getBytes(StandardCharsets.UTF_8));
        }
        write("book.xlsx", zip.toByteArray());
        String m = failure(reader("book.xlsx"));
        assertTrue(m.contains("is not a text CSV file"), m);
        assertTrue(m.contains("a ZIP archive; an .xlsx or .ods workbook is one"), m);

        write("chart.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
            'R'});
        assertTrue(failure(reader("chart.png")).contains("looks binary: a PNG image"));
    }

    @Test
    void utf16IsTextWithAByteOrderMarkAndNamedWithoutOne() throws Exception {
        String text = "name,city\nJosé,Zürich\n";
        write("bom16.csv", text.getBytes(StandardCharsets.UTF_16)); // big-endian with a byte order mark
        StepTestRunner r = reader("bom16.csv").run();
        assertEquals(List.of("José", "Zürich"), List.of(r.output().get(0)));

        write("le.csv", text.getBytes(StandardCharsets.UTF_16LE));
        String m = failure(reader("le.csv"));
        assertTrue(m.contains("looks like UTF-16LE without a byte order mark: set \"encoding\": \"UTF-16LE\""), m);
        assertEquals(List.of("José", "Zürich"),
                List.of(reader("le.csv").param("encoding", "UTF-16LE").run().output().get(0)));
    }

    // --- parse messages ---

    @Test
    void aFieldLongerThanTheLimitSaysSoWithItsLine() throws Exception {
        StringBuilder csv = new StringBuilder("id,text\n1,short\n2,");
        csv.append("x".repeat(CsvRow.MAX_FIELD_CHARS + 1)).append("\n3,end\n");
        write("long.csv", csv.toString());
        String m = failure(reader("long.csv"));
        assertTrue(m.startsWith("csv-reader could not parse " + dir.resolve("long.csv") + ": the record starting on "
                + "line 3 has a field longer than 16,777,216 characters"), m);
        assertTrue(m.contains("shorten the value"), m);
        assertFalse(m.contains("quotation"), m);
    }

    @Test
    void textAfterAClosingQuoteIsExplained() throws Exception {
        write("stray.csv", "id,name\n1,Ann\n2,\"Bob\"x\n");
        String m = failure(reader("stray.csv"));
        assertTrue(m.contains("the record starting on line 3 has text right after the closing quote"), m);
        assertTrue(m.contains("write a quote twice"), m);
    }

    @Test
    void aLineBreakOrQuoteIsNoDelimiter() {
        for (String d : List.of("\n", "\r\n", "\\n")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> reader("c.csv").param("delimiter", d).run());
            assertTrue(e.getMessage().contains("is a line break, and line breaks end records, so they cannot "
                    + "separate fields"), e.getMessage());
            assertFalse(e.getMessage().contains("single character"), e.getMessage());
        }
        IllegalArgumentException q = assertThrows(IllegalArgumentException.class,
                () -> reader("c.csv").param("delimiter", "\"").run());
        assertTrue(q.getMessage().contains("is the quote character"), q.getMessage());
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
                () -> new StepTestRunner(new CsvWriterStepType(), dir).param("path", "o.csv")
                        .param("delimiter", "\n").run());
        assertTrue(w.getMessage().contains("is a line break"), w.getMessage());
    }

    // --- descriptor ---

    @Test
    void relativePathBaseIsWordedAsInTheReadme() throws Exception {
        var path = new CsvReaderStepType().descriptor().parameter("path").orElseThrow();
        assertTrue(path.description().contains("A relative path resolves against the workflow folder (workflows/ "
                + "in the distribution)"), path.description());
        String m = failure(reader("data/none.csv"));
        assertTrue(m.contains("a relative path resolves against the workflow folder (workflows/ in the "
                + "distribution)"), m);
    }

    @Test
    void declaredColumnsStillWorkWithDetection() throws Exception {
        write("c.csv", "id|age\n1|34\n");
        StepTestRunner r = reader("c.csv").param("columns", Map.of("age", "integer")).run();
        assertEquals(34L, r.output().get(0)[1]);
    }
}
