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

    @Test
    void fuzzyAgainstExact() throws Exception {
        int entities = Integer.getInteger("assay.bench.entities", 100_000);
        PlantedDuplicates.Table t = PlantedDuplicates.generate(entities, 7);
        for (int round = 0; round < 2; round++) {
            Path d = Files.createDirectories(dir.resolve("r" + round));
            long t0 = System.nanoTime();
            new StepTestRunner(new DedupStepType(), Files.createDirectories(d.resolve("exact")))
                    .param("keys", List.of("email")).input("in", PlantedDuplicates.SCHEMA, t.rows(), 4096).run();
            long t1 = System.nanoTime();
            StepTestRunner fuzzy = DedupQualityTest.customerDedup(new StepTestRunner(new DedupStepType(),
                    Files.createDirectories(d.resolve("fuzzy")))).input("in", PlantedDuplicates.SCHEMA, t.rows(), 4096)
                    .run();
            long t2 = System.nanoTime();
            Runtime rt = Runtime.getRuntime();
            Map<String, String> s = DedupQualityTest.summary(fuzzy);
            System.out.printf("dedup bench round %d: %d rows; exact %.2f s, fuzzy %.2f s (%.1fx exact); pairs compared"
                    + " %s of %s (%s); %d golden records; heap used %d MiB of max %d MiB%n", round, t.rows().size(),
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (double) (t2 - t1) / (t1 - t0), s.get("pairs_compared"),
                    s.get("all_pairs"), s.get("share_compared"), fuzzy.output().size(),
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
            assertTrue(fuzzy.output().size() < t.rows().size());
        }
    }
}
