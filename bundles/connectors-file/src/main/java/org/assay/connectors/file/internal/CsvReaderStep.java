package org.assay.connectors.file.internal;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Quarantine;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/** One run of {@code csv-reader}. See {@link CsvReaderStepType} for the parameters. */
final class CsvReaderStep implements Step {

    private static final char REPLACEMENT = '\uFFFD';

    @Override
    public void run(StepContext ctx) throws Exception {
        Parameters p = ctx.params();
        String pathParam = p.string(CsvReaderStepType.PATH);
        Path file = requireReadableFile(ctx.readPath(pathParam), pathParam);
        Map<String, ColumnSpec> declared = new LinkedHashMap<>();
        p.stringMap(CsvReaderStepType.COLUMNS).forEach((name, spec) -> declared.put(name, ColumnSpec.parse(name, spec)));
        CellParser parser = new CellParser(p.string(CsvReaderStepType.DATE_FORMAT));
        Set<String> nullValues = new HashSet<>(p.stringList(CsvReaderStepType.NULL_VALUES));
        boolean infer = p.bool(CsvReaderStepType.INFER_TYPES);
        int inferenceRows = p.intValue(CsvReaderStepType.INFERENCE_ROWS);

        SourceFormat format = SourceFormat.detect(ctx, file, pathParam);
        SourceEncoding encoding = format.encoding();
        char delimiter = format.delimiter();
        long size = Math.max(1, Files.size(file));

        try (InputStream raw = Files.newInputStream(file);
                CountingInputStream counted = new CountingInputStream(raw);
                Reader text = new InputStreamReader(skip(counted, encoding.bomLength()), encoding.newDecoder());
                CsvReader<CsvRow> csv = CsvReader.builder()
                        .fieldSeparator(delimiter)
                        .maxBufferSize(CsvRow.MAX_FIELD_CHARS)
                        // Field-count mismatches are row problems for the quarantine, not parse errors.
                        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                        .skipEmptyLines(true)
                        .build(new CsvRow.Handler(), text)) {
            CloseableIterator<CsvRow> records = csv.iterator();
            Run run = new Run(ctx, file, pathParam, encoding, parser, nullValues, counted, size, delimiter);
            run.read(records, p.bool(CsvReaderStepType.HEADER), declared, infer, inferenceRows);
        } catch (CsvParseException e) {
            throw ParseFailure.of(e, file, delimiter);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static InputStream skip(InputStream in, int bytes) throws IOException {
        in.skipNBytes(bytes);
        return in;
    }

    private static Path requireReadableFile(Path file, String pathParam) throws StepFailure {
        if (!Files.exists(file)) {
            throw new StepFailure("parameter path: the file " + file + " does not exist (path \"" + pathParam
                    + "\"). Put the file there or correct path; a relative path resolves against the workflow "
                    + "folder (workflows/ in the distribution).");
        }
        if (Files.isDirectory(file)) {
            throw new StepFailure("parameter path: " + file + " is a folder, not a file (path \"" + pathParam
                    + "\"). Name the CSV file inside it.");
        }
        if (!Files.isReadable(file)) {
            throw new StepFailure("parameter path: the file " + file + " cannot be read by the Karaf user (path \""
                    + pathParam + "\"). Grant read permission on it.");
        }
        return file;
    }

    /** The state of one read: schema, parsers, counters. */
    private static final class Run {
        private final StepContext ctx;
        private final Path file;
        private final String pathParam;
        private final SourceEncoding encoding;
        private final CellParser parser;
        private final Set<String> nullValues;
        private final CountingInputStream counted;
        private final long size;
        private final char delimiter;
        private final Quarantine quarantine;
        private final NullTexts nullTexts;
        private final boolean isoDates;

        private String[] names;
        private FieldType[] types;
        private boolean[] inferred;
        private int inferenceSample;
        private Schema schema;
        private BatchBuilder builder;
        private BatchSink out;
        private long uncounted;
        private long read;

        Run(StepContext ctx, Path file, String pathParam, SourceEncoding encoding, CellParser parser,
                Set<String> nullValues, CountingInputStream counted, long size, char delimiter) {
            this.ctx = ctx;
            this.file = file;
            this.pathParam = pathParam;
            this.encoding = encoding;
            this.parser = parser;
            this.nullValues = nullValues;
            this.counted = counted;
            this.size = size;
            this.delimiter = delimiter;
            this.quarantine = ctx.quarantine();
            this.nullTexts = new NullTexts(nullValues);
            this.isoDates = parser.isoDates();
        }

        void read(CloseableIterator<CsvRow> records, boolean header, Map<String, ColumnSpec> declared,
                boolean infer, int inferenceRows) throws IOException, StepFailure {
            if (!records.hasNext()) {
                throw new StepFailure("parameter path: the file " + file + " is empty, so it has no columns (path \""
                        + pathParam + "\"). Point path at a CSV file with a header line and rows.");
            }
            List<CsvRow> sample = new ArrayList<>();
            // Rows are reused by the parser: what is kept past the next record is copied.
            CsvRow first = records.next();
            if (header) {
                names = columnNames(first.fields());
            } else {
                first = first.copy();
                names = new String[first.fieldCount()];
                for (int i = 0; i < names.length; i++) {
                    names[i] = "column_" + (i + 1);
                }
                sample.add(first);
            }
            for (String name : declared.keySet()) {
                if (!List.of(names).contains(name)) {
                    throw new StepFailure("parameter columns: column '" + name + "' is not in " + file
                            + "; the columns are " + List.of(names) + ". Correct the name in columns"
                            + (header ? "." : " (without a header the columns are named column_1, column_2, ...)."));
                }
            }
            boolean needSample = false;
            for (String name : names) {
                ColumnSpec spec = declared.get(name);
                needSample |= infer && (spec == null || spec.type() == null);
            }
            if (needSample) {
                while (sample.size() < inferenceRows && records.hasNext()) {
                    sample.add(records.next().copy());
                }
            }
            schema = schema(declared, infer, sample);
            ctx.log().info("Schema of {}: {}", file.getFileName(), schema);
            out = ctx.output(PortSpec.OUT, schema);
            builder = new BatchBuilder(schema);
            for (CsvRow r : sample) {
                accept(r);
            }
            sample.clear();
            while (records.hasNext()) {
                accept(records.next());
            }
            flush();
            ctx.progress(1.0);
            ctx.log().info("Read {} rows from {}; {} went to quarantine", read, file.getFileName(), quarantine.count());
        }

        private Schema schema(Map<String, ColumnSpec> declared, boolean infer, List<CsvRow> sample) {
            List<String[]> values = new ArrayList<>(sample.size());
            for (CsvRow r : sample) {
                if (r.fieldCount() == names.length) {
                    values.add(r.fields().toArray(String[]::new));
                }
            }
            inferenceSample = sample.size();
            TypeInference inference = new TypeInference(parser, nullValues);
            List<Field> fields = new ArrayList<>(names.length);
            types = new FieldType[names.length];
            inferred = new boolean[names.length];
            for (int c = 0; c < names.length; c++) {
                ColumnSpec spec = declared.get(names[c]);
                FieldType type = spec == null ? null : spec.type();
                if (type == null) {
                    type = infer ? inference.infer(values, c) : FieldType.STRING;
                    inferred[c] = infer;
                }
                types[c] = type;
                fields.add(new Field(names[c], type, true, spec == null ? Set.of() : spec.tags(), List.of()));
            }
            return Schema.of(fields);
        }

        /** Header cells as column names: blanks get a position name, repeats a suffix, so every name is unique. */
        private String[] columnNames(List<String> header) {
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
                    ctx.log().warn("Header cell {} of {} ('{}') is read as column '{}'", i + 1, file.getFileName(),
                            header.get(i), unique);
                }
                result[i] = unique;
            }
            return result;
        }

        private void accept(CsvRow r) throws IOException {
            read++;
            uncounted++;
            long line = r.startingLineNumber();
            if (r.fieldCount() != names.length) {
                quarantine.reject(line, schema, r.fields(), "line " + line + ": expected " + names.length
                        + " fields, found " + r.fieldCount());
            } else {
                String reason = parseRow(r, line);
                if (reason == null) {
                    builder.endRow();
                    if (builder.isFull()) {
                        out.write(builder.build());
                    }
                } else {
                    quarantine.reject(line, schema, r.fields(), reason);
                }
            }
            if (read % BatchBuilder.DEFAULT_CAPACITY == 0) {
                ctx.countIn(uncounted);
                uncounted = 0;
                ctx.progress(Math.min(1.0, (double) counted.count() / size));
                ctx.checkCancelled();
            }
        }

        /**
         * Sets every column of the builder's current row. A rejected row leaves values in the
         * builder, which is harmless: the next row sets every column again before endRow().
         *
         * @return null when the row is good, else the reason it goes to quarantine
         */
        private String parseRow(CsvRow r, long line) {
            StringBuilder reasons = null;
            char[] chars = r.chars();
            for (int c = 0; c < names.length; c++) {
                int from = r.start(c);
                int to = r.end(c);
                if (nullTexts.matches(chars, from, to)) {
                    builder.setNull(c);
                    continue;
                }
                // The common cells straight from the characters; anything else (spaces, signs,
                // exponents, other date formats, bad values) takes the String path below.
                switch (types[c]) {
                    case INTEGER -> {
                        long v = CellParser.plainLong(chars, from, to);
                        if (v != CellParser.NOT_PLAIN) {
                            builder.setLong(c, v);
                            continue;
                        }
                    }
                    case DECIMAL -> {
                        double v = CellParser.plainDecimal(chars, from, to);
                        if (!Double.isNaN(v)) {
                            builder.setDouble(c, v);
                            continue;
                        }
                    }
                    case DATE -> {
                        long day = isoDates ? CellParser.isoEpochDay(chars, from, to) : CellParser.NOT_PLAIN;
                        if (day != CellParser.NOT_PLAIN) {
                            builder.setLong(c, day);
                            continue;
                        }
                    }
                    default -> { }
                }
                String v = r.field(c);
                String problem;
                if (v.indexOf(REPLACEMENT) >= 0) {
                    problem = "contains bytes that are not valid " + encoding.charset().name()
                            + "; set parameter encoding to the file's charset (e.g. UTF-8, windows-1252 or GB18030)";
                } else {
                    problem = parser.parseInto(types[c], v, builder, c);
                    if (problem == null) {
                        continue;
                    }
                    if (!quarantine.mayShow(schema, names[c])) {
                        // The quarantine file is a side file: a pii value is never quoted in it.
                        problem = "the value is not a valid " + types[c].jsonName() + " (not shown: the column is pii)";
                    }
                    if (inferred[c]) {
                        problem += " (type " + types[c].jsonName() + " was inferred from the first "
                                + inferenceSample + " rows; declare the column in parameter columns to change it)";
                    }
                }
                if (reasons == null) {
                    reasons = new StringBuilder("line ").append(line).append(": ");
                } else {
                    reasons.append("; ");
                }
                reasons.append("column ").append(names[c]).append(": ").append(problem);
            }
            return reasons == null ? null : reasons.toString();
        }

        private void flush() throws IOException {
            if (!builder.isEmpty()) {
                out.write(builder.build());
            }
            ctx.countIn(uncounted);
            uncounted = 0;
        }
    }
}
