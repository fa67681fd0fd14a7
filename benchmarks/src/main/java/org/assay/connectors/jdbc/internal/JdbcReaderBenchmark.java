package org.assay.connectors.jdbc.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StandaloneEngine;
import org.assay.engine.StepRunInfo;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Not a test. {@code jdbc-reader} on a large H2 table (default 10,000,000 rows, a file database
 * under {@code --dir}, created on first use and reused) against a plain JDBC loop over the same
 * {@code SELECT *} in the same JVM: same driver, same fetch size, every column read as its
 * Java value. The workflow is the reader alone, so the ratio is the reader's cost (type
 * mapping, batches, row accounting, the engine's edges) over the driver's. Runs alternate, one
 * warm-up each; the median and the ratio are printed with the peak heap of the reader's runs,
 * sampled every 5 ms (garbage included), and the most in use right after a collection. Run it
 * under a small {@code -Xmx} to show the reader streams. Arguments: {@code --rows N},
 * {@code --runs N} (default 3), {@code --fetch N} (default 1000), {@code --dir D}.
 */
public final class JdbcReaderBenchmark {

    private JdbcReaderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>(Map.of("rows", "10000000", "runs", "3", "fetch", "1000",
                "dir", "target/bench"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        long rows = Long.parseLong(opts.get("rows"));
        int runs = Integer.parseInt(opts.get("runs"));
        int fetch = Integer.parseInt(opts.get("fetch"));
        Path dir = Path.of(opts.get("dir")).toAbsolutePath();
        Files.createDirectories(dir);

        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("jdbc-bench-" + rows) + ";DATABASE_TO_LOWER=TRUE;LAZY_QUERY_EXECUTION=TRUE");
        h2.setUser("bench");
        h2.setPassword("");
        long t0 = System.nanoTime();
        boolean created = fill(h2, rows);
        System.out.printf("H2 table orders: %,d rows, 5 columns (%s in %.0f s); -Xmx%d MiB, fetch size %d%n", rows,
                created ? "created" : "reused", (System.nanoTime() - t0) / 1e9,
                Runtime.getRuntime().maxMemory() >> 20, fetch);

        DataSources sources = new DataSources() {
            @Override
            public Optional<DataSource> find(String name) {
                return "bench".equals(name) ? Optional.of(h2) : Optional.empty();
            }

            @Override
            public SortedSet<String> names() {
                return new TreeSet<>(java.util.List.of("bench"));
            }

            @Override
            public java.util.Set<String> allowedWorkflows(String name) {
                return java.util.Set.of("*");
            }

            @Override
            public Optional<String> workflowOf(String runId) {
                return Optional.of("bench-jdbc");
            }
        };
        double[] plain = new double[runs];
        double[] step = new double[runs];
        long peakSampled = 0;
        long peakAfterGc = 0;
        try (StandaloneEngine engine = new StandaloneEngine(dir, dir.resolve("engine-data-jdbc"), 1)) {
            engine.register(new JdbcReaderStepType(sources));
            engine.workflows().deploy("""
                    {"format": 1, "id": "bench-jdbc", "name": "Benchmark: jdbc-reader",
                     "steps": [{"id": "orders", "type": "jdbc-reader",
                                "params": {"dataSource": "bench", "table": "orders", "fetchSize": %d}}]}
                    """.formatted(fetch), "benchmark");
            check(plainLoop(h2, fetch), rows, "plain loop");
            runEngine(engine, rows);
            for (int r = 0; r < runs; r++) {
                t0 = System.nanoTime();
                check(plainLoop(h2, fetch), rows, "plain loop");
                plain[r] = (System.nanoTime() - t0) / 1e9;
                try (Heap heap = new Heap()) {
                    t0 = System.nanoTime();
                    runEngine(engine, rows);
                    step[r] = (System.nanoTime() - t0) / 1e9;
                    peakSampled = Math.max(peakSampled, heap.maxSampled.get());
                    peakAfterGc = Math.max(peakAfterGc, heap.maxAfterGc());
                }
            }
        }
        Arrays.sort(plain);
        Arrays.sort(step);
        System.out.printf("plain JDBC ResultSet loop:   median %.2f s (min %.2f), %,.0f rows/s%n", plain[runs / 2],
                plain[0], rows / plain[runs / 2]);
        System.out.printf("jdbc-reader through engine:  median %.2f s (min %.2f), %,.0f rows/s%n", step[runs / 2],
                step[0], rows / step[runs / 2]);
        System.out.printf("ratio jdbc-reader / plain loop: %.2f%n", step[runs / 2] / plain[runs / 2]);
        System.out.printf("jdbc-reader heap: peak sampled %d MiB, max after GC %d MiB (limit %d MiB)%n",
                peakSampled >> 20, peakAfterGc >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Creates and fills the table unless it already has the rows; true when it was created. */
    private static boolean fill(DataSource h2, long rows) throws Exception {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM orders")) {
                rs.next();
                if (rs.getLong(1) == rows) {
                    return false;
                }
            } catch (java.sql.SQLException e) {
                // No table yet.
            }
            s.execute("DROP TABLE IF EXISTS orders");
            s.execute("CREATE TABLE orders (order_id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL, "
                    + "order_date DATE, amount DOUBLE PRECISION, channel VARCHAR(10))");
            s.execute("INSERT INTO orders SELECT x, 100001 + MOD(x * 7919, 1000000), "
                    + "DATEADD('DAY', MOD(x, 548), DATE '2024-01-01'), MOD(x * 31, 100000) / 100.0, "
                    + "CASE MOD(x, 3) WHEN 0 THEN 'web' WHEN 1 THEN 'app' ELSE 'store' END "
                    + "FROM SYSTEM_RANGE(1, " + rows + ") AS r(x)");
            return true;
        }
    }

