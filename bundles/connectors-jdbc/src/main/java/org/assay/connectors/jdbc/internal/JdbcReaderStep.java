package org.assay.connectors.jdbc.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.NearestName;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/** One run of {@code jdbc-reader}. See {@link JdbcReaderStepType}. */
final class JdbcReaderStep implements Step {

    private final JdbcReaderParameters params;
    private final DataSources sources;
    private final Watermarks watermarks;

    JdbcReaderStep(JdbcReaderParameters params, DataSources sources, Watermarks watermarks) {
        this.params = params;
        this.sources = sources;
        this.watermarks = watermarks;
    }

    /** The statement to run: the query with ? placeholders, or a SELECT of the stored table. */
    static NamedQuery statement(Connection c, JdbcReaderParameters p, String source) throws SQLException, StepFailure {
        if (p.query().isPresent()) {
            return NamedQuery.parse(p.query().get());
        }
        String table = p.table().orElseThrow();
        Tables.Table t = Tables.find(c, table).orElseThrow(() -> new StepFailure(missing(c, table, source)));
        return new NamedQuery("SELECT * FROM " + t.quoted(Dialect.of(c)), List.of());
    }

    private static String missing(Connection c, String table, String source) {
        try {
            return Tables.missing(c, table, source);
        } catch (SQLException e) {
            return "parameter table: no table '" + table + "' in data source '" + source + "'";
        }
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        String source = params.dataSource();
        long rows = 0;
        try (Connection c = Connections.open(sources, source, ctx.runId())) {
            boolean autoCommit = c.getAutoCommit();
            // Out of auto-commit: PostgreSQL streams with a cursor only inside a transaction.
            // Read-only: a query cannot change data even where the database user could.
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                rows = read(ctx, c, source);
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StepFailure("data source '" + source + "': the database refused the "
                    + (params.query().isPresent() ? "query" : "read of table " + params.table().get()) + ": "
                    + Connections.reason(e), e);
        }
        ctx.log().info("Read {} rows from data source {}", rows, source);
    }

    private long read(StepContext ctx, Connection c, String source) throws Exception {
        NamedQuery q = statement(c, params, source);
        String sql = q.sql();
        Column mark = null;
        Optional<Watermark> since = Optional.empty();
        if (params.watermark().isPresent()) {
            mark = watermarkColumn(c, sql);
            since = watermarks.committed(ctx.runId(), ctx.stepId());
            if (since.isPresent() && since.get().kind() != mark.kind()) {
                throw new StepFailure("parameter watermark: column " + mark.label() + " is now " + mark.kind()
                        + " but the last run's watermark is " + since.get().kind() + "; the column changed type, so"
                        + " remove this step's watermark file under data/assay-jdbc/watermarks to read every row again");
            }
            if (since.isPresent()) {
                // A query becomes a derived table, so its own WHERE, GROUP BY or ORDER BY stays as it
                // is; on lines of its own, so a trailing -- comment ends before the closing bracket.
                sql = (params.query().isPresent() ? "SELECT * FROM (\n" + sql + "\n) assay_since" : sql) + " WHERE "
                        + Identifiers.quoteColumn(mark.label(), Dialect.of(c)) + " > ?";
                ctx.log().info("Incremental: reading rows with {} above {}", mark.label(), since.get().value());
            }
        }
        try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(params.fetchSize());
            QueryParameters.bind(ps, q, params.parameters());
            if (since.isPresent()) {
                since.get().bind(ps, q.names().size() + 1);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultColumns columns = ResultColumns.of(rs.getMetaData(), params.tags());
                BatchSink out = ctx.output(PortSpec.OUT, columns.schema());
                BatchBuilder b = new BatchBuilder(columns.schema());
                Watermark highest = since.orElse(mark == null ? null : new Watermark(mark.kind(), null));
                int markIndex = mark == null ? 0 : mark.index();
                long rows = 0;
                while (rs.next()) {
                    columns.copy(rs, b);
                    if (mark != null) {
                        highest = highest.max(mark.kind().read(rs, markIndex));
                    }
                    if (b.isFull()) {
                        rows += flush(ctx, out, b);
                    }
                }
                rows += flush(ctx, out, b);
                if (mark != null && highest.value() != null && rows > 0) {
                    watermarks.pending(ctx.runId(), ctx.stepId(), highest);
                }
                return rows;
            }
        }
    }

    /** The watermark column as the statement names it, its 1-based index and its kind. */
    private record Column(String label, int index, Watermark.Kind kind) {}

    private Column watermarkColumn(Connection c, String sql) throws SQLException, StepFailure {
        String wanted = params.watermark().orElseThrow();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ResultSetMetaData md = ps.getMetaData();
            if (md == null) {
                throw new StepFailure("parameter watermark: the database does not describe the statement before "
                        + "running it, so column " + wanted + " cannot be checked; read a table instead of a query");
            }
            ResultColumns columns = ResultColumns.of(md, Map.of());
            List<String> names = columns.schema().names();
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(wanted)) {
                    return new Column(names.get(i), i + 1,
                            Watermark.Kind.of(columns.schema().field(i).type(), columns.zoned(i), names.get(i)));
                }
            }
            throw new StepFailure("parameter watermark: the result has no column '" + wanted + "'"
                    + NearestName.among(wanted, names).map(n -> "; did you mean '" + n + "'?").orElse("")
                    + "; its columns are " + names);
        }
    }

    private static long flush(StepContext ctx, BatchSink out, BatchBuilder b) throws IOException {
        int n = b.rowCount();
        if (n > 0) {
            out.write(b.build());
            ctx.countIn(n);
            ctx.checkCancelled();
        }
        return n;
    }
}
