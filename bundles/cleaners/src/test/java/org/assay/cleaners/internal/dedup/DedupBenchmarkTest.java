package org.assay.cleaners.internal.dedup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzy dedup of a generated customer table (default 100k entities, about 150k rows) against
 * exact dedup of the same rows in the same JVM. Prints times, the ratio, pairs compared and the
 * heap in use; asserts only the quality. Opt-in:
 * {@code mvn ... -Dassay.bench=true -Dassay.bench.entities=100000 -DargLine=-Xmx1g -Dtest=DedupBenchmarkTest}.
 */
@EnabledIfSystemProperty(named = "assay.bench", matches = "true")
class DedupBenchmarkTest {

    @TempDir
    Path dir;

    private static long heapUsed() {
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory
                .getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the reset (an upper bound: pools peak at different times). */
    private static long peakHeap() {
        long sum = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory
                .getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    @Test
    void fuzzyAgainstExact() throws Exception {
        int entities = Integer.getInteger("assay.bench.entities", 100_000);
        PlantedDuplicates.Table t = PlantedDuplicates.generate(entities, 7);
        int rounds = Integer.getInteger("assay.bench.rounds", 2);
        for (int round = 0; round < rounds; round++) {
            Path d = Files.createDirectories(dir.resolve("r" + round));
            System.gc();
            long before = heapUsed();
            resetPeaks();
            long t0 = System.nanoTime();
            new StepTestRunner(new DedupStepType(), Files.createDirectories(d.resolve("exact")))
                    .param("keys", List.of("email")).input("in", PlantedDuplicates.SCHEMA, t.rows(), 4096).run();
            long t1 = System.nanoTime();
            StepTestRunner fuzzy = DedupQualityTest.customerDedup(new StepTestRunner(new DedupStepType(),
                    Files.createDirectories(d.resolve("fuzzy")))).input("in", PlantedDuplicates.SCHEMA, t.rows(), 4096)
                    .run();
            long t2 = System.nanoTime();
            long peak = peakHeap();
            Runtime rt = Runtime.getRuntime();
            Map<String, String> s = DedupQualityTest.summary(fuzzy);
            System.out.printf("dedup bench round %d: %d rows; exact %.2f s, fuzzy %.2f s (%.1fx exact); pairs compared"
                    + " %s of %s (%s); %d golden records; heap used %d MiB of max %d MiB%n", round, t.rows().size(),
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (double) (t2 - t1) / (t1 - t0), s.get("pairs_compared"),
                    s.get("all_pairs"), s.get("share_compared"), fuzzy.output().size(),
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
            System.out.printf("dedup bench round %d: fuzzy %.0f rows/s; peak heap %d MiB, of which %d MiB above the"
                    + " generated input held by the test (exact and fuzzy runs, garbage included)%n", round,
                    t.rows().size() / ((t2 - t1) / 1e9), peak >> 20, (peak - before) >> 20);
            assertTrue(fuzzy.output().size() < t.rows().size());
        }
    }
}
