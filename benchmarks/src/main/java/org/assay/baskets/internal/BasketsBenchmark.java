package org.assay.baskets.internal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.assay.connectors.file.internal.CsvReaderStepType;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StandaloneEngine;
import weka.associations.FPGrowth;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.SparseInstance;
import weka.core.Utils;

/**
 * Not a test. Two measurements, each against a baseline in the same JVM and run:
 *
 * <ol>
 *   <li>FPGrowth through the engine ({@code csv-reader -> weka-associate}: parse, spool, gather
 *       baskets, sparse instances, mine, write the rules table and artifacts) against the raw
 *       path a Weka user would write (FastCSV parse, group lines per basket, sparse instances,
 *       {@code FPGrowth.buildAssociations}) on the same file and options.</li>
 *   <li>The step's long-to-sparse conversion ({@link Transactions}) of 1M order lines against
 *       grouping the same lines into a {@code HashMap<String, HashSet<String>>}, the least any
 *       conversion must do.</li>
 * </ol>
 *
 * Baskets: Zipf-popular items (10,000 of them), 1 to 9 items per basket, plus planted pairs.
 * Arguments: {@code --baskets N} (default 100,000), {@code --runs N} (default 3), {@code --dir D}.
 */
public final class BasketsBenchmark {

    static final String OPTIONS = "-S -M 0.002 -T 0 -C 0.3 -I 3 -N 100000";

    /** Where the time went in the last measured run of each side (wall ms), for the profile line. */
    private static String lastSteps = "";
    private static String lastRaw = "";

    private BasketsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        org.assay.benchmarks.WekaProperties.set();
        Map<String, String> opts = new HashMap<>(Map.of("baskets", "100000", "runs", "3", "dir", "target/bench"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int baskets = Integer.parseInt(opts.get("baskets"));
        int runs = Integer.parseInt(opts.get("runs"));
        Path dir = Path.of(opts.get("dir")).toAbsolutePath();
        Files.createDirectories(dir);
        System.setProperty("WEKA_HOME", dir.resolve("wekafiles").toString());
        Path file = dir.resolve("baskets-" + baskets + ".csv");
        long lines = write(file, baskets, 10_000, 1);
        System.out.printf("%s: %,d baskets, %,d order lines, %.1f MB; FPGrowth %s%n", file, baskets, lines,
                Files.size(file) / 1e6, OPTIONS);

        try (StandaloneEngine engine = new StandaloneEngine(dir, dir.resolve("engine-data"), 1)) {
            engine.register(new CsvReaderStepType()).register(new AssociateStepType());
            engine.workflows().deploy(workflow(file.getFileName().toString()), "benchmark");
            double[] raw = new double[runs];
            double[] step = new double[runs];
            int rawRules = raw(file);
            long stepRules = runEngine(engine);
            if (stepRules != rawRules) {
                throw new IllegalStateException("the step wrote " + stepRules + " rules, raw Weka found " + rawRules);
            }
            // Alternating which goes first, so neither always runs on the other's garbage. Wall
            // time and the process's CPU time (all threads: the engine's, GC, JIT), the steadier
            // of the two on a loaded machine.
            double[] rawCpu = new double[runs];
            double[] stepCpu = new double[runs];
            for (int r = 0; r < runs; r++) {
                for (int side = 0; side < 2; side++) {
                    long t0 = System.nanoTime();
                    long c0 = cpuNanos();
                    if ((side + r) % 2 == 0) {
                        rawRules = raw(file);
                        raw[r] = (System.nanoTime() - t0) / 1e9;
                        rawCpu[r] = (cpuNanos() - c0) / 1e9;
                    } else {
                        runEngine(engine);
                        step[r] = (System.nanoTime() - t0) / 1e9;
                        stepCpu[r] = (cpuNanos() - c0) / 1e9;
                    }
                }
            }
            System.out.printf("CPU s (raw, step): %s / %s%n", Arrays.toString(rawCpu), Arrays.toString(stepCpu));
            System.out.printf("last run, raw: %s; step: %s%n", lastRaw, lastSteps);
            Arrays.sort(rawCpu);
            Arrays.sort(stepCpu);
            System.out.printf("CPU time: raw median %.2f s, step median %.2f s, ratio step / raw %.2f%n",
                    rawCpu[runs / 2], stepCpu[runs / 2], stepCpu[runs / 2] / rawCpu[runs / 2]);
            System.out.printf("runs (raw, step) in s: %s / %s%n", Arrays.toString(raw), Arrays.toString(step));
            Arrays.sort(raw);
            Arrays.sort(step);
            System.out.printf("FPGrowth raw Weka (FastCSV + sparse + FPGrowth): median %.2f s (%d rules)%n",
                    raw[runs / 2], rawRules);
            System.out.printf("FPGrowth through csv-reader -> weka-associate:   median %.2f s%n", step[runs / 2]);
            System.out.printf("ratio step / raw: %.2f%n", step[runs / 2] / raw[runs / 2]);
        }

        Path million = dir.resolve("lines-1m.csv");
        long n = write(million, 200_000, 10_000, 2);
        List<String[]> rows = new ArrayList<>((int) n);
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(million)) {
            reader.skipLines(1);
            for (CsvRecord rec : reader) {
                rows.add(new String[] {rec.getField(0), rec.getField(1)});
            }
        }
        double[] convert = new double[runs + 1];
        double[] group = new double[runs + 1];
        for (int r = 0; r <= runs; r++) {
            long t0 = System.nanoTime();
            Transactions t = new Transactions();
            for (String[] row : rows) {
                t.add(row[0], row[1]);
            }
            Instances data = t.toInstances("bench");
            convert[r] = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            Map<String, Set<String>> grouped = new HashMap<>();
            for (String[] row : rows) {
                grouped.computeIfAbsent(row[0], k -> new HashSet<>()).add(row[1]);
            }
            group[r] = (System.nanoTime() - t0) / 1e9;
            if (data.numInstances() != grouped.size()) {
                throw new IllegalStateException("conversion lost baskets");
            }
        }
        double[] c = Arrays.copyOfRange(convert, 1, runs + 1);
        double[] g = Arrays.copyOfRange(group, 1, runs + 1);
        Arrays.sort(c);
        Arrays.sort(g);
        System.out.printf("long-to-sparse, %,d lines (200k baskets x 10k items): median %.3f s; HashMap grouping"
                + " alone %.3f s; ratio %.2f%n", n, c[runs / 2], g[runs / 2], c[runs / 2] / g[runs / 2]);
    }

