package org.assay.connectors.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.io.IOException;
import java.util.List;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/** One run of {@code jdbc-reader}. See {@link JdbcReaderStepType}. */
final class JdbcReaderStep implements Step {

    private final JdbcReaderParameters params;
    private final DataSources sources;

    JdbcReaderStep(JdbcReaderParameters params, DataSources sources) {
        this.params = params;
        this.sources = sources;
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
        try (Connection c = Connections.open(sources, source)) {
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
        try (PreparedStatement ps = c.prepareStatement(q.sql(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(params.fetchSize());
            QueryParameters.bind(ps, q, params.parameters());
            try (ResultSet rs = ps.executeQuery()) {
                ResultColumns columns = ResultColumns.of(rs.getMetaData(), params.tags());
                BatchSink out = ctx.output(PortSpec.OUT, columns.schema());
                BatchBuilder b = new BatchBuilder(columns.schema());
                long rows = 0;
                while (rs.next()) {
                    columns.copy(rs, b);
                    if (b.isFull()) {
                        rows += flush(ctx, out, b);
                    }
                }
                return rows + flush(ctx, out, b);
            }
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
