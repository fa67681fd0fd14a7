package org.assay.transforms.internal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * aggregate over 1M rows with 1M distinct keys, against a plain HashMap loop over the same
 * values in the same JVM. Prints times and ratios; asserts only the results. Opt-in:
 * {@code mvn ... -Dassay.bench=true -DargLine=-Xmx512m -Dtest=AggregateBenchmarkTest}.
 */
@EnabledIfSystemProperty(named = "assay.bench", matches = "true")
class AggregateBenchmarkTest {

    private static final int ROWS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void millionDistinctCustomers() throws Exception {
        Schema schema = Schema.of(Field.of("customer", FieldType.INTEGER), Field.of("amount", FieldType.DECIMAL));
        long[] keys = new long[ROWS];
        double[] amounts = new double[ROWS];
        Random random = new Random(1);
        for (int i = 0; i < ROWS; i++) {
            keys[i] = i;
            amounts[i] = random.nextInt(100_000) / 100.0;
        }
        for (int i = ROWS - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = keys[i];
            keys[i] = keys[j];
            keys[j] = t;
        }
        List<Object[]> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            rows.add(new Object[] {keys[i], amounts[i]});
        }
        Map<String, String> aggs = AggregateStepTest.aggs("orders", "count(*)", "total", "sum(amount)",
                "mean", "mean(amount)");
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            Map<Long, double[]> plain = new HashMap<>();
            for (int i = 0; i < ROWS; i++) {
                double[] s = plain.computeIfAbsent(keys[i], k -> new double[2]);
                s[0]++;
                s[1] += amounts[i];
            }
            long t1 = System.nanoTime();
            Long[] sorted = plain.keySet().toArray(new Long[0]);
            Arrays.sort(sorted);
            long t2 = System.nanoTime();
            // The runners are fed before the clock starts: only the step's own work is timed.
            StepTestRunner spilled = new StepTestRunner(new AggregateStepType(), dir.resolve("s" + round))
                    .input("in", schema, rows, 4096).param("by", List.of("customer")).param("aggregations", aggs);
            long s0 = System.nanoTime();
            spilled.run().assertRowsAccountedFor();
            long t3 = System.nanoTime();
            assertEquals(ROWS, spilled.rowsToOutputs());
            spilled = null;
            StepTestRunner memory = new StepTestRunner(new AggregateStepType(Long.MAX_VALUE), dir.resolve("m" + round))
                    .input("in", schema, rows, 4096).param("by", List.of("customer")).param("aggregations", aggs);
            long m0 = System.nanoTime();
            memory.run();
            long t4 = System.nanoTime();
            assertEquals(ROWS, memory.rowsToOutputs());
            double hash = (t1 - t0) / 1e6;
            double hashSort = (t2 - t0) / 1e6;
            double agg = (t3 - s0) / 1e6;
            double aggMem = (t4 - m0) / 1e6;
            Runtime rt = Runtime.getRuntime();
            System.out.printf("round %d: HashMap loop %.0f ms (%.0f ms with sorting the keys); aggregate default budget "
                    + "(spills) %.0f ms = %.2fx loop, %.2fx loop+sort; aggregate all in memory %.0f ms = %.2fx loop; "
                    + "max heap %d MiB%n", round, hash, hashSort, agg, agg / hash, agg / hashSort, aggMem,
                    aggMem / hash, rt.maxMemory() >> 20);
        }
    }
}
