package org.assay.governance.internal.subject;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A subject's rows in a database table (the tables jdbc-writer wrote). The table is read whole
 * and matched as files are (trimmed, ignoring case); erasure then deletes or updates by the exact
 * values found, through parameterised statements. The table name comes from a deployed workflow
 * and is checked and quoted, never pasted raw. Stateless.
 */
final class JdbcTables {

    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
            Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB);

    private JdbcTables() {
    }

    /** What was found in a table: the finding and, per column, the exact stored values that matched. */
    record TableHit(Finding finding, Map<String, Set<Object>> matchedValues) {
    }

    static boolean validTable(String table) {
        return table != null && TABLE.matcher(table).matches();
    }

    static TableHit find(SubjectKey key, DataSource ds, String dsName, String table) throws SQLException {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        Map<String, Set<Object>> matched = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + quote(c, table))) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                header.add(md.getColumnLabel(i));
            }
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                boolean about = false;
                for (int i = 1; i <= header.size(); i++) {
                    String v = rs.getString(i);
                    cells.add(v);
                    if (key.matches(v) && key.inColumn(header.get(i - 1))) {
                        about = true;
                        matched.computeIfAbsent(header.get(i - 1), k -> new LinkedHashSet<>()).add(rs.getObject(i));
                    }
                }
                if (about) {
                    rows.add(cells);
                }
            }
        }
        return new TableHit(new Finding("table", dsName + "/" + table, null, null, header, rows), matched);
    }

    /** @return rows deleted or updated */
    static int erase(SubjectKey key, DataSource ds, String table, TableHit hit, CsvRows.Erasure how)
            throws SQLException {
        int changed = 0;
        try (Connection c = ds.getConnection()) {
            String t = quote(c, table);
            Map<String, Integer> widths = how == CsvRows.Erasure.PSEUDONYMISE ? textColumns(c, t) : Map.of();
            List<String> textColumns = List.copyOf(widths.keySet());
            String pseudonym = "erased-" + key.reference().substring("sha256:".length());
            for (Map.Entry<String, Set<Object>> e : hit.matchedValues().entrySet()) {
                String where = " WHERE " + quoteColumn(c, e.getKey()) + " = ?";
                String sql = how == CsvRows.Erasure.DELETE ? "DELETE FROM " + t + where
                        : "UPDATE " + t + " SET " + String.join(", ", textColumns.stream()
                                .map(col -> quoteColumnUnchecked(c, col) + " = ?").toList()) + where;
                if (how == CsvRows.Erasure.PSEUDONYMISE && textColumns.isEmpty()) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (Object value : e.getValue()) {
                        int i = 1;
                        for (String col : textColumns) {
                            // A narrow column gets the pseudonym cut to its width rather than refusing the erasure.
                            int width = widths.get(col);
                            ps.setString(i++, width > 0 && width < pseudonym.length() ? pseudonym.substring(0, width)
                                    : pseudonym);
                        }
                        ps.setObject(i, value);
                        changed += ps.executeUpdate();
                    }
                }
            }
        }
        return changed;
    }

    /** Text columns and their widths (0: unknown). */
    private static Map<String, Integer> textColumns(Connection c, String quotedTable) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + quotedTable + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                if (TEXT.contains(md.getColumnType(i))) {
                    out.put(md.getColumnName(i), md.getPrecision(i));
                }
            }
        }
        return out;
    }

    private static String quote(Connection c, String table) throws SQLException {
        if (!validTable(table)) {
            throw new SQLException("table name '" + table + "' is not one or two plain identifiers");
        }
        String q = quoteString(c.getMetaData());
        StringBuilder b = new StringBuilder();
        for (String part : table.split("\\.")) {
            b.append(b.length() == 0 ? "" : ".").append(q).append(part).append(q);
        }
        return b.toString();
    }

    private static String quoteColumn(Connection c, String column) throws SQLException {
        String q = quoteString(c.getMetaData());
        if (column.contains(q) || column.contains("\\")) {
            throw new SQLException("column name holds a quote or a backslash");
        }
        return q + column + q;
    }

    private static String quoteColumnUnchecked(Connection c, String column) {
        try {
            return quoteColumn(c, column);
        } catch (SQLException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String quoteString(DatabaseMetaData md) throws SQLException {
        String q = md.getIdentifierQuoteString();
        return q == null || q.isBlank() ? "\"" : q.trim();
    }
}
