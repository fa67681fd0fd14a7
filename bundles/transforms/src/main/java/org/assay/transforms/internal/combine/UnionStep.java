package org.assay.transforms.internal.combine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.transforms.internal.ParameterMisfit;

/** One run of {@code union}: every row in goes out, so in = out. */
final class UnionStep implements Step {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final UnionParameters p;

    UnionStep(UnionParameters p) {
        this.p = p;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Map<String, DataStream> streams = new LinkedHashMap<>();
        try {
            for (String port : UnionStepType.PORTS) {
                if (ctx.hasInput(port)) {
                    streams.put(port, ctx.input(port));
                }
            }
            Map<String, Schema> schemas = new LinkedHashMap<>();
            streams.forEach((port, s) -> schemas.put(port, s.schema()));
            Schema out;
            try {
                out = UnionSchema.of(schemas, p.sourceColumn().orElse(null));
            } catch (ParameterMisfit m) {
                throw m.failure();
            }
            BatchSink sink = ctx.output(PortSpec.OUT, out);
            BatchBuilder b = new BatchBuilder(out);
            int source = p.sourceColumn().map(out::indexOf).orElse(-1);
            for (Map.Entry<String, DataStream> in : streams.entrySet()) {
                append(ctx, in.getKey(), in.getValue(), out, source, sink, b);
            }
            if (!b.isEmpty()) {
                sink.write(b.build());
            }
        } finally {
            closeAll(streams.values());
        }
    }

    private static void append(StepContext ctx, String port, DataStream in, Schema out, int source, BatchSink sink,
            BatchBuilder b) throws IOException {
        Schema schema = in.schema();
        // For each input column, where it goes and as which type.
        int[] target = new int[schema.size()];
        for (int c = 0; c < target.length; c++) {
            target[c] = out.indexOf(schema.field(c).name());
        }
        for (Batch batch = in.next(); batch != null; batch = in.next()) {
            ctx.checkCancelled();
            for (int r = 0; r < batch.rowCount(); r++) {
                for (int c = 0; c < target.length; c++) {
                    set(b, target[c], out.field(target[c]).type(), batch.column(c), r);
                }
                if (source >= 0) {
                    b.setString(source, port);
                }
                b.endRow();
                if (b.isFull()) {
                    sink.write(b.build());
                }
            }
        }
    }

    /** Writes one cell converted to the reconciled type (see {@link UnionSchema}). */
    private static void set(BatchBuilder b, int to, FieldType type, Column from, int row) {
        if (from.isNull(row)) {
            b.setNull(to);
        } else if (from.type() == type || (type.storage() == FieldType.Storage.TEXT
                && from.type().storage() == FieldType.Storage.TEXT)) {
            Cells.copy(b, to, from, row);
        } else if (type == FieldType.STRING) {
            b.setString(to, from.getString(row));
        } else if (type == FieldType.DECIMAL) {
            b.setDouble(to, from.longs()[row]);
        } else if (type == FieldType.TIMESTAMP) {
            b.setLong(to, from.longs()[row] * MILLIS_PER_DAY);
        } else {
            throw new IllegalStateException("union has no conversion from " + from.type() + " to " + type);
        }
    }

    private static void closeAll(Iterable<DataStream> streams) throws IOException {
        List<IOException> failures = new ArrayList<>();
        for (DataStream s : streams) {
            try {
                s.close();
            } catch (IOException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
