package org.assay.connectors.jdbc.internal;

import java.util.regex.Pattern;

/**
 * Table and column names in SQL. Names come from workflows, so they are checked and always
 * quoted, never pasted in raw: a table name is one or two plain identifiers
 * ({@code customers}, {@code crm.customers}); a column name may be any text without quote
 * characters, control characters or a NUL, at most 63 characters (PostgreSQL's limit).
 */
final class Identifiers {

    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    private Identifiers() {
    }

    /** Why a table name is refused, or null when it is fine. */
    static String tableProblem(String table) {
        if (table == null || table.isBlank()) {
            return "give the table, e.g. \"customers\" or \"crm.customers\"";
        }
        return TABLE.matcher(table).matches() ? null
                : "'" + table + "' is not a table name: use letters, digits and _ (not starting with a digit), "
                        + "optionally after a schema and a dot, e.g. \"crm.customers\"";
    }

    /** Why a column name cannot be written, or null when it is fine. */
    static String columnProblem(String column) {
        if (column.length() > 63) {
            return "column name '" + column.substring(0, 20) + "...' is longer than 63 characters; rename it first";
        }
        for (int i = 0; i < column.length(); i++) {
            char c = column.charAt(i);
            if (c == '"' || c == '`' || c == '\'' || c == '\\' || Character.isISOControl(c)) {
                return "column name '" + column.replaceAll("\\p{Cntrl}", "?") + "' holds a quote, backslash or "
                        + "control character, which no table column may; rename it first";
            }
        }
        return null;
    }

    /** The quoted form of an identifier already checked; a schema-qualified table is quoted part by part. */
    static String quote(String name, Dialect dialect) {
        String q = dialect.quote();
        StringBuilder b = new StringBuilder();
        for (String part : name.split("\\.", -1)) {
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(q).append(part).append(q);
        }
        return b.toString();
    }

    /** A column name quoted: it may itself contain dots, so it is never split. */
    static String quoteColumn(String name, Dialect dialect) {
        return dialect.quote() + name + dialect.quote();
    }
}
