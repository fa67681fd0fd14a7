package org.assay.transforms.internal.table;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.DataStream;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;
import org.assay.transforms.internal.SpillCells;
import org.assay.transforms.internal.SpillFolder;

/**
 * One run of {@code sort}: rows are buffered up to the budget and sorted (stable); past it each
 * sorted buffer is written as a run, and the runs are merged with ties going to the earlier run,
 * which keeps the sort stable.
 */
final class SortStep implements Step {

    /**
     * Cells (rows times columns) buffered at once, 30 to 40 bytes each boxed: some 80 MiB, the
     * same as aggregate's, so a workflow running both side by side stays well inside a default heap.
     */
    static final long CELL_BUDGET = 1L << 21;

    private static final int BUFFER = 1 << 16;

    private final SortParameters params;
    private final long budget;

    SortStep(SortParameters params, long budget) {
        this.params = params;
        this.budget = budget;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        List<Path> runs = new ArrayList<>();
        Path spillDir = null;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema schema = in.schema();
            Comparator<Object[]> order = order(schema);
            FieldType.Storage[] storage = schema.fields().stream().map(f -> f.type().storage())
                    .toArray(FieldType.Storage[]::new);
            BatchSink out = ctx.output(PortSpec.OUT, schema);
            List<Object[]> buffer = new ArrayList<>();
            int width = Math.max(1, schema.size());
            for (Batch b = in.next(); b != null; b = in.next()) {
                for (int r = 0; r < b.rowCount(); r++) {
                    Object[] row = new Object[schema.size()];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = Values.get(b.column(c), r);
                    }
                    buffer.add(row);
                    if ((long) buffer.size() * width >= budget) {
                        if (spillDir == null) {
                            spillDir = SpillFolder.create(ctx, "sort");
                        }
                        runs.add(writeRun(buffer, order, storage, spillDir.resolve("run-" + runs.size() + ".bin")));
                        buffer.clear();
                    }
                }
                ctx.checkCancelled();
            }
            BatchBuilder builder = new BatchBuilder(schema);
            if (runs.isEmpty()) {
                buffer.sort(order);
                for (Object[] row : buffer) {
                    emit(builder, row, out);
                }
            } else {
                if (!buffer.isEmpty()) {
                    runs.add(writeRun(buffer, order, storage, spillDir.resolve("run-" + runs.size() + ".bin")));
                }
                buffer = null;
                ctx.log().info("sort: merging {} sorted runs from disk", runs.size());
                merge(runs, order, storage, builder, out, ctx);
            }
            if (!builder.isEmpty()) {
                out.write(builder.build());
            }
        } finally {
            SpillFolder.delete(spillDir);
        }
    }

    /** The row order: key by key, nulls last in both directions. */
    private Comparator<Object[]> order(Schema schema) throws StepFailure {
        int[] keys = new int[params.by().size()];
        boolean[] desc = new boolean[keys.length];
        for (int k = 0; k < keys.length; k++) {
            String name = params.by().get(k);
            if (!schema.contains(name)) {
                throw new StepFailure("parameter by: " + ColumnNotFound.message(name, schema, "the input"));
            }
            keys[k] = schema.indexOf(name);
            desc[k] = params.descending().contains(name);
        }
        return (a, b) -> {
            for (int k = 0; k < keys.length; k++) {
                Object x = a[keys[k]];
                Object y = b[keys[k]];
                if (x == null || y == null) {
                    if (x != y) {
                        return x == null ? 1 : -1;
                    }
                    continue;
                }
                int c = Values.compare(x, y);
                if (c != 0) {
                    return desc[k] ? -c : c;
                }
            }
            return 0;
        };
    }

    private static Path writeRun(List<Object[]> buffer, Comparator<Object[]> order, FieldType.Storage[] storage,
            Path file) throws IOException {
        buffer.sort(order);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                BUFFER))) {
            out.writeInt(buffer.size());
            for (Object[] row : buffer) {
                for (int c = 0; c < row.length; c++) {
                    SpillCells.write(out, storage[c], row[c]);
                }
            }
        }
        return file;
    }

    /** A run being merged: its current row, and how many are left. */
    private static final class Run implements AutoCloseable {
        final int index;
        final DataInputStream in;
        final FieldType.Storage[] storage;
        int left;
        Object[] row;

        Run(int index, Path file, FieldType.Storage[] storage) throws IOException {
            this.index = index;
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
            this.storage = storage;
            this.left = in.readInt();
        }

        boolean advance() throws IOException {
            if (left == 0) {
                row = null;
                return false;
            }
            left--;
            row = new Object[storage.length];
            for (int c = 0; c < row.length; c++) {
                row[c] = SpillCells.read(in, storage[c]);
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static void merge(List<Path> files, Comparator<Object[]> order, FieldType.Storage[] storage,
            BatchBuilder builder, BatchSink out, StepContext ctx) throws IOException {
        PriorityQueue<Run> queue = new PriorityQueue<>((x, y) -> {
            int c = order.compare(x.row, y.row);
            return c != 0 ? c : Integer.compare(x.index, y.index);
        });
        List<Run> open = new ArrayList<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                Run r = new Run(i, files.get(i), storage);
                open.add(r);
                if (r.advance()) {
                    queue.add(r);
                }
            }
            long rows = 0;
            while (!queue.isEmpty()) {
                Run r = queue.poll();
                emit(builder, r.row, out);
                if (r.advance()) {
                    queue.add(r);
                }
                if (++rows % 65_536 == 0) {
                    ctx.checkCancelled();
                }
            }
        } finally {
            for (Run r : open) {
                r.close();
            }
        }
    }

    private static void emit(BatchBuilder b, Object[] row, BatchSink out) throws IOException {
        for (int c = 0; c < row.length; c++) {
            Values.set(b, c, row[c]);
        }
        b.endRow();
        if (b.isFull()) {
            out.write(b.build());
        }
    }
}
