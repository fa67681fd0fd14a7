package org.assay.benchmarks;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The floor: FastCSV alone reading the file, with no types, batches or output. Every field
 * of every record is touched (its length summed) so the JIT cannot drop the parsing.
 */
final class FastCsvBaseline {

    /** Records read (header included) and the sum of all field lengths. */
    record Result(long records, long fieldChars) {
    }

    private FastCsvBaseline() {
    }

    static Result parse(Path file) throws IOException {
        long records = 0;
        long chars = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
            for (CsvRecord rec : csv) {
                records++;
                for (int i = 0, n = rec.getFieldCount(); i < n; i++) {
                    chars += rec.getField(i).length();
                }
            }
        }
        return new Result(records, chars);
    }
}
