package org.assay.connectors.file.internal;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Optional;
import org.assay.api.data.Schema;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;

/**
 * The schema a csv-reader run would give its output, worked out at deploy time from the first
 * {@value FileHead#MAX_BYTES} bytes of the file: the same detection ({@link SourceFormat}),
 * header, declared columns and inference sample ({@link CsvLayout}) as the run, on the one
 * bounded prefix the run reads first anyway.
 *
 * <p>Unknown (empty) whenever the run's answer cannot be known from the prefix: the file is
 * not text, detection would fail, it is empty, a declared column is missing (the run fails
 * and says so), or the inference sample reaches past the prefix. Never throws.
 */
final class DesignTimeSchema {

    /** Deploy-time checks are quiet: what detection chose is logged by the run. */
    private static final Logger QUIET = NOPLogger.NOP_LOGGER;

    private DesignTimeSchema() {
    }

    static Optional<Schema> of(Path file, CsvReaderParameters p) {
        try {
            FileHead head = FileHead.read(file);
            SourceFormat format = SourceFormat.detect(head, p, file, QUIET);
            // No charset makes more characters than bytes, so this decodes the whole prefix.
            int maxChars = head.bytes().length + 1;
            CharSequence text = head.text(format.encoding(), maxChars);
            boolean whole = head.textIsWhole(text, maxChars);
            try (CsvReader<CsvRow> csv = CsvLayout.parser(format.delimiter(), new StringReader(text.toString()))) {
                CloseableIterator<CsvRow> records = csv.iterator();
                CsvLayout layout = CsvLayout.read(records, p, p.cellParser(), p.nullTexts(), file, QUIET);
                // A cut prefix: the records the layout used are complete only if another one starts
                // after them, and a sample that ran out there would have gone on in the file.
                if (!whole && !records.hasNext()) {
                    return Optional.empty();
                }
                return Optional.of(layout.schema);
            }
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
