package org.assay.connectors.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quarantine is a side file: a value of a pii column never reaches it. */
class CsvReaderPiiTest {

    @TempDir
    Path dir;

    @Test
    void quarantinedRowsMaskPiiCellsAndReasonsDoNotQuoteThem() throws Exception {
        Files.writeString(dir.resolve("c.csv"), """
                id,email,born,age
                1,ann@example.com,1980-02-03,41
                2,bob@example.com,1975-13-40,37
                3,cy@example.com,1990-01-01,forty
                4,dee@example.com,1970-01-01
                5,"eve@example.com, second",1960-05-05,50,extra
                """);
        StepTestRunner r = new StepTestRunner(new CsvReaderStepType(), dir).param("path", "c.csv")
                .param("columns", Map.of("email", "string,pii", "born", "date,pii", "age", "integer")).run();

        List<StepTestRunner.Rejected> q = r.quarantined();
        assertEquals(List.of(3L, 4L, 5L, 6L), q.stream().map(StepTestRunner.Rejected::rowNumber).toList());
        assertEquals("2,***,***,37", q.get(0).record());
        assertEquals("line 3: column born: the value is not a valid date (not shown: the column is pii)", q.get(0).reason());
        // A non-pii column's value is still quoted: it helps fix the file.
        assertEquals("3,***,***,forty", q.get(1).record());
        assertEquals("line 4: column age: 'forty' is not an integer", q.get(1).reason().replaceAll(" \\(type.*", ""));
        // Rows that do not line up with the header: no cell can be told apart, all are masked.
        assertEquals("***,***,***", q.get(2).record());
        assertEquals("***,***,***,***,***", q.get(3).record());
        for (StepTestRunner.Rejected x : q) {
            assertFalse((x.record() + x.reason()).contains("@example.com"), x.toString());
            assertFalse((x.record() + x.reason()).contains("1975"), x.toString());
        }
        r.assertRowsAccountedFor();
    }
}
