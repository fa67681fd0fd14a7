package org.assay.transforms.internal.combine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assay.api.artifact.CsvTable;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.DataStream;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;
import org.assay.transforms.internal.ParameterMisfit;
import org.assay.transforms.internal.SpillFolder;

/**
 * One run of {@code join}: a hash table over the right input, the left input streamed past it,
 * then (right and full joins) the right rows nothing matched. When the right input holds more
 * than {@code buildRows} rows, both inputs are split by key hash into {@link #PARTITIONS} spill
 * files under the step's folder and each pair of partitions is joined in memory in turn (a
 * partitioned, "Grace", hash join); the files are deleted when the step ends. Rows then come
 * out partition by partition instead of in left order.
 *
 * <p>Row accounting: the engine wants in = out + quarantined + filtered, and a join has no
 * one-to-one rows. Rows in are left + right. When fewer rows come out, the difference (rows
 * merged into a joined row, unmatched rows dropped) is counted as filtered; when more come out
 * (fan-out from duplicate keys), the surplus is counted with {@code countIn}, as rows the step
 * made. The join summary gives the real figures either way.
 */
final class JoinStep implements Step {

    static final String SUMMARY_FILE = "join-summary.csv";
    /** Spill partitions; a partition's right rows must fit in buildRows again. */
    static final int PARTITIONS = 64;

    private final JoinParameters p;

    private long leftRows;
    private long rightRows;
    private long leftNullKeys;
    private long rightNullKeys;
    private long leftMatched;
    private long leftFannedOut;
    private long fanOutRows;
    private long unmatchedRight;
    private long duplicateKeys;
    private long written;
    private boolean spilled;

    JoinStep(JoinParameters p) {
        this.p = p;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        try (DataStream left = ctx.input(JoinStepType.LEFT); DataStream right = ctx.input(JoinStepType.RIGHT)) {
            JoinLayout layout;
            try {
                layout = JoinLayout.of(p, left.schema(), right.schema());
            } catch (ParameterMisfit m) {
                throw m.failure();
            }
            BatchSink sink = ctx.output(PortSpec.OUT, layout.output);
            BatchBuilder out = new BatchBuilder(layout.output);
            BuildTable table = new BuildTable(layout.rightKeys);
            Batch overflow = null;
            for (Batch b = right.next(); b != null; b = right.next()) {
                ctx.checkCancelled();
                if ((long) table.rows() + b.rowCount() > p.buildRows()) {
                    overflow = b;
                    break;
                }
                table.add(b);
            }
            if (overflow == null) {
                joinInMemory(ctx, left, table, layout, sink, out);
            } else {
                spilled = true;
                ctx.log().info("join: the right input has more than {} rows (buildRows); joining in {} partitions "
                        + "spilled under {}", p.buildRows(), PARTITIONS, ctx.artifactDir());
                joinPartitioned(ctx, left, right, table, overflow, layout, sink, out);
            }
            flush(sink, out);
        }
        if (fanOutRows > 0) {
            ctx.log().warn("join: {} left rows matched more than one right row (right keys held by several rows: {});"
                    + " that made {} extra rows", leftFannedOut, duplicateKeys, fanOutRows);
        }
        account(ctx);
        writeSummary(ctx);
    }

    /** Probes {@code left} against a table that holds every right row of this (part of the) join. */
    private void joinInMemory(StepContext ctx, DataStream left, BuildTable table, JoinLayout layout, BatchSink sink,
            BatchBuilder out) throws IOException {
        rightRows += table.rows();
        rightNullKeys += table.nullKeys();
        duplicateKeys += table.duplicateKeys();
        probe(ctx, left, table, layout, sink, out);
        if (p.kind().widens) {
            unmatchedRight += table.unmatched();
        }
        if (p.kind().keepsUnmatchedRight) {
            for (int g = table.nextUnmatched(0); g >= 0; g = table.nextUnmatched(g + 1)) {
                if ((g & 0xFFF) == 0) {
                    ctx.checkCancelled();
                }
                rightOnly(out, layout, table.batchOf(g), table.rowOf(g));
                flushIfFull(sink, out);
            }
        }
    }

