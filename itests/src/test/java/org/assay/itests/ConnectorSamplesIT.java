package org.assay.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.assay.api.step.ArtifactKind;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.junit.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The connector samples shipped in workflows/, as a newcomer runs them: {@code shop-seed} and
 * {@code customer-orders-db} (customers from the H2 source {@code assay}, orders from a
 * PostgreSQL source {@code shop}, joined and written back to {@code assay}), and
 * {@code web-sessions} (the generated access log, sessions per day, a bar chart).
 *
 * <p>The distribution has no PostgreSQL server: this class starts a real one (zonky's embedded
 * binaries) in the test JVM, where Pax Exam instantiates the class for its configuration, and
 * leaves its port in a file beside the unpacked Karaf; the test in the container then writes
 * the {@code etc/org.ops4j.datasource-shop.cfg} the README documents.
 */
public class ConnectorSamplesIT extends AssayKarafTestSupport {

    private static final String PORT_FILE = "connector-samples-postgres.port";
    /** The bundle the archetype's own test generated and built, copied here by the test JVM. */
    private static final String GENERATED_JAR = "connector-samples-generated.jar";

    static {
        // Runs in both JVMs; only the test JVM (no karaf.base) has zonky on its class path.
        if (System.getProperty("karaf.base") == null && System.getProperty("assay.itestDir") != null) {
            Path dir = Path.of(System.getProperty("assay.itestDir"));
            startPostgres(dir.resolve(PORT_FILE));
            copyGeneratedConnector(dir.resolve(GENERATED_JAR));
        }
    }

