package org.assay.connectors.jdbc.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The connectors against a real PostgreSQL server, started from zonky's packaged binaries for this class. */
class PostgresConnectorTest {

    private static EmbeddedPostgres server;
    private static DataSource shop;

    @TempDir
    Path dir;

    private TestSources sources;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgres.builder().start();
        shop = server.getPostgresDatabase();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void tables() throws Exception {
        TestSources.sql(shop, "DROP TABLE IF EXISTS orders", "DROP TABLE IF EXISTS order_totals",
                "CREATE TABLE orders (order_id BIGINT PRIMARY KEY, customer_id INT NOT NULL, amount NUMERIC(12,2), "
                        + "refunded BOOLEAN, ordered DATE, paid TIMESTAMPTZ, note TEXT, ref UUID)",
                "INSERT INTO orders SELECT g, g % 100, g * 0.25, g % 7 = 0, DATE '2024-01-01' + (g % 365), "
                        + "TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL '1 minute', 'n' || g, NULL "
                        + "FROM generate_series(1, 20000) g");
        sources = new TestSources().with("shop", shop);
    }

    private StepTestRunner reader() {
        return new StepTestRunner(new JdbcReaderStepType(sources), dir).param("dataSource", "shop");
    }

    @Test
    void readsAQueryWithTypedParametersThroughACursor() throws Exception {
        StepTestRunner r = reader().param("query", "SELECT * FROM orders WHERE ordered >= :since AND refunded = :refunded "
                + "AND amount::numeric > :min ORDER BY order_id").param("parameters", Map.of("since", "2024-12-01",
                        "refunded", "false", "min", "10")).param("fetchSize", 100).run();
        Schema s = r.outputSchema("out");
        assertEquals(List.of(FieldType.INTEGER, FieldType.INTEGER, FieldType.DECIMAL, FieldType.BOOLEAN, FieldType.DATE,
                FieldType.TIMESTAMP, FieldType.STRING, FieldType.STRING), s.fields().stream().map(Field::type).toList());
        assertTrue(r.output("out").size() > 100, "more rows than one fetch");
        Object[] first = r.output("out").get(0);
        assertEquals(LocalDate.of(2024, 12, 1), first[4]);
        assertEquals(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * (Long) first[0]), first[5]);
        r.assertRowsAccountedFor();
    }

    @Test
    void streamsAWholeTable() throws Exception {
        StepTestRunner r = reader().param("table", "orders").param("fetchSize", 1000).run();
        assertEquals(20000, r.output("out").size());
        assertEquals(5, r.outputBatches("out").size());
        assertEquals(20000, r.countedIn());
    }

    @Test
    void theTransactionIsReadOnlyWhateverTheQuerySays() throws Exception {
        // Passes the SELECT/WITH check, but would delete: PostgreSQL refuses it in a read-only transaction.
        StepFailure f = assertThrows(StepFailure.class, () -> reader()
                .param("query", "WITH gone AS (DELETE FROM orders RETURNING *) SELECT count(*) FROM gone").run());
        assertTrue(f.getMessage().contains("read-only transaction"), f.getMessage());
        assertEquals(20000, TestSources.count(shop, "orders"));
        // The connection goes back to the pool writable.
        new StepTestRunner(new JdbcWriterStepType(sources), dir).param("dataSource", "shop").param("table", "after")
                .input("in", Schema.of(Field.of("x", FieldType.INTEGER)), row(1L)).run();
        assertEquals(1, TestSources.count(shop, "after"));
        TestSources.sql(shop, "DROP TABLE after");
    }

    @Test
    void anInjectedValueIsOnlyAValue() throws Exception {
        StepTestRunner r = reader().param("query", "SELECT order_id FROM orders WHERE note = :note")
                .param("parameters", Map.of("note", "n1'; DELETE FROM orders; --")).run();
        assertEquals(0, r.output("out").size());
        assertEquals(20000, TestSources.count(shop, "orders"));
    }

    @Test
    void writesUpsertsAndRollsBackOnPostgres() throws Exception {
        Schema s = Schema.of(Field.of("customer_id", FieldType.INTEGER), Field.of("total", FieldType.DECIMAL),
                Field.of("last_paid", FieldType.TIMESTAMP), Field.of("first_order", FieldType.DATE));
        Instant t = Instant.parse("2024-03-04T05:06:07.089Z");
        new StepTestRunner(new JdbcWriterStepType(sources), dir).param("dataSource", "shop").param("table", "order_totals")
                .param("keys", List.of("customer_id"))
                .input("in", s, row(1L, 10.5, t, LocalDate.of(2024, 1, 2)), row(2L, 3.0, null, null)).run();
        new StepTestRunner(new JdbcWriterStepType(sources), dir).param("dataSource", "shop").param("table", "order_totals")
                .param("mode", "upsert").param("keys", List.of("customer_id"))
                .input("in", s, row(2L, 4.0, t, null), row(3L, 1.0, null, null)).run();
        List<Object[]> back = reader().param("query", "SELECT * FROM order_totals ORDER BY customer_id").run().output("out");
        assertArrayEquals(row(1L, 10.5, t, LocalDate.of(2024, 1, 2)), back.get(0));
        assertArrayEquals(row(2L, 4.0, t, null), back.get(1));
        assertEquals(3, back.size());

        // A refused row in the second batch: the first batch and the delete of replace are rolled back.
        StepFailure f = assertThrows(StepFailure.class, () -> new StepTestRunner(new JdbcWriterStepType(sources), dir)
                .param("dataSource", "shop").param("table", "order_totals").param("mode", "replace").param("batchSize", 1)
                .input("in", s, row(7L, 1.0, null, null), row(7L, 2.0, null, null)).run());
        assertTrue(f.getMessage().contains("duplicate key"), f.getMessage());
        assertEquals(3, TestSources.count(shop, "order_totals"));

        // Quarantine on PostgreSQL needs the savepoints: without them the transaction is aborted.
        StepTestRunner q = new StepTestRunner(new JdbcWriterStepType(sources), dir).param("dataSource", "shop")
                .param("table", "order_totals").param("onReject", "quarantine").param("batchSize", 10)
                .input("in", s, row(8L, 1.0, null, null), row(1L, 2.0, null, null), row(9L, 1.0, null, null)).run();
        assertEquals(1, q.quarantined().size());
        assertTrue(q.quarantined().get(0).reason().contains("duplicate key"), q.quarantined().get(0).reason());
        assertEquals(5, TestSources.count(shop, "order_totals"));
        q.assertRowsAccountedFor();
    }

    @Test
    void designTimeSchemaAndAWrongPasswordOnPostgres() {
        JdbcReaderStepType type = new JdbcReaderStepType(sources);
        Schema s = type.outputSchemas(Parameters.of(type.descriptor(), Map.of("dataSource", "shop", "query",
                "SELECT order_id, paid FROM orders WHERE ordered > :d", "parameters", Map.of("d", "2024-01-01"))), Map.of())
                .orElseThrow().get("out");
        assertEquals(List.of("order_id", "paid"), s.names());
        assertEquals(FieldType.TIMESTAMP, s.field("paid").type());

        PGSimpleDataSource wrong = new PGSimpleDataSource();
        wrong.setURL(server.getJdbcUrl("postgres", "postgres").replace("user=postgres", "user=nobody"));
        wrong.setPassword("not-the-password");
        sources.with("wrong", wrong);
        StepFailure f = assertThrows(StepFailure.class, () -> reader().param("dataSource", "wrong").param("table", "orders")
                .run());
        assertTrue(f.getMessage().startsWith("parameter dataSource: data source 'wrong' cannot be reached: FATAL: "),
                f.getMessage());
        assertTrue(!f.getMessage().contains("not-the-password"), "the password never appears");
    }
}
