package org.assay.connectors.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/**
 * Sends rows to one prepared INSERT / MERGE in JDBC batches, inside the caller's transaction.
 * With {@link RejectPolicy#QUARANTINE} each batch runs under a savepoint: when the database
 * refuses one of its rows, the batch is rolled back to the savepoint and sent again row by row,
 * each under its own savepoint, so only the refused rows go to quarantine (PostgreSQL aborts
 * the whole transaction after an error unless it is rolled back to a savepoint). Used by one
 * thread.
 */
final class RowInserter implements AutoCloseable {

    /** A row waiting in the current JDBC batch: where it is, and its 1-based position in the input. */
    private record Pending(Batch batch, int row, long number) { }

    private final StepContext ctx;
    private final Connection connection;
    private final PreparedStatement ps;
    private final Dialect dialect;
    private final int batchSize;
    private final RejectPolicy onReject;
    /** Whether a reason may quote the database's message: not when pii values are written, which it may echo. */
    private final boolean messagesMayShowValues;
    private final String where;
    private final List<Pending> pending = new ArrayList<>();
    private long written;

    RowInserter(StepContext ctx, Connection connection, String sql, Dialect dialect, int batchSize,
            RejectPolicy onReject, boolean messagesMayShowValues, String where) throws SQLException {
        this.ctx = ctx;
        this.connection = connection;
        this.ps = connection.prepareStatement(sql);
        this.dialect = dialect;
        this.batchSize = batchSize;
        this.onReject = onReject;
        this.messagesMayShowValues = messagesMayShowValues;
        this.where = where;
    }

    /** Adds row {@code row} of {@code b}, sending the JDBC batch when it is full. */
    void add(Batch b, int row, long number) throws SQLException, StepFailure {
        bind(b, row);
        ps.addBatch();
        pending.add(new Pending(b, row, number));
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    /** Sends what is pending. */
    void flush() throws SQLException, StepFailure {
        if (pending.isEmpty()) {
            return;
        }
        if (onReject == RejectPolicy.FAIL) {
            try {
                ps.executeBatch();
            } catch (SQLException e) {
                throw refused(e, "a row among rows " + pending.get(0).number() + " to "
                        + pending.get(pending.size() - 1).number());
            }
            done(pending.size());
            return;
        }
        Savepoint sp = connection.setSavepoint();
        try {
            ps.executeBatch();
            connection.releaseSavepoint(sp);
            done(pending.size());
        } catch (SQLException e) {
            if (!isRowProblem(e)) {
                throw refused(e, "rows " + pending.get(0).number() + " to " + pending.get(pending.size() - 1).number());
            }
            connection.rollback(sp);
            ps.clearBatch();
            oneByOne();
        }
    }

    /** Rows written so far (in the transaction, not yet committed). */
    long written() {
        return written;
    }

    private void oneByOne() throws SQLException, StepFailure {
        List<Pending> rows = List.copyOf(pending);
        pending.clear();
        int ok = 0;
        for (Pending p : rows) {
            bind(p.batch(), p.row());
            Savepoint sp = connection.setSavepoint();
            try {
                ps.executeUpdate();
                connection.releaseSavepoint(sp);
                ok++;
            } catch (SQLException e) {
                if (!isRowProblem(e)) {
                    throw refused(e, "row " + p.number());
                }
                connection.rollback(sp);
                ctx.quarantine().reject(p.number(), p.batch(), p.row(), "the database refused the row: " + reason(e));
            }
        }
        written += ok;
        ctx.countOut(ok);
    }

    private void done(int n) {
        pending.clear();
        written += n;
        ctx.countOut(n);
        ctx.checkCancelled();
    }

    /** Integrity constraint violations (SQLState class 23) and data exceptions (22) are the row's fault. */
    private static boolean isRowProblem(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if (state != null && (state.startsWith("23") || state.startsWith("22"))) {
                return true;
            }
        }
        return false;
    }

    private StepFailure refused(SQLException e, String which) {
        return new StepFailure(where + ": the database refused " + which + ": " + reason(e) + ". Nothing was "
                + "written: the transaction was rolled back." + (isRowProblem(e) && onReject == RejectPolicy.FAIL
                        ? " Set \"onReject\": \"quarantine\" to write the other rows." : ""), e);
    }

    private String reason(SQLException e) {
        SQLException first = e.getNextException() != null ? e.getNextException() : e;
        if (!messagesMayShowValues) {
            return "SQLState " + first.getSQLState() + (String.valueOf(first.getSQLState()).startsWith("23")
                    ? " (a constraint: duplicate key, missing value or foreign key)" : "")
                    + "; the message is withheld because it may quote pii values";
        }
        return Connections.reason(first);
    }

    private void bind(Batch b, int row) throws SQLException {
        for (int c = 0; c < b.schema().size(); c++) {
            Column col = b.column(c);
            int i = c + 1;
            if (col.isNull(row)) {
                ps.setNull(i, SqlTypes.nullType(col.type()));
                continue;
            }
            switch (col.type()) {
                case STRING, CATEGORICAL -> ps.setString(i, col.texts()[row]);
                case INTEGER -> ps.setLong(i, col.longs()[row]);
                case DECIMAL -> ps.setDouble(i, col.doubles()[row]);
                case BOOLEAN -> ps.setBoolean(i, col.longs()[row] != 0);
                case DATE -> ps.setObject(i, LocalDate.ofEpochDay(col.longs()[row]));
                case TIMESTAMP -> {
                    Instant t = Instant.ofEpochMilli(col.longs()[row]);
                    if (dialect == Dialect.MARIADB) {
                        ps.setObject(i, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
                    } else {
                        ps.setObject(i, t.atOffset(ZoneOffset.UTC));
                    }
                }
            }
        }
    }

    @Override
    public void close() throws SQLException {
        ps.close();
    }
}
