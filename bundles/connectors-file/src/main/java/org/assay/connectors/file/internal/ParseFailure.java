package org.assay.connectors.file.internal;

import de.siegmar.fastcsv.reader.CsvParseException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assay.api.step.StepFailure;

/**
 * Turns a parse error that stops the read (FastCSV's or a limit of {@link CsvRow}) into a
 * message that says what is wrong with the file, where, and what to do. Problems of one
 * row (field counts, values) are not errors: they go to quarantine.
 */
final class ParseFailure {

    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    private ParseFailure() {
    }

    static StepFailure of(CsvParseException e, Path file, char delimiter) {
        String m = String.valueOf(e.getMessage());
        Matcher line = LINE.matcher(m);
        String where = line.find() ? "the record starting on line " + line.group(1) : "a record";
        String delimiterNow = "parameter delimiter (now " + Delimiter.display(delimiter) + ")";
        String problem;
        if (m.startsWith("The maximum buffer size")) {
            problem = where + " has a field longer than " + String.format("%,d", CsvRow.MAX_FIELD_CHARS)
                    + " characters, the most one field may hold. Look at that line: shorten the value or leave it "
                    + "out of the export; if the line is not meant to be one field, check " + delimiterNow
                    + " and that every quote that opens a field also closes it";
        } else if (m.startsWith(CsvRow.TOO_LONG)) {
            problem = where + " is longer than " + String.format("%,d", CsvRow.MAX_RECORD_CHARS)
                    + " characters, the most one record may hold. Look at that line: shorten its values, or check "
                    + delimiterNow + " and that every quote that opens a field also closes it";
        } else if (m.startsWith(CsvRow.TOO_MANY_FIELDS)) {
            problem = where + " has more than " + CsvRow.MAX_FIELDS + " fields. Check " + delimiterNow;
        } else if (m.startsWith("Unexpected character after closing quote")) {
            problem = where + " has text right after the closing quote of a quoted field. Inside a quoted field "
                    + "write a quote twice (\"\"), or quote the whole field";
        } else {
            problem = m + ". Check " + delimiterNow + " and that quotes in the file are closed";
        }
        return new StepFailure("csv-reader could not parse " + file + ": " + problem + ".", e);
    }
}
