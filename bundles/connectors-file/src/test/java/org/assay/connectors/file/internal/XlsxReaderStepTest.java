package org.assay.connectors.file.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReaderStepTest {

    @TempDir
    Path dir;

    @BeforeEach
    void workbook() throws Exception {
        try (OutputStream os = Files.newOutputStream(dir.resolve("survey.xlsx"))) {
            Workbook wb = new Workbook(os, "Assay", "1.0");
            Worksheet ws = wb.newWorksheet("answers");
            String[] header = {"id", "name", "score", "happy", "answered", "seen", "twice", "email"};
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            ws.value(1, 0, 1);
            ws.value(1, 1, "张伟");
            ws.value(1, 2, 4.5);
            ws.value(1, 3, true);
            // Excel keeps dates as numbers; the cell's format says they are dates.
            ws.value(1, 4, LocalDate.of(2024, 3, 1));
            ws.style(1, 4).format("yyyy-mm-dd").set();
            ws.value(1, 5, LocalDateTime.of(2024, 3, 1, 9, 30));
            ws.style(1, 5).format("yyyy-mm-dd hh:mm").set();
            ws.formula(1, 6, "C2*2");
            ws.value(1, 7, "ann@example.com");
            ws.value(2, 0, 2);
            ws.value(2, 2, 3);
            // Row 4 is left out; row 5 has text where the id column is an integer.
            ws.value(4, 0, "five");
            ws.value(4, 7, "bo@example.com");
            wb.newWorksheet("other").value(0, 0, "x");
            wb.finish();
        }
    }

    private StepTestRunner reader() {
        return new StepTestRunner(new XlsxReaderStepType(), dir).param("path", "survey.xlsx");
    }

    @Test
    void readsTheFirstSheetWithTypesFromTheCells() throws Exception {
        StepTestRunner r = reader().param("columns", Map.of("id", "integer,id", "email", "pii")).run();
        assertEquals(List.of("id", "name", "score", "happy", "answered", "seen", "twice", "email"), r.outputSchema("out").names());
        assertEquals(List.of(FieldType.INTEGER, FieldType.STRING, FieldType.DECIMAL, FieldType.BOOLEAN, FieldType.DATE,
                FieldType.TIMESTAMP, FieldType.STRING, FieldType.STRING),
                r.outputSchema("out").fields().stream().map(Field::type).toList());
        assertTrue(r.outputSchema("out").field("email").has(FieldTag.PII));
        List<Object[]> rows = r.output("out");
        assertEquals(2, rows.size());
        assertArrayEquals(new Object[] {1L, "张伟", 4.5, true, LocalDate.of(2024, 3, 1), Instant.parse("2024-03-01T09:30:00Z")},
                java.util.Arrays.copyOf(rows.get(0), 6));
        assertArrayEquals(new Object[] {2L, null, 3.0, null, null, null, null, null}, rows.get(1));
        assertEquals(0, r.filtered(), "row 4 was never written, so the sheet has no such row");
        assertEquals(1, r.quarantined().size());
        assertEquals(5, r.quarantined().get(0).rowNumber());
        assertEquals("row 5: cell A5 (column id) is not an integer", r.quarantined().get(0).reason());
        assertFalse(r.quarantined().get(0).record().contains("bo@example.com"), "pii cells are masked");
        r.assertRowsAccountedFor();
    }

    @Test
    void aSheetByNameAndWithoutAHeader() throws Exception {
        StepTestRunner r = reader().param("sheet", "other").param("header", false).run();
        assertEquals(List.of("column_1"), r.outputSchema("out").names());
        assertEquals("x", r.output("out").get(0)[0]);
        StepFailure f = assertThrows(StepFailure.class, () -> reader().param("sheet", "Answers").run());
        assertEquals("parameter sheet: the workbook has no sheet 'Answers'; its sheets are [answers, other]", f.getMessage());
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefused() throws Exception {
        Files.writeString(dir.resolve("fake.xlsx"), "id,name\n1,Ann\n");
        StepFailure f = assertThrows(StepFailure.class, () -> new StepTestRunner(new XlsxReaderStepType(), dir)
                .param("path", "fake.xlsx").run());
        assertEquals("parameter path: fake.xlsx is not an .xlsx workbook", f.getMessage());
        new StepTestRunner(new XlsxReaderStepType(), dir).param("path", "").assertInvalid("path", "give the workbook");
    }
}
