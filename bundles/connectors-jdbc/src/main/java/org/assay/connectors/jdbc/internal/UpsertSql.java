package org.assay.connectors.jdbc.internal;

import java.util.List;
import java.util.stream.Collectors;

/** The INSERT, or the insert-or-update, each database understands; every name quoted. */
final class UpsertSql {

    private UpsertSql() {
    }

    static String statement(Dialect d, String quotedTable, List<String> columns, List<String> keys, boolean upsert) {
        String cols = quotedList(columns, d);
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        if (!upsert) {
            return "INSERT INTO " + quotedTable + " (" + cols + ") VALUES (" + marks + ")";
        }
        List<String> others = columns.stream().filter(c -> !keys.contains(c)).toList();
        return switch (d) {
            case H2 -> "MERGE INTO " + quotedTable + " (" + cols + ") KEY (" + quotedList(keys, d) + ") VALUES ("
                    + marks + ")";
            case POSTGRESQL -> "INSERT INTO " + quotedTable + " (" + cols + ") VALUES (" + marks + ") ON CONFLICT ("
                    + quotedList(keys, d) + ") " + (others.isEmpty() ? "DO NOTHING" : "DO UPDATE SET "
                            + others.stream().map(c -> q(c, d) + " = EXCLUDED." + q(c, d))
                                    .collect(Collectors.joining(", ")));
            case MARIADB -> "INSERT INTO " + quotedTable + " (" + cols + ") VALUES (" + marks + ") ON DUPLICATE KEY "
                    + "UPDATE " + (others.isEmpty() ? q(keys.get(0), d) + " = " + q(keys.get(0), d)
                            : others.stream().map(c -> q(c, d) + " = VALUES(" + q(c, d) + ")")
                                    .collect(Collectors.joining(", ")));
            case OTHER -> throw new IllegalStateException("upsert is not supported on this database");
        };
    }

    static String quotedList(List<String> names, Dialect d) {
        return names.stream().map(n -> q(n, d)).collect(Collectors.joining(", "));
    }

    private static String q(String name, Dialect d) {
        return Identifiers.quoteColumn(name, d);
    }
}
