package org.assay.transforms.internal.combine;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.DataStream;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/**
 * One run of {@code join}: build a hash table over the right input, stream the left input
 * past it, then (right and full joins) emit the right rows nothing matched.
 *
 * <p>Row accounting: the engine wants in = out + quarantined + filtered, and a join has no
 * one-to-one rows. Rows in are left + right. When fewer rows come out, the difference (rows
 * merged into a joined row, unmatched rows dropped) is counted as filtered; when more come out
 * (fan-out from duplicate keys), the surplus is counted with {@code countIn}, as rows the step
 * made. The join summary gives the real figures either way.
 */
final class JoinStep implements Step {

    static final String SUMMARY_FILE = "join-summary.csv";

    private final JoinParameters p;

    // The build side, by global right-row index g: batch and row of g, and the next row with the same key.
    private final List<Batch> rightBatches = new ArrayList<>();
    private int[] batchOf = new int[1024];
    private int[] rowOf = new int[1024];
    private int[] next = new int[1024];
    private int rightRows;
    /** Key to {first, last, count} of its chain of right rows. */
    private final Map<Object, int[]> chains = new HashMap<>();
    private final BitSet rightMatched = new BitSet();

    private long leftRows;
    private long leftNullKeys;
    private long rightNullKeys;
    private long leftMatched;
    private long leftFannedOut;
    private long fanOutRows;
    private long written;

    JoinStep(JoinParameters p) {
        this.p = p;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        try (DataStream left = ctx.input(JoinStepType.LEFT); DataStream right = ctx.input(JoinStepType.RIGHT)) {
            JoinLayout layout;
            try {
                layout = JoinLayout.of(p, left.schema(), right.schema());
            } catch (IllegalArgumentException e) {
                throw new StepFailure(e.getMessage());
            }
            build(ctx, right, layout);
            BatchSink sink = ctx.output(PortSpec.OUT, layout.output);
            BatchBuilder out = new BatchBuilder(layout.output);
            probe(ctx, left, layout, sink, out);
            if (p.kind().keepsUnmatchedRight) {
                emitUnmatchedRight(ctx, layout, sink, out);
            }
            flush(sink, out);
        }
        long duplicateKeys = chains.values().stream().filter(c -> c[2] > 1).count();
        if (fanOutRows > 0) {
            ctx.log().warn("join: {} left rows matched more than one right row (right keys held by several rows: {});"
                    + " that made {} extra rows", leftFannedOut, duplicateKeys, fanOutRows);
        }
        account(ctx);
        writeSummary(ctx, duplicateKeys);
    }

    private void build(StepContext ctx, DataStream right, JoinLayout layout) throws IOException, StepFailure {
        for (Batch b = right.next(); b != null; b = right.next()) {
            ctx.checkCancelled();
            if ((long) rightRows + b.rowCount() > p.buildRows()) {
                throw new StepFailure("join: the right input has more than " + p.buildRows() + " rows, the most "
                        + "this step holds in memory (parameter buildRows). Put the smaller table on the right "
                        + "(swap left and right, and a left join becomes a right join), or raise buildRows if the "
                        + "heap allows it");
            }
            int batchIndex = rightBatches.size();
            rightBatches.add(b);
            for (int r = 0; r < b.rowCount(); r++) {
                int g = rightRows++;
                grow(g);
                batchOf[g] = batchIndex;
                rowOf[g] = r;
                next[g] = -1;
                Object key = RowKey.of(b, layout.rightKeys, r);
                if (key == null) {
                    rightNullKeys++;
                    continue;
                }
                int[] chain = chains.get(key);
                if (chain == null) {
                    chains.put(key, new int[] {g, g, 1});
                } else {
                    next[chain[1]] = g;
                    chain[1] = g;
                    chain[2]++;
                }
            }
        }
    }

    private void grow(int g) {
        if (g >= batchOf.length) {
            int size = Math.max(batchOf.length * 2, g + 1);
            batchOf = Arrays.copyOf(batchOf, size);
            rowOf = Arrays.copyOf(rowOf, size);
            next = Arrays.copyOf(next, size);
        }
    }

