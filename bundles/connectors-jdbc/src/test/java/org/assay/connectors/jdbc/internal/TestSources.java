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
    private final Map<String, java.util.Set<String>> allowed = new ConcurrentHashMap<>();
    private String workflow = "test-workflow";

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

    /** Restricts a source to these workflows (by default every source allows every workflow). */
    TestSources allow(String name, String... workflows) {
        allowed.put(name, java.util.Set.of(workflows));
        return this;
    }

    /** The workflow the runs of this test belong to. */
    TestSources runningWorkflow(String id) {
        workflow = id;
        return this;
    }

    @Override
    public java.util.Set<String> allowedWorkflows(String name) {
        return allowed.getOrDefault(name, java.util.Set.of("*"));
    }

    @Override
    public Optional<String> workflowOf(String runId) {
        return Optional.ofNullable(workflow);
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
