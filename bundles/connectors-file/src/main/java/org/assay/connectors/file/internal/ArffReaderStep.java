package org.assay.connectors.file.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Field;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/** One run of {@code arff-reader}. See {@link ArffReaderStepType}. */
final class ArffReaderStep implements Step {

    private final ArffReaderParameters params;

    ArffReaderStep(ArffReaderParameters params) {
        this.params = params;
    }

    static BufferedReader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(in, 1 << 16) : in,
                StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Path file = ctx.readPath(params.path());
        try (BufferedReader r = open(file)) {
            ArffHeader header;
            try {
                header = ArffHeader.read(r, params.target().orElse(null));
            } catch (IllegalArgumentException e) {
                throw new StepFailure(file.getFileName() + ": " + e.getMessage());
            }
            Schema schema = header.schema();
            BatchSink out = ctx.output(PortSpec.OUT, schema);
            BatchBuilder b = new BatchBuilder(schema);
            Object[] row = new Object[schema.size()];
            long line = header.dataLine();
            long rows = 0;
            for (String text = r.readLine(); text != null; text = r.readLine()) {
                line++;
                String t = text.strip();
                if (t.isEmpty() || t.startsWith("%")) {
                    continue;
                }
                ctx.countIn(1);
                String problem;
                List<String> cells = List.of(t);
                try {
                    cells = t.startsWith("{") ? sparse(t, schema.size(), line) : ArffValues.split(t, ',', line);
                    problem = cells.size() != schema.size()
                            ? "has " + cells.size() + " values, the header " + schema.size() + " attributes"
                            : convert(header, cells, row);
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage().replaceFirst("^line \\d+: ", "");
                }
                if (problem != null) {
                    ctx.quarantine().reject(line, schema, cells, "line " + line + " " + problem);
                    continue;
                }
                for (int c = 0; c < row.length; c++) {
                    b.set(c, row[c]);
                }
                b.endRow();
                rows++;
                if (b.isFull()) {
                    out.write(b.build());
                    ctx.checkCancelled();
                }
            }
            if (!b.isEmpty()) {
                out.write(b.build());
            }
            ctx.log().info("Read {} instances of relation {}", rows, header.relation());
        } catch (NoSuchFileException e) {
            throw new StepFailure("parameter path: no file " + file + "; check the path (relative paths start in the "
                    + "workflow folder)");
        }
    }

    /**
     * "{1 X, 3 5}": the listed values by index. The others are null here: 0 for a number and the
     * first value of a list, as ARFF says; missing for strings and dates, where 0 means nothing.
     */
    private static List<String> sparse(String t, int size, long line) {
        if (!t.endsWith("}")) {
            throw new IllegalArgumentException("has a { that is never closed");
        }
        String[] values = new String[size];
        String body = t.substring(1, t.length() - 1).strip();
        if (!body.isEmpty()) {
            for (String pair : ArffValues.split(body, ',', line)) {
                int sp = pair.indexOf(' ');
                int index;
                try {
                    index = Integer.parseInt(sp < 0 ? pair : pair.substring(0, sp));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("has a sparse entry without an index");
                }
                if (sp < 0 || index < 0 || index >= size) {
                    throw new IllegalArgumentException("has a sparse entry for attribute " + index + " of " + size);
                }
                values[index] = ArffValues.unquote(pair.substring(sp + 1).strip());
            }
        }
        return Arrays.asList(values);
    }

    /** @return null, or why a value does not fit its attribute (without quoting it: it may be personal) */
    private static String convert(ArffHeader h, List<String> cells, Object[] row) {
        Schema s = h.schema();
        for (int c = 0; c < row.length; c++) {
            String v = cells.get(c);
            Field f = s.field(c);
            if (v == null) {
                row[c] = switch (f.type()) {
                    case DECIMAL -> 0.0;
                    case INTEGER -> 0L;
                    case CATEGORICAL -> f.categories().get(0);
                    default -> null;
                };
                continue;
            }
            if (v.equals("?")) {
                row[c] = null;
                continue;
            }
            try {
                row[c] = switch (f.type()) {
                    case DECIMAL -> Double.parseDouble(v);
                    case INTEGER -> Long.parseLong(v);
                    case CATEGORICAL -> {
                        if (!f.categories().contains(v)) {
                            throw new IllegalArgumentException("is not one of the values of " + f.name());
                        }
                        yield v;
                    }
                    case DATE -> LocalDate.parse(v, h.dateFormats().get(c));
                    case TIMESTAMP -> LocalDateTime.parse(v, h.dateFormats().get(c)).toInstant(ZoneOffset.UTC);
                    default -> v;
                };
            } catch (NumberFormatException e) {
                return "attribute " + f.name() + ": the value is not a number";
            } catch (DateTimeParseException e) {
                return "attribute " + f.name() + ": the value is not a date in the header's format";
            } catch (IllegalArgumentException e) {
                return "attribute " + f.name() + ": the value " + e.getMessage();
            }
        }
        return null;
    }
}
