package org.assay.engine.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    private static long count(String text) throws IOException {
        return CsvRecords.count(new BufferedReader(new StringReader(text)));
    }

    @Test
    void countAgreesWithReadingRecordByRecord() throws IOException {
        String csv = "a,b\r\n\"x\ny\",\"say \"\"hi\"\"\"\n3,\"4,5\"\nlast,no newline";
        BufferedReader r = new BufferedReader(new StringReader(csv));
        int read = 0;
        while (CsvRecords.next(r) != null) {
            read++;
        }
        assertEquals(4, read);
        assertEquals(read, count(csv));
        assertEquals(3, count("a\nb\nc\n"));
        assertEquals(0, count(""));
    }

    @Test
    void theRestAfterTheFirstRecordsIsCounted() throws IOException {
        BufferedReader r = new BufferedReader(new StringReader("h\n1\n\"2\n2\"\n3\n"));
        assertEquals(List.of("h"), CsvRecords.next(r));
        assertEquals(List.of("1"), CsvRecords.next(r));
        assertEquals(2, CsvRecords.count(r));
    }
}