    private void joinPartitioned(StepContext ctx, DataStream left, DataStream right, BuildTable held, Batch overflow,
            JoinLayout layout, BatchSink sink, BatchBuilder out) throws IOException, StepFailure {
        Path dir = SpillFolder.create(ctx, "join");
        try {
            SpillFile.Writer[] rightParts = writers(dir, "right");
            try {
                for (Batch b : held.batches) {
                    spillRight(b, layout, rightParts, sink, out);
                }
                held.clear();
                spillRight(overflow, layout, rightParts, sink, out);
                for (Batch b = right.next(); b != null; b = right.next()) {
                    ctx.checkCancelled();
                    spillRight(b, layout, rightParts, sink, out);
                }
            } finally {
                closeAll(rightParts);
            }
            SpillFile.Writer[] leftParts = writers(dir, "left");
            try {
                for (Batch b = left.next(); b != null; b = left.next()) {
                    ctx.checkCancelled();
                    spillLeft(b, layout, leftParts, sink, out);
                }
            } finally {
                closeAll(leftParts);
            }
            for (int i = 0; i < PARTITIONS; i++) {
                BuildTable table = new BuildTable(layout.rightKeys);
                try (DataStream part = new SpillFile.Reader(part(dir, "right", i), right.schema())) {
                    for (Batch b = part.next(); b != null; b = part.next()) {
                        ctx.checkCancelled();
                        if ((long) table.rows() + b.rowCount() > p.buildRows()) {
                            throw new StepFailure("join: even split into " + PARTITIONS + " parts by key, the right "
                                    + "input has a part of more than " + p.buildRows() + " rows (parameter buildRows): "
                                    + "it is too large or a few keys hold most of its rows. Put the smaller table on "
                                    + "the right, or raise buildRows if the heap allows it");
                        }
                        table.add(b);
                    }
                }
                // Rows with a null key were handled while spilling; a partition's table holds none.
                try (DataStream part = new SpillFile.Reader(part(dir, "left", i), left.schema())) {
                    joinInMemory(ctx, part, table, layout, sink, out);
                }
                Files.deleteIfExists(part(dir, "right", i));
                Files.deleteIfExists(part(dir, "left", i));
            }
        } finally {
            SpillFolder.delete(dir);
        }
    }

    /** Sends right rows to their partitions; a row with a null key matches nothing and is settled here. */
    private void spillRight(Batch b, JoinLayout layout, SpillFile.Writer[] parts, BatchSink sink, BatchBuilder out)
            throws IOException {
        for (int r = 0; r < b.rowCount(); r++) {
            Object key = RowKey.of(b, layout.rightKeys, r);
            if (key != null) {
                parts[partition(key)].write(b, r);
                continue;
            }
            rightRows++;
            rightNullKeys++;
            if (p.kind().widens) {
                unmatchedRight++;
            }
            if (p.kind().keepsUnmatchedRight) {
                rightOnly(out, layout, b, r);
                flushIfFull(sink, out);
            }
        }
    }

    /** Sends left rows to their partitions; a row with a null key matches nothing and is settled here. */
    private void spillLeft(Batch b, JoinLayout layout, SpillFile.Writer[] parts, BatchSink sink, BatchBuilder out)
            throws IOException {
        for (int r = 0; r < b.rowCount(); r++) {
            Object key = RowKey.of(b, layout.leftKeys, r);
            if (key != null) {
                parts[partition(key)].write(b, r);
                continue;
            }
            leftRows++;
            leftNullKeys++;
            if (p.kind().keepsUnmatchedLeft || p.kind() == JoinKind.ANTI) {
                leftRow(out, b, r);
                out.endRow();
                flushIfFull(sink, out);
            }
        }
    }