    /** What a programmer writes by hand: every column of every row read as its Java value. */
    private static long plainLoop(DataSource h2, int fetch) throws Exception {
        long n = 0;
        long checksum = 0;
        try (Connection c = h2.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM orders", ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(fetch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        long customer = rs.getLong(2);
                        Date day = rs.getDate(3);
                        double amount = rs.getDouble(4);
                        String channel = rs.getString(5);
                        checksum += id + customer + (day == null ? 0 : day.getTime()) + (long) amount
                                + (channel == null ? 0 : channel.length());
                        n++;
                    }
                }
            } finally {
                c.rollback();
            }
        }
        // Used, so the loop cannot be optimised away.
        if (checksum == 42) {
            System.out.print("");
        }
        return n;
    }

    private static void runEngine(StandaloneEngine engine, long rows) throws Exception {
        String id = engine.runs().start("bench-jdbc").runId();
        RunInfo run = engine.runs().await(id, Duration.ofMinutes(60));
        try {
            if (run.status() != RunStatus.SUCCEEDED) {
                throw new IllegalStateException("jdbc-reader run " + run.status().label() + ": " + run.error()
                        + " " + run.steps().stream().map(StepRunInfo::error).toList());
            }
            check(run.steps().get(0).rowsOut(), rows, "jdbc-reader");
        } finally {
            deleteTree(run.folder());
        }
    }

    private static void check(long read, long rows, String what) {
        if (read != rows) {
            throw new IllegalStateException(what + " read " + read + " rows of " + rows);
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (dir != null && Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * Heap of one run: sampled every 5 ms, and the pools' use after the last collection
     * (the benchmarks' HeapWatch is package-private to org.assay.benchmarks).
     */
    private static final class Heap implements AutoCloseable {
        final AtomicLong maxSampled = new AtomicLong();
        private final Thread sampler;
        private volatile boolean closed;

        Heap() {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            sampler = new Thread(() -> {
                while (!closed) {
                    maxSampled.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                            Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        /** The largest pool use left after a collection (old generation: the live set). */
        long maxAfterGc() {
            long total = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    total += pool.getCollectionUsage().getUsed();
                }
            }
            return total;
        }

        @Override
        public void close() {
            closed = true;
            sampler.interrupt();
        }
    }
}
