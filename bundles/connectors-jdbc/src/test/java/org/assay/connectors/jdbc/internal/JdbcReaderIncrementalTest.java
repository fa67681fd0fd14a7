package org.assay.connectors.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.assay.api.step.StepFailure;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental {@code jdbc-reader}: a run reads above the last successful run's watermark. The
 * test runner calls every run "test-run", so the store sees them as run-1, run-2, ...; the fake
 * run records say how each one ended before the next starts, as the engine's would.
 */
class JdbcReaderIncrementalTest {

    @TempDir
    Path dir;

    private DataSource shop;
    private final Map<String, RunStatus> statuses = new HashMap<>();
    private FileWatermarks store;
    private Watermarks watermarks;
    private int run;

    @BeforeEach
    void database() throws Exception {
        shop = TestSources.h2("shop");
        TestSources.sql(shop, "CREATE TABLE orders (order_id BIGINT PRIMARY KEY, amount NUMERIC(10,2), "
                        + "updated TIMESTAMP(6), note VARCHAR(20))",
                "INSERT INTO orders VALUES (1, 10.00, TIMESTAMP '2025-01-01 10:00:00.000001', 'a'),"
                        + " (2, 20.00, TIMESTAMP '2025-01-01 10:00:00.000002', 'b'), (3, 5.00, NULL, 'c')");
        store = new FileWatermarks(dir.resolve("marks"), runId -> Optional.ofNullable(statuses.get(runId))
                .map(s -> new RunInfo(runId, "shop-sync", 1, s, Instant.EPOCH, Instant.EPOCH, null, null, dir, null,
                        List.of(), List.of(), 0, null, null, null, null)));
        watermarks = new Watermarks() {
            @Override
            public Optional<Watermark> committed(String runId, String stepId) throws StepFailure {
                return store.committed(current(), stepId);
            }

            @Override
            public void pending(String runId, String stepId, Watermark value) throws StepFailure {
                store.pending(current(), stepId, value);
            }
        };
    }

    private String current() {
        return "run-" + run;
    }

    /** Starts the next run: its record says running until {@link #end} says how it ended. */
    private void start() {
        run++;
        statuses.put(current(), RunStatus.RUNNING);
    }

    private void end(RunStatus outcome) {
        statuses.put(current(), outcome);
    }

    private StepTestRunner reader(String watermark) {
        return new StepTestRunner(new JdbcReaderStepType(new TestSources().with("shop", shop), watermarks),
                dir.resolve("work")).param("dataSource", "shop").param("table", "orders").param("watermark", watermark);
    }

    /** Runs the reader as run "test-run" and records how that run ended. */
    private List<Object[]> run(String watermark, RunStatus outcome) throws Exception {
        start();
        StepTestRunner r = reader(watermark).run();
        r.assertRowsAccountedFor();
        end(outcome);
        return r.output("out");
    }

    @Test
    void theFirstRunReadsEveryRowAndTheSecondOnlyNewOnes() throws Exception {
        assertEquals(3, run("order_id", RunStatus.SUCCEEDED).size(), "first run: everything, nulls too");
        assertEquals(0, run("order_id", RunStatus.SUCCEEDED).size(), "nothing new");
        TestSources.sql(shop, "INSERT INTO orders VALUES (4, 1.00, NULL, 'd'), (5, 2.00, NULL, 'e')");
        List<Object[]> rows = run("order_id", RunStatus.SUCCEEDED);
        assertEquals(List.of(4L, 5L), rows.stream().map(r -> r[0]).toList());
        assertEquals(0, run("ORDER_ID", RunStatus.SUCCEEDED).size(), "the column in any case");
    }

    @Test
    void aFailedRunDoesNotAdvanceTheWatermark() throws Exception {
        run("order_id", RunStatus.SUCCEEDED);
        TestSources.sql(shop, "INSERT INTO orders VALUES (4, 1.00, NULL, 'd')");
        assertEquals(1, run("order_id", RunStatus.FAILED).size());
        assertEquals(1, run("order_id", RunStatus.CANCELLED).size(), "the failed run's row is read again");
        assertEquals(1, run("order_id", RunStatus.SUCCEEDED).size(), "and again after a cancelled one");
        assertEquals(0, run("order_id", RunStatus.SUCCEEDED).size());
    }