    private void probe(StepContext ctx, DataStream left, JoinLayout layout, BatchSink sink, BatchBuilder out)
            throws IOException {
        JoinKind kind = p.kind();
        for (Batch b = left.next(); b != null; b = left.next()) {
            ctx.checkCancelled();
            for (int r = 0; r < b.rowCount(); r++) {
                leftRows++;
                Object key = RowKey.of(b, layout.leftKeys, r);
                if (key == null) {
                    leftNullKeys++;
                }
                int[] chain = key == null ? null : chains.get(key);
                if (chain != null) {
                    leftMatched++;
                }
                switch (kind) {
                    case SEMI, ANTI -> {
                        if ((chain != null) == (kind == JoinKind.SEMI)) {
                            leftRow(out, b, r);
                            out.endRow();
                            flushIfFull(sink, out);
                        }
                    }
                    default -> {
                        if (chain == null) {
                            if (kind.keepsUnmatchedLeft) {
                                leftRow(out, b, r);
                                out.endRow();
                                flushIfFull(sink, out);
                            }
                            continue;
                        }
                        if (chain[2] > 1) {
                            leftFannedOut++;
                            fanOutRows += chain[2] - 1;
                        }
                        for (int g = chain[0]; g >= 0; g = next[g]) {
                            rightMatched.set(g);
                            leftRow(out, b, r);
                            rightColumns(out, layout, g);
                            out.endRow();
                            flushIfFull(sink, out);
                        }
                    }
                }
            }
        }
    }

    private void emitUnmatchedRight(StepContext ctx, JoinLayout layout, BatchSink sink, BatchBuilder out)
            throws IOException {
        for (int g = rightMatched.nextClearBit(0); g < rightRows; g = rightMatched.nextClearBit(g + 1)) {
            if ((g & 0xFFF) == 0) {
                ctx.checkCancelled();
            }
            Batch b = rightBatches.get(batchOf[g]);
            for (int k = 0; k < layout.leftKeys.length; k++) {
                Cells.copy(out, layout.leftKeys[k], b.column(layout.rightKeys[k]), rowOf[g]);
            }
            rightColumns(out, layout, g);
            out.endRow();
            flushIfFull(sink, out);
        }
    }

    private static void leftRow(BatchBuilder out, Batch b, int r) {
        for (int c = 0; c < b.schema().size(); c++) {
            Cells.copy(out, c, b.column(c), r);
        }
    }

    private void rightColumns(BatchBuilder out, JoinLayout layout, int g) {
        Batch b = rightBatches.get(batchOf[g]);
        int first = out.schema().size() - layout.rightCarried.length;
        for (int i = 0; i < layout.rightCarried.length; i++) {
            Cells.copy(out, first + i, b.column(layout.rightCarried[i]), rowOf[g]);
        }
    }

    private void flushIfFull(BatchSink sink, BatchBuilder out) throws IOException {
        if (out.isFull()) {
            flush(sink, out);
        }
    }

    private void flush(BatchSink sink, BatchBuilder out) throws IOException {
        if (!out.isEmpty()) {
            written += out.rowCount();
            sink.write(out.build());
        }
    }

    private void account(StepContext ctx) {
        long in = leftRows + rightRows;
        if (in >= written) {
            ctx.countFiltered(in - written);
        } else {
            ctx.countIn(written - in);
        }
    }

    private void writeSummary(StepContext ctx, long duplicateKeys) throws IOException {
        Path file = ctx.artifactDir().resolve(SUMMARY_FILE);
        long unmatchedRight = rightRows - rightMatched.cardinality();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("measure,rows\n");
            w.write("left rows," + leftRows + "\n");
            w.write("right rows," + rightRows + "\n");
            w.write("left rows with a null key," + leftNullKeys + "\n");
            w.write("right rows with a null key," + rightNullKeys + "\n");
            w.write("left rows matched," + leftMatched + "\n");
            w.write("left rows unmatched," + (leftRows - leftMatched) + "\n");
            w.write("right rows unmatched," + (p.kind().widens ? unmatchedRight : 0) + "\n");
            w.write("right keys held by several rows," + duplicateKeys + "\n");
            w.write("left rows fanned out," + leftFannedOut + "\n");
            w.write("extra rows from fan-out," + fanOutRows + "\n");
            w.write("output rows," + written + "\n");
        }
        ctx.addArtifact(file, ArtifactKind.TABLE, "Join summary");
    }
}