    /** CPU time of the whole process so far. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** One run of the workflow; returns the rules it wrote. */
    private static long runEngine(StandaloneEngine engine) throws Exception {
        String id = engine.runs().start("bench-associate").runId();
        RunInfo run = engine.runs().await(id, Duration.ofMinutes(30));
        if (run.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("engine run " + run.status() + ": " + run);
        }
        lastSteps = run.steps().stream().map(s -> s.stepId() + " " + s.durationMillis() + " ms").toList().toString();
        return run.steps().stream().filter(s -> s.stepId().equals("rules")).findFirst().orElseThrow().rowsOut();
    }

    /** What a Weka user writes: parse, group per basket, sparse instances, FPGrowth. */
    private static int raw(Path file) throws Exception {
        long start = System.nanoTime();
        Map<String, Integer> itemIndex = new HashMap<>();
        Map<String, Set<Integer>> baskets = new LinkedHashMap<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
            reader.skipLines(1);
            for (CsvRecord rec : reader) {
                int item = itemIndex.computeIfAbsent(rec.getField(1), k -> itemIndex.size());
                baskets.computeIfAbsent(rec.getField(0), k -> new TreeSet<>()).add(item);
            }
        }
        String[] names = new String[itemIndex.size()];
        itemIndex.forEach((name, i) -> names[i] = name);
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (String name : names) {
            attributes.add(new Attribute(name, List.of("0", "1")));
        }
        Instances data = new Instances("raw", attributes, baskets.size());
        for (Set<Integer> b : baskets.values()) {
            int[] indices = b.stream().mapToInt(Integer::intValue).toArray();
            double[] ones = new double[indices.length];
            Arrays.fill(ones, 1);
            data.add(new SparseInstance(1, ones, indices, names.length));
        }
        long built = System.nanoTime();
        FPGrowth fp = new FPGrowth();
        fp.setOptions(Utils.splitOptions(OPTIONS));
        fp.buildAssociations(data);
        lastRaw = String.format("[parse + group + sparse %d ms, FPGrowth %d ms]", (built - start) / 1_000_000,
                (System.nanoTime() - built) / 1_000_000);
        return fp.getAssociationRules().getNumRules();
    }

    private static String workflow(String file) {
        return """
                {"format": 1, "id": "bench-associate", "name": "Benchmark: association rules",
                 "description": "FPGrowth over generated baskets.",
                 "steps": [
                   {"id": "lines", "type": "csv-reader", "params": {"path": "%s",
                     "columns": {"basket_id": "string", "item": "string"}}},
                   {"id": "rules", "type": "weka-associate", "inputs": {"in": "lines"},
                    "params": {"options": "%s", "maxRules": 100000}}
                 ]}
                """.formatted(file, OPTIONS);
    }

    /** Baskets with Zipf-popular items and a few planted pairs; returns the order lines written. */
    static long write(Path file, int baskets, int items, long seed) throws IOException {
        Random random = new Random(seed);
        double[] cumulative = new double[items];
        double sum = 0;
        for (int i = 0; i < items; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        long lines = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("basket_id,item\n");
            for (int b = 0; b < baskets; b++) {
                Set<Integer> chosen = new HashSet<>();
                int size = 1 + random.nextInt(9);
                while (chosen.size() < size) {
                    double u = random.nextDouble() * sum;
                    int i = Arrays.binarySearch(cumulative, u);
                    chosen.add(i >= 0 ? i : -i - 1);
                }
                if (chosen.contains(3) && random.nextDouble() < 0.7) {
                    chosen.add(11);
                }
                for (int i : chosen) {
                    w.write("B" + b + ",item" + i + "\n");
                    lines++;
                }
            }
        }
        return lines;
    }
}
