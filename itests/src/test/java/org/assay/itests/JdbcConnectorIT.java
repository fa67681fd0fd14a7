package org.assay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.sql.DataSource;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.junit.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The database connectors in the real distribution: the shipped H2 data source {@code assay}
 * comes up from its cfg file, a workflow stores rows in it and another reads them back, a
 * data source that is not configured fails its step with the file to create, and the
 * PostgreSQL driver installs offline from the distribution.
 */
public class JdbcConnectorIT extends AssayKarafTestSupport {

    private static final String STORE = """
            { "format": 1, "id": "it-jdbc-store", "steps": [
              { "id": "customers", "type": "csv-reader", "params": { "path": "data/customers.csv",
                "columns": { "customer_id": "integer,id", "email": "string,pii", "first_name": "string,pii", "last_name": "string,pii" } } },
              { "id": "store", "type": "jdbc-writer", "inputs": { "in": "customers" },
                "params": { "dataSource": "assay", "table": "it_customers", "mode": "replace",
                            "keys": ["customer_id"], "pii": "drop" } } ] }
            """;

    private static final String LOAD = """
            { "format": 1, "id": "it-jdbc-load", "steps": [
              { "id": "load", "type": "jdbc-reader",
                "params": { "dataSource": "assay", "query": "SELECT * FROM it_customers WHERE customer_id >= :from",
                            "parameters": { "from": "0" } } },
              { "id": "out", "type": "csv-writer", "inputs": { "in": "load" }, "params": { "path": "loaded.csv" } } ] }
            """;

    private static final String NOWHERE = """
            { "format": 1, "id": "it-jdbc-nowhere", "steps": [
              { "id": "load", "type": "jdbc-reader", "params": { "dataSource": "nowhere", "table": "customers" } } ] }
            """;

    @Test
    public void theShippedH2SourceStoresAndReadsBack() throws Exception {
        assertNotNull("the assay data source from etc/org.ops4j.datasource-assay.cfg", assaySource());
        awaitStepType("jdbc-writer", null);
        awaitStepType("jdbc-reader", null);

        deploy(STORE, "JdbcConnectorIT");
        RunInfo stored = awaitFinished(runs().start("it-jdbc-store").runId());
        assertEquals(describe(stored), RunStatus.SUCCEEDED, stored.status());
        StepRunInfo writer = step(stored, "store");
        assertTrue(describe(stored), writer.rowsOut() > 100);

        // Twice: replace leaves one copy, not two.
        RunInfo again = awaitFinished(runs().start("it-jdbc-store").runId());
        assertEquals(describe(again), RunStatus.SUCCEEDED, again.status());

        deploy(LOAD, "JdbcConnectorIT");
        RunInfo loaded = awaitFinished(runs().start("it-jdbc-load").runId());
        assertEquals(describe(loaded), RunStatus.SUCCEEDED, loaded.status());
        assertEquals(describe(loaded), writer.rowsOut(), step(loaded, "load").rowsOut());

        Path csv = step(loaded, "out").artifacts().get(0).path();
        String header = Files.readAllLines(csv).get(0);
        assertTrue(header, header.startsWith("customer_id,"));
        assertFalse("pii was dropped before the table: " + header, header.contains("email"));

        Path db = Path.of(System.getProperty("karaf.base"), "data", "h2", "assay.mv.db");
        assertTrue("the database is a file under data/: " + db, Files.isRegularFile(db));
    }

    @Test
    public void aSourceThatIsNotConfiguredFailsItsStepWithTheFileToCreate() throws Exception {
        awaitStepType("jdbc-reader", null);
        deploy(NOWHERE, "JdbcConnectorIT");
        RunInfo run = awaitFinished(runs().start("it-jdbc-nowhere").runId());
        assertEquals(describe(run), RunStatus.FAILED, run.status());
        String error = step(run, "load").error();
        assertTrue(describe(run), error.contains("no data source 'nowhere' is configured; create "
                + "etc/org.ops4j.datasource-nowhere.cfg"));
        assertFalse("no stack trace: " + error, error.contains("\tat ") || error.contains("Exception"));
    }

