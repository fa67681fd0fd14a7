package org.assay.connectors.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CellParserFastPathTest {

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
                    Double.doubleToRawLongBits(CellParser.plainDecimal(t)), t);
        }
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(CellParser.plainDecimal("-0.0")));
        assertEquals(0.5, CellParser.plainDecimal(".5"));
        assertEquals(1.0, CellParser.plainDecimal("1."));
    }

    @Test
    void textOutsideThePlainDecimalFormIsLeftToTheGeneralPath() {
        for (String t : List.of("", "-", ".", "1.2.3", "1e5", "+1", " 1", "1 ", "NaN", "1234567890123456",
                "0x10", "1,5")) {
            assertTrue(Double.isNaN(CellParser.plainDecimal(t)), t);
        }
    }

    @Test
    void plainLongsAreWhatParseLongGives() {
        Random rnd = new Random(23);
        for (int i = 0; i < 100_000; i++) {
            long v = rnd.nextLong() / (1L << rnd.nextInt(63));
            if (Math.abs(v) < 1_000_000_000_000_000_000L) {
                assertEquals(v, CellParser.plainLong(Long.toString(v)));
            }
        }
        assertEquals(0, CellParser.plainLong("-0"));
        assertEquals(7, CellParser.plainLong("007"));
        for (String t : List.of("", "-", "+5", " 5", "5 ", "1.0", "9223372036854775807", "12a")) {
            assertEquals(CellParser.NOT_PLAIN, CellParser.plainLong(t), t);
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
    }
}
