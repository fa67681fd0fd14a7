package org.assay.connectors.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases whose SQL differs where jdbc-writer needs it: upserts and column types. */
enum Dialect {
    H2, POSTGRESQL, MARIADB, OTHER;

    static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return MARIADB;
        }
        return OTHER;
    }

    boolean supportsUpsert() {
        return this != OTHER;
    }

    /** The identifier quote: MariaDB/MySQL use backticks unless ANSI_QUOTES is set. */
    String quote() {
        return this == MARIADB ? "`" : "\"";
    }
}
