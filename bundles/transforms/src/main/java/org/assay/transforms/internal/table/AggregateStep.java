package org.assay.transforms.internal.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;
import org.assay.transforms.internal.ParameterMisfit;
import org.assay.transforms.internal.SpillFolder;

/**
 * One run of {@code aggregate}: a hash table of groups while it fits in the memory budget; past
 * it, the table is written to disk as a run sorted by key and emptied, and at the end the runs
 * are merged group by group. Either way groups come out sorted by key. One pass over the input.
 */
final class AggregateStep implements Step {

    /**
     * Memory cells held at once: a group costs {@link AggregatePlan#cellsPerGroup} (about 40 bytes
     * each, boxed keys and states) and each value a median or count_distinct holds one more.
     * 2M cells is about 80 MiB: 400k groups of one key and three aggregates per run.
     */
    static final long CELL_BUDGET = 1L << 21;

    private final AggregateParameters params;
    private final long budget;

    AggregateStep(AggregateParameters params, long budget) {
        this.params = params;
        this.budget = budget;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        List<Path> runs = new ArrayList<>();
        Path spillDir = null;
        long rows = 0;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            AggregatePlan plan;
            try {
                plan = AggregatePlan.resolve(params, in.schema());
            } catch (ParameterMisfit m) {
                throw m.failure();
            }
            BatchSink out = ctx.output(PortSpec.OUT, plan.output);
            Map<GroupKey, Accumulator[]> table = new HashMap<>();
            long cells = 0;
            int perGroup = plan.cellsPerGroup();
            for (Batch b = in.next(); b != null; b = in.next()) {
                Column[] values = new Column[plan.valueIndex.length];
                Column[] orders = new Column[values.length];
                for (int a = 0; a < values.length; a++) {
                    values[a] = plan.valueIndex[a] < 0 ? null : b.column(plan.valueIndex[a]);
                    orders[a] = plan.orderIndex[a] < 0 ? null : b.column(plan.orderIndex[a]);
                }
                for (int r = 0; r < b.rowCount(); r++) {
                    GroupKey key = GroupKey.of(b, plan.keyIndex, r);
                    Accumulator[] accs = table.get(key);
                    if (accs == null) {
                        accs = plan.newAccumulators();
                        table.put(key, accs);
                        cells += perGroup;
                    }
                    for (int a = 0; a < accs.length; a++) {
                        cells += accs[a].add(values[a], orders[a], r);
                    }
                    if (cells >= budget) {
                        if (spillDir == null) {
                            spillDir = SpillFolder.create(ctx, "aggregate");
                        }
                        Path file = spillDir.resolve("run-" + runs.size() + ".bin");
                        SpillRun.write(plan, table, file);
                        runs.add(file);
                        table.clear();
                        cells = 0;
                    }
                }
                rows += b.rowCount();
                ctx.checkCancelled();
            }
            long groups;
            if (runs.isEmpty()) {
                groups = emit(plan, SpillRun.sorted(table), out, ctx);
            } else {
                if (!table.isEmpty()) {
                    Path file = spillDir.resolve("run-" + runs.size() + ".bin");
                    SpillRun.write(plan, table, file);
                    runs.add(file);
                }
                table = null;
                ctx.log().info("aggregate: {} rows did not fit in memory; merging {} sorted runs", rows, runs.size());
                groups = merge(plan, runs, out, ctx);
            }
            // Each group's rows are folded into its one output row: the rest are accounted as filtered.
            ctx.countFiltered(rows - groups);
            ctx.log().info("aggregate: {} rows into {} groups", rows, groups);
        } finally {
            SpillFolder.delete(spillDir);
        }
    }

    private static long emit(AggregatePlan plan, List<Map.Entry<GroupKey, Accumulator[]>> groups, BatchSink out,
            StepContext ctx) throws IOException {
        BatchBuilder b = new BatchBuilder(plan.output);
        for (Map.Entry<GroupKey, Accumulator[]> g : groups) {
            row(b, g.getKey(), g.getValue(), out);
        }
        flush(b, out);
        ctx.checkCancelled();
        return groups.size();
    }

    private static long merge(AggregatePlan plan, List<Path> files, BatchSink out, StepContext ctx)
            throws IOException, StepFailure {
        // Equal keys come off the queue in run order, which is input order: first and last stay right.
        PriorityQueue<SpillRun> queue = new PriorityQueue<>((x, y) -> {
            int c = x.key.compareTo(y.key);
            return c != 0 ? c : Integer.compare(x.order, y.order);
        });
        List<SpillRun> open = new ArrayList<>();
        long groups = 0;
        try {
            for (int i = 0; i < files.size(); i++) {
                SpillRun r = SpillRun.open(plan, i, files.get(i));
                open.add(r);
                if (r.key != null) {
                    queue.add(r);
                }
            }
            BatchBuilder b = new BatchBuilder(plan.output);
            while (!queue.isEmpty()) {
                SpillRun head = queue.poll();
                GroupKey key = head.key;
                Accumulator[] accs = head.accs;
                next(head, queue);
                while (!queue.isEmpty() && queue.peek().key.equals(key)) {
                    SpillRun more = queue.poll();
                    for (int a = 0; a < accs.length; a++) {
                        accs[a].merge(more.accs[a]);
                    }
                    next(more, queue);
                }
                row(b, key, accs, out);
                if (++groups % 65_536 == 0) {
                    ctx.checkCancelled();
                }
            }
            flush(b, out);
            return groups;
        } finally {
            for (SpillRun r : open) {
                r.close();
            }
        }
    }

    private static void next(SpillRun r, PriorityQueue<SpillRun> queue) throws IOException {
        r.advance();
        if (r.key != null) {
            queue.add(r);
        }
    }

    private static void row(BatchBuilder b, GroupKey key, Accumulator[] accs, BatchSink out) throws IOException {
        for (int k = 0; k < key.values.length; k++) {
            Values.set(b, k, key.values[k]);
        }
        for (int a = 0; a < accs.length; a++) {
            accs[a].emit(b, key.values.length + a);
        }
        b.endRow();
        if (b.isFull()) {
            out.write(b.build());
        }
    }

    private static void flush(BatchBuilder b, BatchSink out) throws IOException {
        if (!b.isEmpty()) {
            out.write(b.build());
        }
    }
}
