package org.assay.transforms.internal.combine;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.DataStream;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;
import org.assay.transforms.internal.ParameterMisfit;

/**
 * One run of {@code lookup}. Row accounting: every input row goes out once; the reference rows
 * are read into the table and not passed on, so they are counted as filtered.
 */
final class LookupStep implements Step {

    private final LookupParameters p;
    /** Reference key to the taken cells of its row, boxed. */
    private final Map<Object, Object[]> table = new HashMap<>();
    private long referenceRows;
    private long duplicates;
    private long nullKeys;

    LookupStep(LookupParameters p) {
        this.p = p;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        long hits = 0;
        long misses = 0;
        try (DataStream in = ctx.input(PortSpec.IN); DataStream reference = ctx.input(LookupStepType.REFERENCE)) {
            LookupLayout layout;
            try {
                layout = LookupLayout.of(p, in.schema(), reference.schema());
            } catch (ParameterMisfit m) {
                throw m.failure();
            }
            load(ctx, reference, layout);
            BatchSink sink = ctx.output(PortSpec.OUT, layout.output);
            BatchBuilder out = new BatchBuilder(layout.output);
            int width = in.schema().size();
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                for (int r = 0; r < b.rowCount(); r++) {
                    for (int c = 0; c < width; c++) {
                        Cells.copy(out, c, b.column(c), r);
                    }
                    Object key = RowKey.of(b, layout.inKeys, r);
                    Object[] found = key == null ? null : table.get(key);
                    Object[] values = found == null ? layout.defaults : found;
                    if (found == null) {
                        misses++;
                    } else {
                        hits++;
                    }
                    for (int i = 0; i < values.length; i++) {
                        out.set(width + i, values[i]);
                    }
                    out.endRow();
                    if (out.isFull()) {
                        sink.write(out.build());
                    }
                }
            }
            if (!out.isEmpty()) {
                sink.write(out.build());
            }
        }
        ctx.countFiltered(referenceRows);
        ctx.log().info("lookup: {} rows found a reference row, {} did not; reference: {} rows, {} with a null key,"
                + " {} duplicate keys ignored", hits, misses, referenceRows, nullKeys, duplicates);
    }

    private void load(StepContext ctx, DataStream reference, LookupLayout layout) throws IOException, StepFailure {
        for (Batch b = reference.next(); b != null; b = reference.next()) {
            ctx.checkCancelled();
            if (referenceRows + b.rowCount() > p.maxReferenceRows()) {
                throw new StepFailure("lookup: the reference has more than " + p.maxReferenceRows() + " rows (parameter "
                        + "maxReferenceRows); raise it if the heap allows, or use a join step for two large tables");
            }
            for (int r = 0; r < b.rowCount(); r++) {
                referenceRows++;
                Object key = RowKey.of(b, layout.referenceKeys, r);
                if (key == null) {
                    nullKeys++;
                    continue;
                }
                if (table.containsKey(key)) {
                    duplicates++;
                    continue;
                }
                Object[] cells = new Object[layout.taken.length];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = b.column(layout.taken[i]).get(r);
                }
                table.put(key, cells);
            }
        }
        if (duplicates > 0 && p.duplicates() == DuplicateKeys.FAIL) {
            // The keys themselves are not quoted: they may be personal data.
            throw new StepFailure("lookup: " + duplicates + " reference rows repeat a key of an earlier row; a reference "
                    + "table needs one row per key. Remove the duplicates first, or set \"duplicates\": \"first\" "
                    + "to keep the first row of each key");
        }
    }
}
