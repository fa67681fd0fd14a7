package org.assay.connectors.jdbc.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.assay.api.data.NearestName;

/**
 * Finds tables the way a user means them: {@code customers} is the table stored as
 * {@code customers}, or as {@code CUSTOMERS} in a database that folds names to upper case (H2)
 * and so on. The names found are the stored ones, to be quoted as they are.
 */
final class Tables {

    /** A table as stored: its schema (null when not given) and name. */
    record Table(String schema, String name) {

        String qualified() {
            return schema == null ? name : schema + "." + name;
        }

        String quoted(Dialect d) {
            return schema == null ? Identifiers.quoteColumn(name, d)
                    : Identifiers.quoteColumn(schema, d) + "." + Identifiers.quoteColumn(name, d);
        }
    }

    private Tables() {
    }

    /** The stored table a checked name ({@code customers}, {@code crm.customers}) means, if it exists. */
    static Optional<Table> find(Connection c, String table) throws SQLException {
        int dot = table.indexOf('.');
        String schema = dot < 0 ? null : table.substring(0, dot);
        String name = dot < 0 ? table : table.substring(dot + 1);
        DatabaseMetaData md = c.getMetaData();
        for (String[] variant : variants(schema, name)) {
            String s = variant[0];
            try (ResultSet rs = md.getTables(isMariaDb(md) ? s : null, isMariaDb(md) ? null : s, escape(md, variant[1]),
                    new String[] {"TABLE", "VIEW", "BASE TABLE"})) {
                while (rs.next()) {
                    String found = rs.getString("TABLE_NAME");
                    if (found.equals(variant[1])) {
                        String foundSchema = schema == null ? null
                                : rs.getString(isMariaDb(md) ? "TABLE_CAT" : "TABLE_SCHEM");
                        return Optional.of(new Table(foundSchema, found));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The column names of a table as stored, by lower-case name, in table order. */
    static Map<String, String> columns(Connection c, Table t) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        Map<String, String> columns = new LinkedHashMap<>();
        boolean maria = isMariaDb(md);
        try (ResultSet rs = md.getColumns(maria ? t.schema() : null, maria ? null : t.schema(),
                escape(md, t.name()), "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                columns.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }
        return columns;
    }

    /** "no table 'custmers' in data source 'crm'; did you mean 'customers'? Tables: [...]" */
    static String missing(Connection c, String table, String source) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE", "VIEW", "BASE TABLE"})) {
            while (rs.next() && names.size() < 200) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema != null && (schema.equalsIgnoreCase("information_schema") || schema.startsWith("pg_"))) {
                    continue;
                }
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        StringBuilder m = new StringBuilder("parameter table: no table '").append(table)
                .append("' in data source '").append(source).append("'");
        m.append('.');
        NearestName.among(table.toLowerCase(Locale.ROOT), names).ifPresent(n -> m.append(" Did you mean '")
                .append(n).append("'?"));
        TreeSet<String> sorted = new TreeSet<>(names);
        m.append(sorted.isEmpty() ? " It has no tables." : " Its tables: " + sorted);
        return m.toString();
    }

    private static List<String[]> variants(String schema, String name) {
        List<String[]> v = new ArrayList<>();
        v.add(new String[] {schema, name});
        v.add(new String[] {schema == null ? null : schema.toUpperCase(Locale.ROOT), name.toUpperCase(Locale.ROOT)});
        v.add(new String[] {schema == null ? null : schema.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)});
        return v;
    }

    private static boolean isMariaDb(DatabaseMetaData md) throws SQLException {
        String p = md.getDatabaseProductName().toLowerCase(Locale.ROOT);
        return p.contains("mariadb") || p.contains("mysql");
    }

    /** A name as a LIKE pattern that matches only itself ({@code _} is a wildcard there). */
    private static String escape(DatabaseMetaData md, String name) throws SQLException {
        String esc = md.getSearchStringEscape();
        if (esc == null || esc.isEmpty()) {
            return name;
        }
        return name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
    }
}
