package org.assay.governance.internal.subject;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds and erases a subject's rows in a CSV file with a header line. Erasure writes a new file
 * beside the old one and moves it into place, so a crash leaves either file, never half of one.
 * Stateless.
 */
final class CsvRows {

    /** What erasure does to a row about the subject. */
    public enum Erasure { DELETE, PSEUDONYMISE }

    private CsvRows() {
    }

    private static CsvReader<CsvRecord> reader(Path file) throws IOException {
        return CsvReader.builder().extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE).skipEmptyLines(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8);
    }

    /** The header and the rows about the subject; empty rows when none (or no header). */
    static Finding find(SubjectKey key, String kind, String runId, Path file) throws IOException {
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> r = reader(file)) {
            for (CsvRecord rec : r) {
                if (header == null) {
                    header = rec.getFields();
                } else if (about(key, header, rec.getFields())) {
                    rows.add(rec.getFields());
                }
            }
        }
        return new Finding(kind, file.toString(), runId, file, header == null ? List.of() : header, rows);
    }

    /** @return the rows deleted or pseudonymised */
    static int erase(SubjectKey key, Path file, Erasure how) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), ".erase-", ".csv");
        int changed = 0;
        try {
            List<String> header = null;
            try (CsvReader<CsvRecord> r = reader(file);
                    CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(tmp, StandardCharsets.UTF_8)) {
                for (CsvRecord rec : r) {
                    List<String> fields = rec.getFields();
                    if (header == null) {
                        header = fields;
                        w.writeRecord(fields);
                    } else if (!about(key, header, fields)) {
                        w.writeRecord(fields);
                    } else {
                        changed++;
                        if (how == Erasure.PSEUDONYMISE) {
                            w.writeRecord(pseudonymised(key, fields));
                        }
                    }
                }
            }
            if (changed > 0) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return changed;
    }

    /**
     * Every cell that is not a number becomes the subject's pseudonym: the key, names, e-mails and
     * phones go; amounts and counts stay, so totals over the table still add up.
     */
    static List<String> pseudonymised(SubjectKey key, List<String> fields) {
        List<String> out = new ArrayList<>(fields.size());
        String pseudonym = "erased-" + key.reference().substring("sha256:".length());
        for (String f : fields) {
            out.add(f == null || f.isEmpty() || isNumber(f) && !key.matches(f) ? f : pseudonym);
        }
        return out;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean about(SubjectKey key, List<String> header, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String column = i < header.size() ? header.get(i) : null;
            if (key.matches(fields.get(i)) && key.inColumn(column)
                    || RECORD.equals(column) && recordHolds(key, fields.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** The engine's quarantine keeps each rejected row whole, as one CSV line in its record column. */
    private static final String RECORD = "record";

    private static boolean recordHolds(SubjectKey key, String record) {
        if (record == null || record.isEmpty() || !key.columns().isEmpty()) {
            return false;
        }
        for (CsvRecord r : CsvReader.builder().ofCsvRecord(record)) {
            if (r.getFields().stream().anyMatch(key::matches)) {
                return true;
            }
        }
        return false;
    }
}
