package org.assay.api.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @Test
    void writesHeaderAndRowsQuotingOnlyWhereNeeded(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.csv");
        CsvTable.write(f, List.of("name", "note"), List.of(List.of("a,b", "say \"hi\""), Arrays.asList("plain", null),
                List.of("two\nlines", "")));
        assertEquals("name,note\n\"a,b\",\"say \"\"hi\"\"\"\nplain,\n\"two\nlines\",\n",
                Files.readString(f, StandardCharsets.UTF_8));
    }

    @Test
    void numbersAreShortAndNaNIsEmpty() {
        assertEquals("", CsvTable.number(Double.NaN));
        assertEquals("3", CsvTable.number(3.0));
        assertEquals("-12", CsvTable.number(-12.0));
        assertEquals("0.3333333333", CsvTable.number(1.0 / 3));
        assertEquals("Infinity", CsvTable.number(Double.POSITIVE_INFINITY));
        assertEquals("1.0E15", CsvTable.number(1e15));
    }
}
