package org.assay.connectors.file.internal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;
import org.slf4j.Logger;

/**
 * What csv-reader makes of the first records of a file before it reads the rest: the column
 * names (from the header, or by position), the schema (declared types and tags, the other
 * types inferred from a sample or string) and the sampled rows. The run and the design-time
 * schema both come from here, so the two cannot disagree. Used by one thread.
 */
final class CsvLayout {

    /** Column names, unique, in file order. */
    final String[] names;
    /** The type of each column. */
    final FieldType[] types;
    /** Whether each column's type was inferred (not declared). */
    final boolean[] inferred;
    final Schema schema;
    /** Rows read ahead for inference (copies), to be parsed before the rest; the first row too without a header. */
    final List<CsvRow> sample;

    private CsvLayout(String[] names, FieldType[] types, boolean[] inferred, Schema schema, List<CsvRow> sample) {
        this.names = names;
        this.types = types;
        this.inferred = inferred;
        this.schema = schema;
        this.sample = sample;
    }

    /** The parser csv-reader reads {@code text} with, at run time and for the design-time schema alike. */
    static CsvReader<CsvRow> parser(char delimiter, Reader text) {
        return CsvReader.builder()
                .fieldSeparator(delimiter)
                .maxBufferSize(CsvRow.MAX_FIELD_CHARS)
                // Field-count mismatches are row problems for the quarantine, not parse errors.
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .skipEmptyLines(true)
                .build(new CsvRow.Handler(), text);
    }

    /**
     * Reads the first record and, when a column's type is to be inferred, up to
     * {@code inferenceRows} more from {@code records}; the rest is left for the caller.
     *
     * @param file shown in messages
     * @param log  where renamed header cells are reported
     * @throws StepFailure when the file is empty or a declared column is not in it
     */
    static CsvLayout read(Iterator<CsvRow> records, CsvReaderParameters p, CellParser parser, Set<String> nullValues,
            Path file, Logger log) throws StepFailure {
        if (!records.hasNext()) {
            throw new StepFailure("parameter path: the file " + file + " is empty, so it has no columns (path \""
                    + p.path() + "\"). Point path at a CSV file with a header line and rows.");
        }
        List<CsvRow> sample = new ArrayList<>();
        // Rows are reused by the parser: what is kept past the next record is copied.
        CsvRow first = records.next();
        String[] names;
        if (p.header()) {
            names = columnNames(first.fields(), file, log);
        } else {
            first = first.copy();
            names = new String[first.fieldCount()];
            for (int i = 0; i < names.length; i++) {
                names[i] = "column_" + (i + 1);
            }
            sample.add(first);
        }
        Map<String, ColumnSpec> declared = p.declared();
        for (String name : declared.keySet()) {
            if (!List.of(names).contains(name)) {
                throw new StepFailure("parameter columns: column '" + name + "' is not in " + file
                        + "; the columns are " + List.of(names) + ". Correct the name in columns"
                        + (p.header() ? "." : " (without a header the columns are named column_1, column_2, ...)."));
            }
        }
        boolean needSample = false;
        for (String name : names) {
            ColumnSpec spec = declared.get(name);
            needSample |= p.inferTypes() && (spec == null || spec.type() == null);
        }
        if (needSample) {
            while (sample.size() < p.inferenceRows() && records.hasNext()) {
                sample.add(records.next().copy());
            }
        }
        List<String[]> values = new ArrayList<>(sample.size());
        for (CsvRow r : sample) {
            if (r.fieldCount() == names.length) {
                values.add(r.fields().toArray(String[]::new));
            }
        }
        TypeInference inference = new TypeInference(parser, nullValues);
        List<Field> fields = new ArrayList<>(names.length);
        FieldType[] types = new FieldType[names.length];
        boolean[] inferred = new boolean[names.length];
        for (int c = 0; c < names.length; c++) {
            ColumnSpec spec = declared.get(names[c]);
            FieldType type = spec == null ? null : spec.type();
            if (type == null) {
                type = p.inferTypes() ? inference.infer(values, c) : FieldType.STRING;
                inferred[c] = p.inferTypes();
            }
            types[c] = type;
            fields.add(new Field(names[c], type, true, spec == null ? Set.of() : spec.tags(), List.of()));
        }
        return new CsvLayout(names, types, inferred, Schema.of(fields), sample);
    }

    /** Header cells as column names: blanks get a position name, repeats a suffix, so every name is unique. */
    private static String[] columnNames(List<String> header, Path file, Logger log) {
        String[] result = new String[header.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < result.length; i++) {
            String name = header.get(i).strip();
            if (name.isEmpty()) {
                name = "column_" + (i + 1);
            }
            String unique = name;
            for (int k = 2; !seen.add(unique); k++) {
                unique = name + "_" + k;
            }
            if (!unique.equals(header.get(i))) {
                log.warn("Header cell {} of {} ('{}') is read as column '{}'", i + 1, file.getFileName(),
                        header.get(i), unique);
            }
            result[i] = unique;
        }
        return result;
    }
}
