package org.assay.connectors.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DelimiterDetectionTest {

    @Test
    void theChoiceSaysWhyForTheLog() {
        DelimiterDetection.Choice c = DelimiterDetection.detect("a;b;c\n1;2;3\n4;5;6\n", true);
        assertEquals(';', c.delimiter());
        assertEquals(0, c.lookalike());
        assertEquals("\";\" detected: 3 fields in each of the first 3 records", c.detail());

        DelimiterDetection.Choice tab = DelimiterDetection.detect("a\tb\n1\t2\n", true);
        assertEquals("\"\\t\" detected: 2 fields in each of the first 2 records", tab.detail());
    }

    @Test
    void aMalformedRowInTenDoesNotStopDetection() {
        StringBuilder text = new StringBuilder("a|b|c\n");
        for (int i = 0; i < 19; i++) {
            text.append(i == 5 ? "1|2\n" : "1|2|3\n");
        }
        DelimiterDetection.Choice c = DelimiterDetection.detect(text, true);
        assertEquals('|', c.delimiter());
        assertEquals("\"|\" detected: 3 fields in 19 of the first 20 records", c.detail());
    }

    @Test
    void theMostFieldsWinAmongConsistentCandidates() {
        assertEquals('|', DelimiterDetection.detect("a,b|c|d\n1,2|3|4\n", true).delimiter());
        assertEquals(',', DelimiterDetection.detect("a,b|c\n1,2|3\n", true).delimiter(), "a tie keeps the order");
    }

    @Test
    void aRecordCutAtTheEndOfTheSampleIsNotCounted() {
        String cut = "a;b\n1;2\n3;4\n5";
        assertEquals(';', DelimiterDetection.detect(cut, false).delimiter());
        assertEquals("\";\" detected: 2 fields in each of the first 3 records",
                DelimiterDetection.detect(cut, false).detail());
        String openQuote = "a;b\n1;2\n3;\"an open quote, cut; by the sample";
        assertEquals("\";\" detected: 2 fields in each of the first 2 records",
                DelimiterDetection.detect(openQuote, false).detail());
    }

    @Test
    void emptyLinesAndCrLfAreSkippedAsTheReaderDoes() {
        DelimiterDetection.Choice c = DelimiterDetection.detect("a;b\r\n\r\n1;2\r\n\r\n3;4\r\n", true);
        assertEquals("\";\" detected: 2 fields in each of the first 3 records", c.detail());
    }

    @Test
    void nothingConsistentKeepsCommaUnlessTheFileLooksLikeAnother() {
        DelimiterDetection.Choice plain = DelimiterDetection.detect("email\na@x\nb@x\n", true);
        assertEquals(',', plain.delimiter());
        assertEquals(0, plain.lookalike());

        DelimiterDetection.Choice ragged = DelimiterDetection.detect("a,b,c\n1,2\n3,4,5\n6\n", true);
        assertEquals(',', ragged.delimiter());
        assertEquals(0, ragged.lookalike(), "comma splits the header: rows of other widths go to quarantine");

        DelimiterDetection.Choice looks = DelimiterDetection.detect("a;b;c\n1;2\n3;4;5\n6;7;8\n", true);
        assertEquals(';', looks.lookalike());

        DelimiterDetection.Choice none = DelimiterDetection.detect("", true);
        assertEquals(',', none.delimiter());
        assertEquals("no complete record in the first 65536 characters; reading \",\"", none.detail());
    }
}
