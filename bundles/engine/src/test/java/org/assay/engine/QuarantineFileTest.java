package org.assay.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary and the pages of a quarantine file, as the report and REST show them. */
class QuarantineFileTest {

    /** 5,000 rows: far more than one page; the counts are over all of them. */
    @Test
    void everyRowIsCountedAndExamplesAreMasked() throws Exception {
        StringBuilder csv = new StringBuilder("step,row,reason,record\n");
        for (int i = 1; i <= 5000; i++) {
            if (i % 5 == 0) {
                csv.append("orders,").append(i).append(",\"line ").append(i).append(": expected 11 fields, found ")
                        .append(i % 3 + 9).append("\",\"ann").append(i).append("@example.com,+44 20 7946 0").append(i % 1000)
                        .append("\"\n");
            } else {
                csv.append("clean,").append(i).append(",column age: 'x").append(i).append("' is not an integer,")
                        .append("x").append(i).append('\n');
            }
        }
        QuarantineFile.Summary s = QuarantineFile.summarize(new ByteArrayInputStream(
                csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(5000, s.total());
        assertEquals(2, s.groups().size(), s.groups()::toString);
        assertEquals(new QuarantineFile.Group("clean", "column age: '…' is not an integer", 4000,
                List.of("row 1: x1", "row 2: x2", "row 3: x3")), s.groups().get(0));
        QuarantineFile.Group fields = s.groups().get(1);
        assertEquals("expected N fields, found N", fields.reason());
        assertEquals(1000, fields.rows());
        assertEquals(QuarantineFile.EXAMPLES, fields.examples().size());
        for (String e : fields.examples()) {
            assertFalse(e.contains("@example.com"), e);
            assertFalse(e.contains("7946"), e);
            assertTrue(e.startsWith("row "), e);
        }
        assertEquals(0, s.otherRows());
    }

    @Test
    void reasonsBeyondTheGroupLimitAreCountedAsOther() throws Exception {
        StringBuilder csv = new StringBuilder("step,row,reason,record\n");
        for (int i = 0; i < QuarantineFile.MAX_GROUPS + 7; i++) {
            csv.append("s").append(i).append(",1,bad,r\n");
        }
        QuarantineFile.Summary s = QuarantineFile.summarize(new ByteArrayInputStream(
                csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(QuarantineFile.MAX_GROUPS + 7, s.total());
        assertEquals(QuarantineFile.MAX_GROUPS, s.groups().size());
        assertEquals(7, s.otherRows());
    }

    @Test
    void anEmptyFileHasNothing() throws Exception {
        assertEquals(0, QuarantineFile.summarize(new ByteArrayInputStream(new byte[0])).total());
    }


    private static final String FILE = "step,row,reason,record\n"
            + "clean,1,bad date,\"{\"\"d\"\":\"\"x,y\"\"}\"\n"
            + "clean,2,\"two\nlines\",r2\r\n"
            + "score,7,missing,\n";

    private static List<List<String>> page(long offset, int limit, long[] total) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        total[0] = QuarantineFile.page(new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8)), offset, limit,
                rows::add);
        return rows;
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() throws Exception {
        long[] total = new long[1];
        List<List<String>> rows = page(0, 10, total);
        assertEquals(3, total[0]);
        assertEquals(List.of("clean", "1", "bad date", "{\"d\":\"x,y\"}"), rows.get(0));
        assertEquals(List.of("clean", "2", "two\nlines", "r2"), rows.get(1));
        assertEquals(List.of("score", "7", "missing", ""), rows.get(2));
    }

    @Test
    void pagesCountEveryRow() throws Exception {
        long[] total = new long[1];
        List<List<String>> rows = page(1, 1, total);
        assertEquals(3, total[0]);
        assertEquals(1, rows.size());
        assertEquals("2", rows.get(0).get(1));
        assertEquals(0, page(5, 10, total).size());
    }

    @Test
    void emptyFileHasNoRows() throws Exception {
        assertEquals(0, QuarantineFile.page(new ByteArrayInputStream(new byte[0]), 0, 10, r -> { }));
    }
}
