package org.assay.connectors.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CellParserFastPathTest {

    /** The cell in the middle of a larger buffer, as a parsed record holds it. */
    private static double decimal(String t) {
        char[] buf = ("x,\"" + t + "\",y").toCharArray();
        return CellParser.plainDecimal(buf, 3, 3 + t.length());
    }

    private static long plainLong(String t) {
        char[] buf = ("x," + t + ",y").toCharArray();
        return CellParser.plainLong(buf, 2, 2 + t.length());
    }

    private static long epochDay(String t) {
        char[] buf = ("1234" + t + "5678").toCharArray();
        return CellParser.isoEpochDay(buf, 4, 4 + t.length());
    }

    @Test
    void isoDatesGiveLocalDatesEpochDayAndInvalidOnesAreLeftToTheGeneralPath() {
        java.time.LocalDate d = java.time.LocalDate.of(0, 1, 1);
        java.time.LocalDate last = java.time.LocalDate.of(9999, 12, 31);
        for (; !d.isAfter(last); d = d.plusDays(1)) {
            assertEquals(d.toEpochDay(), epochDay(d.toString()), d.toString());
        }
        for (String t : List.of("2023-02-29", "2024-02-30", "1900-02-29", "2024-13-01", "2024-00-10", "2024-01-00",
                "2024-04-31", "2024-1-01", "24-01-01", "2024/01/01", " 2024-01-01", "2024-01-0a", "")) {
            assertEquals(CellParser.NOT_PLAIN, epochDay(t), t);
        }
        assertEquals(java.time.LocalDate.of(2000, 2, 29).toEpochDay(), epochDay("2000-02-29"));
    }

    @Test
    void plainDecimalsAreBitForBitWhatParseDoubleGives() {
        Random rnd = new Random(17);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            if (rnd.nextInt(4) == 0) {
                b.append('-');
            }
            int digits = 1 + rnd.nextInt(15);
            int dot = rnd.nextInt(digits + 2) - 1;
            for (int d = 0; d < digits; d++) {
                if (d == dot) {
                    b.append('.');
                }
                b.append((char) ('0' + rnd.nextInt(10)));
            }
            if (dot == digits) {
                b.append('.');
            }
            String t = b.toString();
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(t)),
                    Double.doubleToRawLongBits(decimal(t)), t);
        }
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(decimal("-0.0")));
        assertEquals(0.5, decimal(".5"));
        assertEquals(1.0, decimal("1."));
    }

    @Test
    void textOutsideThePlainDecimalFormIsLeftToTheGeneralPath() {
        for (String t : List.of("", "-", ".", "1.2.3", "1e5", "+1", " 1", "1 ", "NaN", "1234567890123456",
                "0x10", "1,5")) {
            assertTrue(Double.isNaN(decimal(t)), t);
        }
    }

    @Test
    void plainLongsAreWhatParseLongGives() {
        Random rnd = new Random(23);
        for (int i = 0; i < 100_000; i++) {
            long v = rnd.nextLong() / (1L << rnd.nextInt(63));
            if (Math.abs(v) < 1_000_000_000_000_000_000L) {
                assertEquals(v, plainLong(Long.toString(v)));
            }
        }
        assertEquals(0, plainLong("-0"));
        assertEquals(7, plainLong("007"));
        for (String t : List.of("", "-", "+5", " 5", "5 ", "1.0", "9223372036854775807", "12a")) {
            assertEquals(CellParser.NOT_PLAIN, plainLong(t), t);
        }
    }

    @Test
    void nullTextsMatchExactlyWhateverTheirLength() {
        String longText = "x".repeat(70);
        NullTexts nulls = new NullTexts(Set.of("", "NA", "null", longText));
        assertTrue(nulls.matches(""));
        assertTrue(nulls.matches("NA"));
        assertTrue(nulls.matches("null"));
        assertTrue(nulls.matches(longText));
        assertFalse(nulls.matches("na"), "case-sensitive");
        assertFalse(nulls.matches("NULL"));
        assertFalse(nulls.matches("y".repeat(70)));
        assertFalse(nulls.matches("x".repeat(80)));
        assertFalse(new NullTexts(Set.of()).matches(""));
        char[] row = ("NA,null,N/A,," + longText).toCharArray();
        assertTrue(nulls.matches(row, 0, 2));
        assertTrue(nulls.matches(row, 3, 7));
        assertFalse(nulls.matches(row, 8, 11), "N/A is not in this set");
        assertTrue(nulls.matches(row, 12, 12));
        assertTrue(nulls.matches(row, 13, 13 + 70));
        assertFalse(nulls.matches(row, 1, 3), "A,");
    }
}