    @Test
    public void thePostgresqlAndMariadbDriversInstallOffline() throws Exception {
        executeCommand("feature:install assay-jdbc-postgresql");
        executeCommand("feature:install assay-jdbc-mariadb");
        Set<String> notActive = awaitActive(Set.of("org.postgresql.jdbc", "mariadb-java-client", "org.ops4j.pax.jdbc.mariadb"));
        assertTrue("not active: " + notActive + "\n" + executeCommand("feature:list -i"), notActive.isEmpty());
        // The names a cfg file gives as osgi.jdbc.driver.name.
        assertNotNull(tracked(DataSourceFactory.class, "(osgi.jdbc.driver.name=PostgreSQL JDBC Driver)"));
        assertNotNull(tracked(DataSourceFactory.class, "(osgi.jdbc.driver.name=mariadb)"));
    }

    /**
     * A data source whose password is a named secret: the cfg says {@code $[secret:NAME]}, the
     * value is the file etc/NAME. The workflow names only the source; the password appears in
     * no run file and no log line.
     */
    @Test
    public void aPasswordIsANamedSecretThatNoRunFileOrLogShows() throws Exception {
        String password = "pw-" + Long.toHexString(System.nanoTime()) + "-never-shown";
        Path etc = Path.of(System.getProperty("karaf.etc"));
        Path secret = etc.resolve("it_vault_password");
        Files.writeString(secret, password);
        Files.writeString(etc.resolve("org.ops4j.datasource-vault.cfg"), String.join("\n",
                "osgi.jdbc.driver.name = H2 JDBC Driver", "dataSourceName = vault",
                "url = jdbc:h2:mem:vault;DB_CLOSE_DELAY=-1", "user = keeper",
                "password = $[secret:it_vault_password]", "pool = dbcp2", "xa = false",
                "assay.workflows = it-jdbc-vault", ""));
        assertNotNull("the vault data source", source("vault"));
        awaitStepType("jdbc-writer", null);
        deploy(STORE.replace("it-jdbc-store", "it-jdbc-vault").replace("\"assay\"", "\"vault\""), "JdbcConnectorIT");
        RunInfo run = awaitFinished(runs().start("it-jdbc-vault").runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
        // Another workflow may not reach the vault: its cfg lists only it-jdbc-vault.
        deploy(STORE.replace("it-jdbc-store", "it-jdbc-intruder").replace("\"assay\"", "\"vault\""),
                "JdbcConnectorIT");
        RunInfo intruder = awaitFinished(runs().start("it-jdbc-intruder").runId());
        assertEquals(describe(intruder), RunStatus.FAILED, intruder.status());
        assertTrue(describe(intruder), describe(intruder).contains("workflow 'it-jdbc-intruder' may not use data"
                + " source 'vault'"));

        // The H2 database was created with the secret's value as its password: connecting with
        // that value proves the cfg's $[secret:...] was replaced by the file's content.
        DataSourceFactory h2 = tracked(DataSourceFactory.class, "(osgi.jdbc.driver.name=H2 JDBC Driver)");
        java.util.Properties props = new java.util.Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, "jdbc:h2:mem:vault");
        props.setProperty(DataSourceFactory.JDBC_USER, "keeper");
        props.setProperty(DataSourceFactory.JDBC_PASSWORD, password);
        try (var c = h2.createDataSource(props).getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM \"it_customers\"")) {
            rs.next();
            assertEquals(step(run, "store").rowsOut(), rs.getLong(1));
        }
        java.util.List<Path> files = new java.util.ArrayList<>();
        try (var walk = Files.walk(run.folder())) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        files.add(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"));
        for (Path f : files) {
            assertFalse(f + " holds the password", Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains(password));
        }
    }

    private DataSource assaySource() throws Exception {
        return source("assay");
    }

    private DataSource source(String name) throws Exception {
        return tracked(DataSource.class, "(dataSourceName=" + name + ")");
    }

    private <T> T tracked(Class<T> type, String filter) throws Exception {
        ServiceTracker<T, T> t = new ServiceTracker<>(bundleContext,
                FrameworkUtil.createFilter("(&(objectClass=" + type.getName() + ")" + filter + ")"), null);
        t.open();
        try {
            return t.waitForService(SERVICE_TIMEOUT.toMillis());
        } finally {
            t.close();
        }
    }
}
