package org.assay.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuarantineCsvTest {

    private static final String FILE = "step,row,reason,record\n"
            + "clean,1,bad date,\"{\"\"d\"\":\"\"x,y\"\"}\"\n"
            + "clean,2,\"two\nlines\",r2\r\n"
            + "score,7,missing,\n";

    private static List<List<String>> page(long offset, int limit, long[] total) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        total[0] = QuarantineCsv.page(new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8)), offset, limit,
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
        assertEquals(0, QuarantineCsv.page(new ByteArrayInputStream(new byte[0]), 0, 10, r -> { }));
    }
}
