package org.assay.connectors.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Batch;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;
import org.assay.api.step.typed.PiiPolicy;

/**
 * One run of {@code jdbc-writer}. The rows go in one transaction, committed after the last
 * batch: a failed or cancelled run rolls back and leaves the table's rows as they were. A
 * table this run created is dropped again on failure (H2 and MariaDB commit DDL at once, so it
 * cannot join the transaction).
 */
final class JdbcWriterStep implements Step {

    private final JdbcWriterParameters params;
    private final DataSources sources;

    JdbcWriterStep(JdbcWriterParameters params, DataSources sources) {
        this.params = params;
        this.sources = sources;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        String where = "data source '" + params.dataSource() + "', table " + params.table();
        try (DataStream raw = ctx.input(PortSpec.IN);
                DataStream in = params.pii().apply(raw, "jdbc-writer");
                Connection c = Connections.open(sources, params.dataSource(), ctx.runId())) {
            Schema schema = in.schema();
            checkColumns(schema);
            Dialect dialect = Dialect.of(c);
            if (params.mode() == WriteMode.UPSERT && !dialect.supportsUpsert()) {
                throw new StepFailure("parameter mode: upsert works on H2, PostgreSQL and MariaDB/MySQL; this data "
                        + "source is " + c.getMetaData().getDatabaseProductName() + ". Use append or replace.");
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true);
            Optional<Tables.Table> existing = Tables.find(c, params.table());
            boolean created = existing.isEmpty();
            Tables.Table table = existing.isPresent() ? existing.get() : create(c, dialect, schema, where);
            List<String> columns = existing.isPresent() ? storedColumns(c, table, schema) : schema.names();
            c.setAutoCommit(false);
            try {
                long rows = write(ctx, c, dialect, table, columns, in, where);
                c.commit();
                ctx.log().info("Wrote {} rows to {} ({})", rows, where, params.mode().name().toLowerCase(Locale.ROOT));
            } catch (Exception e) {
                c.rollback();
                if (created) {
                    drop(c, dialect, table);
                }
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StepFailure(where + ": " + Connections.reason(e), e);
        }
    }

    private void checkColumns(Schema schema) throws StepFailure {
        for (Field f : schema) {
            String p = Identifiers.columnProblem(f.name());
            if (p != null) {
                throw new StepFailure(p);
            }
        }
        for (String k : params.keys()) {
            if (!schema.contains(k)) {
                throw new StepFailure("parameter keys: the input has no column '" + k + "'"
                        + (params.pii() == PiiPolicy.DROP ? " (pii columns are dropped by \"pii\": \"drop\")" : "")
                        + "; its columns are " + schema.names());
            }
        }
    }

    private Tables.Table create(Connection c, Dialect d, Schema schema, String where) throws SQLException,
            StepFailure {
        if (!params.createTable()) {
            throw new StepFailure(where + " does not exist; create it, or set \"createTable\": true to create it "
                    + "from the input's columns");
        }
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(Identifiers.quote(params.table(), d))
                .append(" (");
        for (int i = 0; i < schema.size(); i++) {
            Field f = schema.field(i);
            boolean key = params.keys().contains(f.name());
            ddl.append(i == 0 ? "" : ", ").append(Identifiers.quoteColumn(f.name(), d)).append(' ')
                    .append(SqlTypes.ddlType(f.type(), d, key)).append(key ? " NOT NULL" : "");
        }
        if (!params.keys().isEmpty()) {
            ddl.append(", PRIMARY KEY (").append(UpsertSql.quotedList(params.keys(), d)).append(')');
        }
        ddl.append(')');
        try (Statement s = c.createStatement()) {
            s.execute(ddl.toString());
        }
        int dot = params.table().indexOf('.');
        return dot < 0 ? new Tables.Table(null, params.table())
                : new Tables.Table(params.table().substring(0, dot), params.table().substring(dot + 1));
    }

    private static void drop(Connection c, Dialect d, Tables.Table t) {
        try {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE " + t.quoted(d));
            }
        } catch (SQLException e) {
            // The run fails with its own reason; an empty table left behind is harmless.
        }
    }

    /** The stored name of each input column in an existing table; fails naming the columns it lacks. */
    private List<String> storedColumns(Connection c, Tables.Table t, Schema schema) throws SQLException,
            StepFailure {
        Map<String, String> stored = Tables.columns(c, t);
        List<String> names = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String n : schema.names()) {
            String s = stored.containsValue(n) ? n : stored.get(n.toLowerCase(Locale.ROOT));
            if (s == null) {
                missing.add(n);
            }
            names.add(s);
        }
        if (!missing.isEmpty()) {
            throw new StepFailure("table " + t.qualified() + " has no column " + missing + " (it has "
                    + stored.values() + "): add them to the table, or select only its columns before this step");
        }
        return names;
    }

    private long write(StepContext ctx, Connection c, Dialect d, Tables.Table table, List<String> columns,
            DataStream in, String where) throws Exception {
        if (params.mode() == WriteMode.REPLACE) {
            // DELETE, not TRUNCATE: TRUNCATE commits at once in MariaDB and cannot be rolled back there.
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM " + table.quoted(d));
            }
        }
        boolean piiWritten = in.schema().fields().stream().anyMatch(f -> f.has(FieldTag.PII));
        String sql = UpsertSql.statement(d, table.quoted(d), columns, storedKeys(columns, in.schema()),
                params.mode() == WriteMode.UPSERT);
        long number = 0;
        try (RowInserter rows = new RowInserter(ctx, c, sql, d, params.batchSize(), params.onReject(), !piiWritten,
                where)) {
            for (Batch b = in.next(); b != null; b = in.next()) {
                for (int r = 0; r < b.rowCount(); r++) {
                    rows.add(b, r, ++number);
                }
            }
            rows.flush();
            return rows.written();
        }
    }

    private List<String> storedKeys(List<String> columns, Schema schema) {
        List<String> keys = new ArrayList<>();
        for (String k : params.keys()) {
            keys.add(columns.get(schema.indexOf(k)));
        }
        return keys;
    }
}
