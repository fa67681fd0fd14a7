package org.assay.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuarantineSummaryTest {

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
        QuarantineSummary.Summary s = QuarantineSummary.read(new ByteArrayInputStream(
                csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(5000, s.total());
        assertEquals(2, s.groups().size(), s.groups()::toString);
        assertEquals(new QuarantineSummary.Group("clean", "column age: '…' is not an integer", 4000,
                java.util.List.of("row 1: x1", "row 2: x2", "row 3: x3")), s.groups().get(0));
        QuarantineSummary.Group fields = s.groups().get(1);
        assertEquals("expected N fields, found N", fields.reason());
        assertEquals(1000, fields.rows());
        assertEquals(QuarantineSummary.EXAMPLES, fields.examples().size());
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
        for (int i = 0; i < QuarantineSummary.MAX_GROUPS + 7; i++) {
            csv.append("s").append(i).append(",1,bad,r\n");
        }
        QuarantineSummary.Summary s = QuarantineSummary.read(new ByteArrayInputStream(
                csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(QuarantineSummary.MAX_GROUPS + 7, s.total());
        assertEquals(QuarantineSummary.MAX_GROUPS, s.groups().size());
        assertEquals(7, s.otherRows());
    }

    @Test
    void anEmptyFileHasNothing() throws Exception {
        assertEquals(0, QuarantineSummary.read(new ByteArrayInputStream(new byte[0])).total());
    }
}
