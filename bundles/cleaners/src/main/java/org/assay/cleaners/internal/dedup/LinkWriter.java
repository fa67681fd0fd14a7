package org.assay.cleaners.internal.dedup;

import java.io.IOException;
import java.util.BitSet;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.Field;
import org.assay.api.data.Schema;

/**
 * The {@code links} output of dedup: one row per linked pair (and per possible match with
 * reviewThreshold), with both rows' names, the score and the fields that agreed. In link mode
 * id_a is always a row of input 'in' and id_b one of input 'other'.
 */
final class LinkWriter {

    private final BatchSink sink;
    private BatchBuilder builder;
    long rows;

    LinkWriter(BatchSink sink) {
        this.sink = sink;
        this.builder = new BatchBuilder(DedupStepType.LINKS_SCHEMA);
    }

    /** One pair; {@code a} is the earlier row (in link mode: the row of input 'in'). */
    void write(MatchIndex index, int a, int b, double score, boolean match, String agreed) throws IOException {
        builder.setString(0, index.ownName(a)).setString(1, index.ownName(b)).setDouble(2, score)
                .setLong(3, match ? 1 : 0);
        if (agreed == null) {
            builder.setNull(4);
        } else {
            builder.setString(4, agreed);
        }
        builder.endRow();
        rows++;
        if (builder.isFull()) {
            sink.write(builder.build());
            builder = new BatchBuilder(DedupStepType.LINKS_SCHEMA);
        }
    }

    void close() throws IOException {
        if (!builder.isEmpty()) {
            sink.write(builder.build());
        }
    }

    /**
     * A batch of input 'other' in the columns of input 'in': same-named columns are taken as
     * they are (the step checked their types match), the others are empty.
     */
    static Batch conform(Batch other, Schema target) {
        int n = other.rowCount();
        Column[] columns = new Column[target.size()];
        for (int c = 0; c < target.size(); c++) {
            Field f = target.field(c);
            int from = other.schema().indexOf(f.name());
            if (from >= 0) {
                columns[c] = other.column(from);
                continue;
            }
            BitSet all = new BitSet();
            all.set(0, n);
            columns[c] = switch (f.type().storage()) {
                case TEXT -> Column.ofTexts(f.type(), new String[n], n);
                case LONG -> Column.ofLongs(f.type(), new long[n], n, all);
                case DOUBLE -> Column.ofDoubles(f.type(), new double[n], n, all);
            };
        }
        return new Batch(target, n, columns);
    }
}
