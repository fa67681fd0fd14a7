package org.assay.connectors.jdbc.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The connectors against a real MariaDB server: Debian's mariadbd (package mariadb-server, which
 * .ci/run installs), started for this class on a free port with its own data folder and stopped after.
 */
class MariaDbConnectorTest {

    private static Process server;
    private static Path data;
    private static DataSource shop;

    @TempDir
    Path dir;

    private TestSources sources;

    @BeforeAll
    static void start() throws Exception {
        Path daemon = Path.of("/usr/sbin/mariadbd");
        Path install = Path.of("/usr/bin/mariadb-install-db");
        if (!Files.isExecutable(daemon) || !Files.isExecutable(install)) {
            throw new IllegalStateException("MariaDbConnectorTest needs a MariaDB server: apt-get install mariadb-server"
                    + " (.ci/run installs it)");
        }
        data = Files.createTempDirectory("assay-mariadb");
        String user = System.getProperty("user.name");
        run(List.of(install.toString(), "--no-defaults", "--datadir=" + data.resolve("db"), "--user=" + user,
                "--auth-root-authentication-method=normal", "--skip-test-db"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = new ProcessBuilder(daemon.toString(), "--no-defaults", "--datadir=" + data.resolve("db"),
                "--socket=" + data.resolve("mysqld.sock"), "--pid-file=" + data.resolve("mysqld.pid"),
                "--port=" + port, "--bind-address=127.0.0.1", "--user=" + user, "--skip-log-bin")
                .redirectErrorStream(true).redirectOutput(data.resolve("mariadbd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !server.isAlive()) {
                    throw new IllegalStateException("mariadbd did not start: " + Files.readString(
                            data.resolve("mariadbd.log")));
                }
                Thread.sleep(200);
            }
        }
        MariaDbDataSource root = new MariaDbDataSource("jdbc:mariadb://127.0.0.1:" + port + "/mysql?user=root");
        TestSources.sql(root, "CREATE DATABASE shop");
        shop = new MariaDbDataSource("jdbc:mariadb://127.0.0.1:" + port + "/shop?user=root");
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
        if (data != null) {
            List<Path> all = new ArrayList<>();
            try (var walk = Files.walk(data)) {
                walk.forEach(all::add);
            }
            for (int i = all.size() - 1; i >= 0; i--) {
                Files.deleteIfExists(all.get(i));
            }
        }
    }

    @BeforeEach
    void tables() throws Exception {
        TestSources.sql(shop, "DROP TABLE IF EXISTS orders", "DROP TABLE IF EXISTS order_totals",
                "CREATE TABLE orders (order_id BIGINT PRIMARY KEY, customer_id INT NOT NULL, amount DECIMAL(12,2),"
                        + " ordered DATE, note VARCHAR(40))");
        StringBuilder insert = new StringBuilder("INSERT INTO orders VALUES ");
        for (int g = 1; g <= 3000; g++) {
            insert.append(g == 1 ? "" : ",").append('(').append(g).append(',').append(g % 100).append(',')
                    .append(g * 0.25).append(",DATE '2024-01-01' + INTERVAL ").append(g % 365).append(" DAY,'n")
                    .append(g).append("')");
        }
        TestSources.sql(shop, insert.toString());
        sources = new TestSources().with("shop", shop);
    }

    private StepTestRunner reader() {
        return new StepTestRunner(new JdbcReaderStepType(sources), dir).param("dataSource", "shop");
    }

    @Test
    void readsATableAndAParameterisedQuery() throws Exception {
        StepTestRunner all = reader().param("table", "orders").param("fetchSize", 500).run();
        assertEquals(3000, all.output("out").size());
        StepTestRunner q = reader().param("query", "SELECT order_id, amount, ordered FROM orders WHERE ordered >= :since"
                + " AND note <> :note ORDER BY order_id").param("parameters", Map.of("since", "2024-12-01",
                        "note", "x'; DROP TABLE orders; --")).run();
        Schema s = q.outputSchema("out");
        assertEquals(List.of(FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE),
                s.fields().stream().map(Field::type).toList());
        assertTrue(q.output("out").size() > 50);
        assertEquals(LocalDate.of(2024, 12, 1), q.output("out").get(0)[2]);
        assertEquals(3000, TestSources.count(shop, "orders"), "the injected value was only a value");
        q.assertRowsAccountedFor();
    }

    @Test
    void writesUpsertsOnDuplicateKeyAndRollsBackAFailedRun() throws Exception {
        Schema s = Schema.of(Field.of("customer_id", FieldType.INTEGER), Field.of("total", FieldType.DECIMAL),
                Field.of("last_paid", FieldType.TIMESTAMP), Field.of("first_order", FieldType.DATE));
        Instant t = Instant.parse("2024-03-04T05:06:07Z");
        new StepTestRunner(new JdbcWriterStepType(sources), dir).param("dataSource", "shop").param("table", "order_totals")
                .param("keys", List.of("customer_id"))
                .input("in", s, row(1L, 10.5, t, LocalDate.of(2024, 1, 2)), row(2L, 3.0, null, null)).run();
        new StepTestRunner(new JdbcWriterStepType(sources), dir).param("dataSource", "shop").param("table", "order_totals")
                .param("mode", "upsert").param("keys", List.of("customer_id"))
                .input("in", s, row(2L, 4.0, t, null), row(3L, 1.0, null, null)).run();
        List<Object[]> back = reader().param("query", "SELECT * FROM order_totals ORDER BY customer_id").run()
                .output("out");
        assertEquals(3, back.size());
        assertArrayEquals(row(2L, 4.0, t, null), back.get(1), "upsert replaced customer 2 (ON DUPLICATE KEY UPDATE)");
        assertEquals(LocalDate.of(2024, 1, 2), back.get(0)[3]);

        // InnoDB rolls back the whole run: the first batch and the delete of replace.
        StepFailure f = assertThrows(StepFailure.class, () -> new StepTestRunner(new JdbcWriterStepType(sources), dir)
                .param("dataSource", "shop").param("table", "order_totals").param("mode", "replace")
                .param("batchSize", 1).input("in", s, row(7L, 1.0, null, null), row(7L, 2.0, null, null)).run());
        assertTrue(f.getMessage().toLowerCase(java.util.Locale.ROOT).contains("duplicate"), f.getMessage());
        assertEquals(3, TestSources.count(shop, "order_totals"));
    }
}