    private static void copyGeneratedConnector(Path target) {
        String jar = System.getProperty("assay.generatedConnector");
        try {
            Files.deleteIfExists(target);
            if (jar != null && Files.isRegularFile(Path.of(jar))) {
                Files.copy(Path.of(jar), target);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not copy " + jar, e);
        }
    }

    /**
     * Started by reflection so that the probe bundle, which holds this class too, never links
     * zonky's classes in the container.
     */
    private static void startPostgres(Path portFile) {
        try {
            Class<?> type = Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres");
            Object builder = type.getMethod("builder").invoke(null);
            AutoCloseable postgres = (AutoCloseable) builder.getClass().getMethod("start").invoke(builder);
            int port = (int) type.getMethod("getPort").invoke(postgres);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (Exception e) {
                    // The JVM is exiting; zonky's own hook removes the data folder.
                }
            }));
            Files.writeString(portFile, String.valueOf(port));
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL for ConnectorSamplesIT", e);
        }
    }

    /** Keeps the Karaf log beside the unpacked container when a test fails (Pax Exam deletes it). */
    @org.junit.Rule
    public final org.junit.rules.TestWatcher keepLog = new org.junit.rules.TestWatcher() {
        @Override
        protected void failed(Throwable e, org.junit.runner.Description d) {
            try {
                Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
                Path target = Path.of(System.getProperty("karaf.base")).toAbsolutePath().getParent().getParent();
                Files.copy(log, target.resolve("connector-samples-karaf.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (Exception ignored) {
                // Only a help for diagnosis.
            }
        }
    };

    @Test
    public void customersFromH2AndOrdersFromPostgresAreJoinedIntoATable() throws Exception {
        int port = postgresPort();
        executeCommand("feature:install assay-jdbc-postgresql");
        // What the README tells a newcomer to write, pointed at the test's server.
        Path cfg = Path.of(System.getProperty("karaf.etc"), "org.ops4j.datasource-shop.cfg");
        Files.writeString(cfg, String.join("\n", "osgi.jdbc.driver.name = PostgreSQL JDBC Driver",
                "dataSourceName = shop", "url = jdbc:postgresql://localhost:" + port + "/postgres",
                "user = postgres", "password =", "pool = dbcp2", "xa = false",
                "assay.workflows = shop-seed, customer-orders-db", ""));
        DataSource shop = source("shop");
        assertNotNull("the shop data source from " + cfg, shop);
        DataSource assay = source("assay");
        assertNotNull("the shipped assay data source", assay);

        awaitDeployed("shop-seed");
        RunInfo seeded = awaitFinished(runs().start("shop-seed").runId());
        assertEquals(describe(seeded), RunStatus.SUCCEEDED, seeded.status());

        // The expected figures, straight from the bundled files: the customers the seed kept
        // (customers.csv has malformed lines, quarantined) and their paid orders.
        StepRunInfo seedCustomers = step(seeded, "customers");
        long customers = seedCustomers.rowsOut();
        assertTrue(describe(seeded), customers > 2_900 && seedCustomers.quarantined() > 0);
        assertEquals(customers, count(assay, "SELECT COUNT(*) FROM crm_customers"));
        Set<String> known = new HashSet<>();
        try (Connection c = assay.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT customer_id FROM crm_customers")) {
            while (rs.next()) {
                known.add(String.valueOf(rs.getLong(1)));
            }
        }
        List<String> orders = Files.readAllLines(workflowDir().resolve("data").resolve("orders.csv"));
        assertEquals(orders.size() - 1, count(shop, "SELECT COUNT(*) FROM orders"));
        long paid = 0;
        long paidOfKnown = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        Set<String> buyers = new HashSet<>();
        for (String line : orders.subList(1, orders.size())) {
            String[] f = line.split(",");
            BigDecimal amount = new BigDecimal(f[3]);
            if (amount.signum() > 0) {
                paid++;
                if (known.contains(f[1])) {
                    paidOfKnown++;
                    revenue = revenue.add(amount);
                    buyers.add(f[1]);
                }
            }
        }

        awaitDeployed("customer-orders-db");
        RunInfo run = awaitFinished(runs().start("customer-orders-db").runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
        assertEquals(describe(run), paid, step(run, "orders").rowsOut());
        StepRunInfo store = step(run, "store");
        assertEquals(describe(run), customers, store.rowsOut());

        try (Connection c = assay.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(order_count), SUM(revenue), COUNT(order_count),"
                        + " COUNT(DISTINCT customer_id), MAX(last_order) FROM customer_order_totals")) {
            assertTrue(rs.next());
            assertEquals("one row per customer", customers, rs.getLong(1));
            assertEquals("every paid order of a known customer counted once", paidOfKnown, rs.getLong(2));
            assertEquals("revenue of the paid orders", revenue.doubleValue(), rs.getDouble(3), 0.005);
            assertEquals("customers with a paid order", buyers.size(), rs.getLong(4));
            assertEquals("customer_id is the key", customers, rs.getLong(5));
            assertNotNull(rs.getDate(6));
        }
        try (Connection c = assay.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM customer_order_totals WHERE 1 = 0")) {
            Set<String> columns = new HashSet<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            }
            assertTrue(columns.toString(), columns.containsAll(Set.of("customer_id", "city", "order_count",
                    "revenue", "last_order", "channels")));
            assertTrue("no personal column reached the table: " + columns, !columns.contains("email"));
        }
    }

    @Test
    public void theGeneratedAccessLogIsChartedAsSessionsPerDay() throws Exception {
        awaitDeployed("web-sessions");
        RunInfo run = awaitFinished(runs().start("web-sessions").runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());

        StepRunInfo requests = step(run, "requests");
        // AccessLogGenerator: 3,922 lines, three of them garbage.
        assertEquals(describe(run), 3, requests.quarantined());
        assertEquals(describe(run), 3_919, requests.rowsOut());
        // AccessLogGeneratorTest pins the same figures: 569 sessions over 14 days, 34 on the first.
        assertEquals(describe(run), 569, step(run, "sessions").rowsOut());

        Path table = step(run, "table").artifacts().stream().filter(a -> a.kind() == ArtifactKind.DATA)
                .findFirst().orElseThrow().path();
        List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
        assertEquals(String.join("\n", lines), 1 + 14, lines.size());
        List<String> header = List.of(lines.get(0).split(","));
        int day = header.indexOf("day");
        int sessions = header.indexOf("sessions");
        long total = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            total += Long.parseLong(f[sessions]);
            if (f[day].equals("2025-03-03")) {
                assertEquals(line, "34", f[sessions]);
            }
        }
        assertEquals(569, total);

        // A chart step writes the PNG and the SVG under one title (and its data as CSV).
        List<ArtifactInfo> charts = step(run, "chart").artifacts().stream()
                .filter(a -> a.kind() == ArtifactKind.CHART && a.path().toString().endsWith(".png")).toList();
        assertEquals(step(run, "chart").artifacts().toString(), 1, charts.size());
        try (InputStream in = Files.newInputStream(charts.get(0).path())) {
            assertArrayEquals(charts.get(0).path() + " is not a PNG", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
                    in.readNBytes(4));
        }
    }

    private static final String INCREMENTAL = """
            { "format": 1, "id": "it-jdbc-incremental", "steps": [
              { "id": "new-orders", "type": "jdbc-reader",
                "params": { "dataSource": "assay", "table": "it_incremental", "watermark": "order_id" } },
              { "id": "copy", "type": "jdbc-writer", "inputs": { "in": "new-orders" },
                "params": { "dataSource": "assay", "table": "it_incremental_copy", "mode": "append" } } ] }
            """;

    /**
     * Incremental jdbc-reader on the real engine: the watermark advances only after a run that
     * succeeded, which the reader learns from the engine's run records.
     */
    @Test
    public void anIncrementalReaderReadsOnlyRowsAddedSinceTheLastSuccessfulRun() throws Exception {
        DataSource assay = source("assay");
        assertNotNull(assay);
        sql(assay, "DROP TABLE IF EXISTS it_incremental", "DROP TABLE IF EXISTS it_incremental_copy",
                "CREATE TABLE it_incremental (order_id BIGINT PRIMARY KEY, amount DOUBLE PRECISION)",
                "CREATE TABLE it_incremental_copy (order_id BIGINT, amount DOUBLE PRECISION NOT NULL)",
                "INSERT INTO it_incremental VALUES (1, 10), (2, 20), (3, 30)");
        awaitStepType("jdbc-reader", null);
        deploy(INCREMENTAL, "ConnectorSamplesIT");
        assertEquals(3, read());
        assertEquals("nothing new", 0, read());
        sql(assay, "INSERT INTO it_incremental VALUES (4, 40), (5, 50)");
        assertEquals(2, read());
        // The copy refuses a row without an amount: the run fails after the reader read the
        // row, so the watermark stays and the run after the fix reads the row again.
        sql(assay, "INSERT INTO it_incremental VALUES (6, NULL)");
        RunInfo failed = awaitFinished(runs().start("it-jdbc-incremental").runId());
        assertEquals(describe(failed), RunStatus.FAILED, failed.status());
        assertEquals(describe(failed), 1, step(failed, "new-orders").rowsOut());
        sql(assay, "UPDATE it_incremental SET amount = 60 WHERE order_id = 6");
        assertEquals("the failed run did not advance the watermark", 1, read());
        assertEquals(6, count(assay, "SELECT COUNT(*) FROM it_incremental_copy"));
    }

    private long read() throws Exception {
        RunInfo run = awaitFinished(runs().start("it-jdbc-incremental").runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
        return step(run, "new-orders").rowsOut();
    }

    private static void sql(DataSource source, String... statements) throws Exception {
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }

    /**
     * The archetype chain: the project archetypes/connector-archetype generated and built in
     * its own test (groupId com.example.assay, step crm-reader) installs into the running
     * distribution, its step is listed and runs in a workflow.
     */
    @Test
    public void aConnectorGeneratedFromTheArchetypeRunsInAWorkflow() throws Exception {
        Path jar = besideKaraf(GENERATED_JAR, Duration.ofSeconds(5));
        assertNotNull("no " + GENERATED_JAR + ": build archetypes/connector-archetype (mvn install) before the itests",
                jar);
        org.osgi.framework.Bundle bundle = bundleContext.installBundle(jar.toUri().toString());
        try {
            bundle.start();
            awaitStepType("crm-reader", null);
            assertTrue(executeCommand("assay:step-list"), executeCommand("assay:step-list").contains("crm-reader"));
            Files.writeString(workflowDir().resolve("data").resolve("it-crm-settings.txt"),
                    "region = north\nnot a pair\nlimit=10\n");
            deploy("""
                    { "format": 1, "id": "it-generated-connector", "steps": [
                      { "id": "settings", "type": "crm-reader", "params": { "path": "data/it-crm-settings.txt" } },
                      { "id": "out", "type": "csv-writer", "inputs": { "in": "settings" }, "params": { "path": "settings.csv" } } ] }
                    """, "ConnectorSamplesIT");
            RunInfo run = awaitFinished(runs().start("it-generated-connector").runId());
            assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
            assertEquals(describe(run), 2, step(run, "settings").rowsOut());
            assertEquals(describe(run), 1, step(run, "settings").quarantined());
        } finally {
            bundle.uninstall();
        }
    }

    /** The port the test JVM left beside the unpacked Karaf (target/exam/<uuid>). */
    private static int postgresPort() throws Exception {
        Path file = besideKaraf(PORT_FILE, Duration.ofSeconds(60));
        if (file == null) {
            fail("no " + PORT_FILE + " above " + System.getProperty("karaf.base")
                    + ": the test JVM did not start PostgreSQL");
        }
        return Integer.parseInt(Files.readString(file).strip());
    }

    /** A file the test JVM left in a folder above the unpacked Karaf, or null after the wait. */
    private static Path besideKaraf(String name, Duration wait) throws InterruptedException {
        Path base = Path.of(System.getProperty("karaf.base")).toAbsolutePath();
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            for (Path dir = base; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve(name))) {
                    return dir.resolve(name);
                }
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return null;
    }

    private static long count(DataSource source, String sql) throws Exception {
        try (Connection c = source.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private DataSource source(String name) throws Exception {
        ServiceTracker<DataSource, DataSource> t = new ServiceTracker<>(bundleContext, FrameworkUtil.createFilter(
                "(&(objectClass=" + DataSource.class.getName() + ")(dataSourceName=" + name + "))"), null);
        t.open();
        try {
            return t.waitForService(SERVICE_TIMEOUT.toMillis());
        } finally {
            t.close();
        }
    }
}
