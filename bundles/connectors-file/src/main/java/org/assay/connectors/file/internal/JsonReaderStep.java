package org.assay.connectors.file.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/** One run of {@code json-reader}. See {@link JsonReaderStepType}. */
final class JsonReaderStep implements Step {

    private final JsonReaderParameters params;

    JsonReaderStep(JsonReaderParameters params) {
        this.params = params;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Path file = ctx.readPath(params.path());
        try (JsonRecords records = JsonRecords.open(file, params.layout())) {
            // The first records decide the columns; they are kept and written first.
            List<JsonRecords.Next> sample = new ArrayList<>();
            List<JsonNode> nodes = new ArrayList<>();
            for (JsonRecords.Next n = records.next(); n != null && sample.size() < JsonRecords.SAMPLE; ) {
                sample.add(n);
                if (n.node() != null && n.node().isObject()) {
                    nodes.add(n.node());
                }
                if (sample.size() < JsonRecords.SAMPLE) {
                    n = records.next();
                }
            }
            JsonColumns columns = JsonColumns.plan(params, nodes);
            Schema schema = columns.schema();
            if (schema.size() == 0) {
                throw new StepFailure("parameter path: " + file.getFileName() + " has no records with fields"
                        + (sample.isEmpty() ? " (it is empty)" : "") + "; give paths to say which values to read");
            }
            BatchSink out = ctx.output(PortSpec.OUT, schema);
            Writer w = new Writer(ctx, columns, out);
            for (JsonRecords.Next n : sample) {
                w.record(n);
            }
            if (sample.size() == JsonRecords.SAMPLE) {
                for (JsonRecords.Next n = records.next(); n != null; n = records.next()) {
                    w.record(n);
                }
            }
            w.finish();
            ctx.log().info("Read {} records of {} into {} rows", w.records, file.getFileName(), w.rows);
        } catch (NoSuchFileException e) {
            throw new StepFailure("parameter path: no file " + file + "; check the path (relative paths start in the "
                    + "workflow folder)");
        }
    }

    /** Turns records into rows: one per record, or one per element of the exploded array. */
    static final class Writer {
        private final StepContext ctx;
        private final JsonColumns columns;
        private final BatchSink out;
        private final BatchBuilder b;
        private final Object[] row;
        long records;
        long rows;

        Writer(StepContext ctx, JsonColumns columns, BatchSink out) {
            this.ctx = ctx;
            this.columns = columns;
            this.out = out;
            this.b = new BatchBuilder(columns.schema());
            this.row = new Object[columns.schema().size()];
        }

        void record(JsonRecords.Next n) throws Exception {
            records++;
            ctx.countIn(1);
            if (n.problem() != null || !n.node().isObject()) {
                ctx.quarantine().reject(n.number(), columns.schema(), List.of(), n.problem() != null ? n.problem()
                        : "record " + n.number() + " is not a JSON object");
                return;
            }
            long made = 0;
            for (JsonNode element : columns.elements(n.node())) {
                String problem = columns.values(n.node(), element, row);
                if (made > 0) {
                    ctx.countIn(1); // each further row of an exploded record is a row of its own
                }
                made++;
                if (problem != null) {
                    ctx.quarantine().reject(n.number(), columns.schema(), JsonColumns.cells(row), "record "
                            + n.number() + ": " + problem);
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
            if (made == 0) {
                ctx.countFiltered(1);
            }
        }

        void finish() throws Exception {
            if (!b.isEmpty()) {
                out.write(b.build());
            }
        }
    }
}
