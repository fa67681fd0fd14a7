package org.assay.connectors.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Named data sources for tests: real H2 databases in memory, and whatever a test adds. */
final class TestSources implements DataSources {

    private final Map<String, DataSource> byName = new ConcurrentHashMap<>();

    /** A fresh in-memory H2 database, kept while the JVM runs, under {@code name}. */
    static JdbcDataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    TestSources with(String name, DataSource ds) {
        byName.put(name, ds);
        return this;
    }

    @Override
    public Optional<DataSource> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public SortedSet<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    static void sql(DataSource ds, String... statements) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }

    static long count(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
