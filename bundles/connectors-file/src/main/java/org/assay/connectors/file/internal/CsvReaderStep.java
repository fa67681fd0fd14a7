package org.assay.connectors.file.internal;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Quarantine;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/** One run of {@code csv-reader}, with its bound parameters. See {@link CsvReaderStepType}. */
final class CsvReaderStep implements Step {

    private static final char REPLACEMENT = '\uFFFD';

    private final CsvReaderParameters params;

    CsvReaderStep(CsvReaderParameters params) {
        this.params = params;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        String pathParam = params.path();
        Path file = requireReadableFile(ctx.readPath(pathParam), pathParam);
        CellParser parser = params.cellParser();
        Set<String> nullValues = params.nullTexts();

        SourceFormat format = SourceFormat.detect(FileHead.read(file), params, file, ctx.log());
        SourceEncoding encoding = format.encoding();
        char delimiter = format.delimiter();
        long size = Math.max(1, Files.size(file));

        try (InputStream raw = Files.newInputStream(file);
                CountingInputStream counted = new CountingInputStream(raw);
                Reader text = new InputStreamReader(skip(counted, encoding.bomLength()), encoding.newDecoder());
                CsvReader<CsvRow> csv = CsvLayout.parser(delimiter, text)) {
            CloseableIterator<CsvRow> records = csv.iterator();
            CsvLayout layout = CsvLayout.read(records, params, parser, nullValues, file, ctx.log());
            new Run(ctx, file, encoding, parser, nullValues, counted, size, layout).read(records);
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
        private final SourceEncoding encoding;
        private final CellParser parser;
        private final CountingInputStream counted;
        private final long size;
        private final Quarantine quarantine;
        private final NullTexts nullTexts;
        private final boolean isoDates;
        private final CsvLayout layout;
        private final String[] names;
        private final FieldType[] types;
        private final boolean[] inferred;
        private final int inferenceSample;
        private final Schema schema;

        private BatchBuilder builder;
        private BatchSink out;
        private long uncounted;
        private long read;

        Run(StepContext ctx, Path file, SourceEncoding encoding, CellParser parser, Set<String> nullValues,
                CountingInputStream counted, long size, CsvLayout layout) {
            this.ctx = ctx;
            this.file = file;
            this.encoding = encoding;
            this.parser = parser;
            this.counted = counted;
            this.size = size;
            this.quarantine = ctx.quarantine();
            this.nullTexts = new NullTexts(nullValues);
            this.isoDates = parser.isoDates();
            this.layout = layout;
            this.names = layout.names;
            this.types = layout.types;
            this.inferred = layout.inferred;
            this.inferenceSample = layout.sample.size();
            this.schema = layout.schema;
        }

        /** Writes the sampled rows, then the rest of {@code records}. */
        void read(CloseableIterator<CsvRow> records) throws IOException {
            ctx.log().info("Schema of {}: {}", file.getFileName(), schema);
            out = ctx.output(PortSpec.OUT, schema);
            builder = new BatchBuilder(schema);
            for (CsvRow r : layout.sample) {
                accept(r);
            }
            layout.sample.clear();
            while (records.hasNext()) {
                accept(records.next());
            }
            flush();
            ctx.progress(1.0);
            ctx.log().info("Read {} rows from {}; {} went to quarantine", read, file.getFileName(), quarantine.count());
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