    /** The partition of a key: the top bits of a multiplicative hash, so they are not the bits HashMap uses. */
    static int partition(Object key) {
        return (key.hashCode() * 0x9E3779B9) >>> (Integer.SIZE - Integer.numberOfTrailingZeros(PARTITIONS));
    }

    private static SpillFile.Writer[] writers(Path dir, String side) throws IOException {
        SpillFile.Writer[] parts = new SpillFile.Writer[PARTITIONS];
        try {
            for (int i = 0; i < PARTITIONS; i++) {
                parts[i] = new SpillFile.Writer(part(dir, side, i));
            }
        } catch (IOException e) {
            closeAll(parts);
            throw e;
        }
        return parts;
    }

    private static Path part(Path dir, String side, int i) {
        return dir.resolve(side + "-" + i + ".spill");
    }

    private static void closeAll(SpillFile.Writer[] parts) throws IOException {
        IOException first = null;
        for (SpillFile.Writer w : parts) {
            if (w == null) {
                continue;
            }
            try {
                w.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void probe(StepContext ctx, DataStream left, BuildTable table, JoinLayout layout, BatchSink sink,
            BatchBuilder out) throws IOException {
        JoinKind kind = p.kind();
        for (Batch b = left.next(); b != null; b = left.next()) {
            ctx.checkCancelled();
            for (int r = 0; r < b.rowCount(); r++) {
                leftRows++;
                Object key = RowKey.of(b, layout.leftKeys, r);
                if (key == null) {
                    leftNullKeys++;
                }
                int[] chain = table.chain(key);
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
                        for (int g = chain[0]; g >= 0; g = table.next(g)) {
                            table.markMatched(g);
                            leftRow(out, b, r);
                            rightColumns(out, layout, table.batchOf(g), table.rowOf(g));
                            out.endRow();
                            flushIfFull(sink, out);
                        }
                    }
                }
            }
        }
    }

    /** A right row with no left match: the left keys get its keys, the other left columns stay null. */
    private static void rightOnly(BatchBuilder out, JoinLayout layout, Batch b, int row) {
        for (int k = 0; k < layout.leftKeys.length; k++) {
            Cells.copy(out, layout.leftKeys[k], b.column(layout.rightKeys[k]), row);
        }
        rightColumns(out, layout, b, row);
        out.endRow();
    }

    private static void leftRow(BatchBuilder out, Batch b, int r) {
        for (int c = 0; c < b.schema().size(); c++) {
            Cells.copy(out, c, b.column(c), r);
        }
    }

    private static void rightColumns(BatchBuilder out, JoinLayout layout, Batch b, int row) {
        int first = out.schema().size() - layout.rightCarried.length;
        for (int i = 0; i < layout.rightCarried.length; i++) {
            Cells.copy(out, first + i, b.column(layout.rightCarried[i]), row);
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

    private void writeSummary(StepContext ctx) throws IOException {
        Path file = ctx.artifactDir().resolve(SUMMARY_FILE);
        CsvTable.write(file, List.of("measure", "rows"), List.of(
                List.of("left rows", Long.toString(leftRows)),
                List.of("right rows", Long.toString(rightRows)),
                List.of("left rows with a null key", Long.toString(leftNullKeys)),
                List.of("right rows with a null key", Long.toString(rightNullKeys)),
                List.of("left rows matched", Long.toString(leftMatched)),
                List.of("left rows unmatched", Long.toString(leftRows - leftMatched)),
                List.of("right rows unmatched", Long.toString(unmatchedRight)),
                List.of("right keys held by several rows", Long.toString(duplicateKeys)),
                List.of("left rows fanned out", Long.toString(leftFannedOut)),
                List.of("extra rows from fan-out", Long.toString(fanOutRows)),
                List.of("output rows", Long.toString(written)),
                List.of("partitions spilled to disk", Integer.toString(spilled ? PARTITIONS : 0))));
        ctx.addArtifact(file, ArtifactKind.TABLE, "Join summary");
    }
}
