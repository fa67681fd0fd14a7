package org.assay.connectors.file.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.Schema;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;

/** One run of {@code json-writer}. See {@link JsonWriterStepType}. */
final class JsonWriterStep implements Step {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final JsonWriterParameters params;

    JsonWriterStep(JsonWriterParameters params) {
        this.params = params;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        FileSink.write(ctx, params.path(), params.pii(), "json-writer", "JSON lines file",
                (in, out) -> write(ctx, in, out));
    }

    private static long write(StepContext ctx, DataStream in, OutputStream out) throws IOException {
        Schema schema = in.schema();
        String[] names = schema.names().toArray(String[]::new);
        long rows = 0;
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            // No separator of Jackson's between root objects: each line ends with our '\n'.
            g.setPrettyPrinter(new MinimalPrettyPrinter(""));
            for (Batch b = in.next(); b != null; b = in.next()) {
                int n = b.rowCount();
                for (int r = 0; r < n; r++) {
                    g.writeStartObject();
                    for (int c = 0; c < names.length; c++) {
                        g.writeFieldName(names[c]);
                        value(g, b.column(c), r);
                    }
                    g.writeEndObject();
                    g.writeRaw('\n');
                }
                rows += n;
                ctx.countOut(n);
                ctx.checkCancelled();
            }
        }
        return rows;
    }

    private static void value(JsonGenerator g, Column col, int r) throws IOException {
        if (col.isNull(r)) {
            g.writeNull();
            return;
        }
        switch (col.type()) {
            case INTEGER -> g.writeNumber(col.getLong(r));
            case DECIMAL -> {
                double v = col.getDouble(r);
                if (Double.isFinite(v)) {
                    g.writeNumber(v);
                } else {
                    g.writeNull();
                }
            }
            case BOOLEAN -> g.writeBoolean(col.getLong(r) != 0);
            default -> g.writeString(col.getString(r));
        }
    }
}
