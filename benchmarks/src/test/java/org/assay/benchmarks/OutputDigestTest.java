package org.assay.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDigestTest {

    @TempDir
    Path dir;

    private static final Map<String, OutputDigest.Kind> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("id", OutputDigest.Kind.NUMBER);
        COLUMNS.put("revenue", OutputDigest.Kind.NUMBER);
        COLUMNS.put("last", OutputDigest.Kind.DATE);
        COLUMNS.put("city", OutputDigest.Kind.TEXT);
    }

    private OutputDigest.Digest digest(String csv) throws IOException {
        Path f = Files.createTempFile(dir, "out", ".csv");
        Files.writeString(f, csv);
        return OutputDigest.of(f, COLUMNS);
    }

    private static final String ASSAY = """
            id,city,revenue,last
            1,Boston,10.5,2024-01-02
            2,Miami,,
            3,Boston,7,2024-03-01
            """;

    @Test
    void anotherOrderFormattingAndExtraColumnsAgree() throws IOException {
        // pandas: rows reordered, floats with trailing zeros, NaN written empty, datetimes with a time.
        String pandas = """
                city,id,last,revenue,extra
                Boston,3.0,2024-03-01 00:00:00,7.0,x
                Miami,2.0,,,y
                Boston,1.0,2024-01-02 00:00:00,10.500000000000002,z
                """;
        assertEquals(List.of(), OutputDigest.differences(digest(ASSAY), digest(pandas)));
    }

    @Test
    void aChangedValueIsADifference() throws IOException {
        String other = ASSAY.replace("10.5", "10.6");
        List<String> d = OutputDigest.differences(digest(ASSAY), digest(other));
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).startsWith("revenue sums to"), d.get(0));
    }

    @Test
    void aFilledNullADateOrATextIsADifference() throws IOException {
        assertTrue(OutputDigest.differences(digest(ASSAY), digest(ASSAY.replace("2,Miami,,", "2,Miami,0,")))
                .get(0).contains("revenue has 3 values instead of 2"));
        assertTrue(OutputDigest.differences(digest(ASSAY), digest(ASSAY.replace("2024-03-01", "2024-03-02")))
                .get(0).startsWith("last sums to"));
        assertTrue(OutputDigest.differences(digest(ASSAY), digest(ASSAY.replace("Miami", "Tampa")))
                .get(0).startsWith("city sums to"));
    }

    @Test
    void aMissingRowIsADifference() throws IOException {
        String shorter = ASSAY.substring(0, ASSAY.indexOf("3,Boston"));
        assertTrue(OutputDigest.differences(digest(ASSAY), digest(shorter)).contains("rows 2 instead of 3"));
    }

    @Test
    void aMissingColumnOrAWordInANumberColumnIsNamed() throws IOException {
        IllegalStateException noColumn = assertThrows(IllegalStateException.class,
                () -> digest("id,city,last\n1,Boston,2024-01-01\n"));
        assertTrue(noColumn.getMessage().contains("no column revenue"), noColumn.getMessage());
        IllegalStateException word = assertThrows(IllegalStateException.class,
                () -> digest("id,city,revenue,last\n1,Boston,lots,2024-01-01\n"));
        assertTrue(word.getMessage().contains("column revenue, data row 1: 'lots'"), word.getMessage());
    }
}
