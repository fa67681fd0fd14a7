package org.assay.connectors.file.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/** One run of {@code arff-writer}. See {@link ArffWriterStepType}. */
final class ArffWriterStep implements Step {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final ArffWriterParameters params;

    ArffWriterStep(ArffWriterParameters params) {
        this.params = params;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        String relation = params.relation().orElseGet(() -> {
            String name = Path.of(params.path()).getFileName().toString();
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        });
        FileSink.write(ctx, params.path(), params.pii(), "arff-writer", "ARFF file",
                (in, out) -> write(ctx, in, out, relation));
    }

    private static long write(StepContext ctx, DataStream in, OutputStream out, String relation)
            throws IOException, StepFailure {
        Schema schema = in.schema();
        List<Field> fields = schema.fields();
        List<Set<String>> nominal = new java.util.ArrayList<>();
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write("@relation " + quote(relation) + "\n\n");
        for (Field f : fields) {
            nominal.add(null);
            w.write("@attribute " + quote(f.name()) + " ");
            switch (f.type()) {
                case INTEGER, DECIMAL -> w.write("numeric");
                case BOOLEAN -> w.write("{false,true}");
                case DATE -> w.write("date \"yyyy-MM-dd\"");
                case TIMESTAMP -> w.write("date \"yyyy-MM-dd'T'HH:mm:ss.SSS\"");
                case CATEGORICAL -> {
                    if (f.categories().isEmpty()) {
                        w.write("string");
                    } else {
                        nominal.set(nominal.size() - 1, new HashSet<>(f.categories()));
                        w.write(f.categories().stream().map(ArffWriterStep::quote)
                                .collect(java.util.stream.Collectors.joining(",", "{", "}")));
                    }
                }
                case STRING -> w.write("string");
            }
            w.write('\n');
        }
        w.write("\n@data\n");
        long rows = 0;
        StringBuilder line = new StringBuilder();
        for (Batch b = in.next(); b != null; b = in.next()) {
            int n = b.rowCount();
            for (int r = 0; r < n; r++) {
                line.setLength(0);
                for (int c = 0; c < fields.size(); c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    Column col = b.column(c);
                    if (col.isNull(r)) {
                        line.append('?');
                        continue;
                    }
                    Set<String> allowed = nominal.get(c);
                    String v = col.getString(r);
                    if (allowed != null && !allowed.contains(v)) {
                        // The header is written: a value outside it would make the file unreadable.
                        throw new StepFailure("column " + fields.get(c).name() + ": row " + (rows + r + 1) + " holds a "
                                + "value outside the column's declared categories; declare it, or make the column "
                                + "a string before arff-writer");
                    }
                    line.append(format(fields.get(c).type(), col, r, v));
                }
                line.append('\n');
                w.write(line.toString());
            }
            rows += n;
            ctx.countOut(n);
            ctx.checkCancelled();
        }
        w.flush();
        return rows;
    }

    private static String format(FieldType type, Column col, int r, String text) {
        return switch (type) {
            case DECIMAL -> {
                double v = col.getDouble(r);
                yield Double.isFinite(v) ? text : "?";
            }
            case INTEGER, BOOLEAN, DATE -> text;
            case TIMESTAMP -> TIMESTAMP.format(Instant.ofEpochMilli(col.getLong(r)));
            case STRING, CATEGORICAL -> quote(text);
        };
    }

    /**
     * Weka's quoting: in single quotes when the value is empty or holds a character ARFF gives a
     * meaning (space, comma, quote, brace, %, ?), with backslash escapes as Weka reads them.
     */
    static String quote(String s) {
        boolean needs = s.isEmpty() || s.equals("?");
        StringBuilder b = new StringBuilder(s.length() + 2);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '%' -> b.append("\\%");
                default -> b.append(c);
            }
            needs |= c <= ' ' || ",'\"{}%?\\".indexOf(c) >= 0;
        }
        return needs ? "'" + b + "'" : s;
    }
}
