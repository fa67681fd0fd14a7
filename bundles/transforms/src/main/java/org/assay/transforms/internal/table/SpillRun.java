package org.assay.transforms.internal.table;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assay.transforms.internal.SpillCells;

/**
 * One sorted run of groups on disk: each group's key and accumulator states, in key order. A
 * run is written once from the in-memory table and read once in the merge. Not thread-safe.
 */
final class SpillRun implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final AggregatePlan plan;
    final int order;
    private final DataInputStream in;
    GroupKey key;
    Accumulator[] accs;

    private SpillRun(AggregatePlan plan, int order, Path file) throws IOException {
        this.plan = plan;
        this.order = order;
        this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
    }

    /** Writes the table's groups sorted by key to {@code file}. */
    static void write(AggregatePlan plan, Map<GroupKey, Accumulator[]> table, Path file) throws IOException {
        List<Map.Entry<GroupKey, Accumulator[]>> groups = sorted(table);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                BUFFER))) {
            for (Map.Entry<GroupKey, Accumulator[]> g : groups) {
                out.writeBoolean(true);
                Object[] key = g.getKey().values;
                for (int k = 0; k < key.length; k++) {
                    SpillCells.write(out, plan.keyStorage[k], key[k]);
                }
                for (Accumulator a : g.getValue()) {
                    a.write(out);
                }
            }
            out.writeBoolean(false);
        }
    }

    static List<Map.Entry<GroupKey, Accumulator[]>> sorted(Map<GroupKey, Accumulator[]> table) {
        List<Map.Entry<GroupKey, Accumulator[]>> groups = new ArrayList<>(table.entrySet());
        groups.sort(Map.Entry.comparingByKey());
        return groups;
    }

    /** Opens a run for the merge, positioned on its first group (none: {@link #key} is null). */
    static SpillRun open(AggregatePlan plan, int order, Path file) throws IOException {
        SpillRun r = new SpillRun(plan, order, file);
        r.advance();
        return r;
    }

    /** Moves to the next group; {@link #key} becomes null at the end. */
    void advance() throws IOException {
        if (!in.readBoolean()) {
            key = null;
            accs = null;
            return;
        }
        Object[] values = new Object[plan.keyStorage.length];
        for (int k = 0; k < values.length; k++) {
            values[k] = SpillCells.read(in, plan.keyStorage[k]);
        }
        key = values.length == 0 ? GroupKey.EMPTY : new GroupKey(values);
        accs = plan.newAccumulators();
        for (Accumulator a : accs) {
            a.read(in);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