    @Test
    void aRunStillGoingKeepsItsValueUntilItSucceeds() throws Exception {
        start();
        reader("order_id").run();
        assertEquals(3, run("order_id", RunStatus.FAILED).size(), "run-1 has not succeeded yet");
        statuses.put("run-1", RunStatus.SUCCEEDED);
        assertEquals(0, run("order_id", RunStatus.SUCCEEDED).size(), "run-1's value counts once it succeeded");
    }

    @Test
    void timestampsKeepTheirMicrosecondsSoNoRowRepeats() throws Exception {
        assertEquals(3, run("updated", RunStatus.SUCCEEDED).size());
        TestSources.sql(shop, "INSERT INTO orders VALUES (4, 1.00, TIMESTAMP '2025-01-01 10:00:00.000003', 'd')");
        List<Object[]> rows = run("updated", RunStatus.SUCCEEDED);
        assertEquals(List.of(4L), rows.stream().map(r -> r[0]).toList());
        String stored = Files.readString(dir.resolve("marks/shop-sync/step-under-test.properties"));
        assertTrue(stored.contains("TIMESTAMP\\:2025-01-01T10\\:00\\:00.000003"), stored);
    }

    @Test
    void aQueryIsFilteredAsADerivedTableWithItsParameters() throws Exception {
        StepTestRunner first = reader("amount").param("table", null)
                .param("query", "SELECT order_id, amount FROM orders WHERE note <> :skip -- trailing comment")
                .param("parameters", Map.of("skip", "c"));
        start();
        assertEquals(2, first.run().output("out").size());
        end(RunStatus.SUCCEEDED);
        TestSources.sql(shop, "INSERT INTO orders VALUES (4, 20.50, NULL, 'd'), (6, 19.99, NULL, 'f')");
        StepTestRunner second = reader("amount").param("table", null)
                .param("query", "SELECT order_id, amount FROM orders WHERE note <> :skip -- trailing comment")
                .param("parameters", Map.of("skip", "c"));
        start();
        assertEquals(List.of(4L), second.run().output("out").stream().map(r -> r[0]).toList(),
                "decimals compare exactly: 20.50 > 20.00, 19.99 is not");
    }

    @Test
    void aWatermarkMustBeAColumnThatGrows() throws Exception {
        start();
        StepFailure missing = assertThrows(StepFailure.class, () -> reader("order").run());
        assertTrue(missing.getMessage().contains("no column 'order'") && missing.getMessage().contains("ORDER_ID"),
                missing.getMessage());
        TestSources.sql(shop, "ALTER TABLE orders ADD COLUMN paid BOOLEAN");
        StepFailure bool = assertThrows(StepFailure.class, () -> reader("paid").run());
        assertTrue(bool.getMessage().startsWith("parameter watermark: column PAID is a boolean"), bool.getMessage());
        reader("x\" > 0 OR \"y").assertInvalid("watermark", "holds a quote");
        reader(" ").assertInvalid("watermark", "give the column");
    }

    @Test
    void withoutRunRecordsIncrementalModeIsRefused() {
        StepFailure f = assertThrows(StepFailure.class, () -> new StepTestRunner(
                new JdbcReaderStepType(new TestSources().with("shop", shop)), dir.resolve("w"))
                .param("dataSource", "shop").param("table", "orders").param("watermark", "order_id").run());
        assertTrue(f.getMessage().contains("incremental mode needs the Assay engine's run records"), f.getMessage());
    }

    @Test
    void aDamagedStoreNamesTheFileToDelete() throws Exception {
        run("order_id", RunStatus.SUCCEEDED);
        Path file = dir.resolve("marks/shop-sync/step-under-test.properties");
        assertTrue(Files.isRegularFile(file));
        Files.writeString(file, "committed=INTEGER\\:not-a-number\n");
        start();
        StepFailure f = assertThrows(StepFailure.class, () -> reader("order_id").run());
        assertTrue(f.getMessage().contains("is damaged") && f.getMessage().contains("delete the file"), f.getMessage());
        assertFalse(f.getMessage().contains("Exception"), f.getMessage());
    }
}
