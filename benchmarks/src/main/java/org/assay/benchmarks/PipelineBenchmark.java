package org.assay.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assay.engine.RunInfo;
import org.assay.engine.StepRunInfo;
import org.assay.samples.CustomerDataGenerator;

/**
 * Measures {@code csv-reader -> impute -> csv-writer} through the Assay engine against FastCSV
 * alone parsing the same generated customer file, in one JVM: one warm-up of each, then
 * measured runs alternating baseline and engine so machine noise hits both alike. Prints a
 * table and writes it to {@code results.txt} in the bench folder. A run that fails or loses
 * rows stops the benchmark with the reason.
 *
 * <p>Options (arguments win over system properties): {@code --runs N} / {@code bench.runs}
 * (measured runs of each, default 3), {@code --rows N} / {@code bench.rows} (customers in the
 * generated file, default 1,000,000), {@code --dir D} / {@code bench.dir} (data, engine
 * folders and results; default {@code target/bench}).
 */
public final class PipelineBenchmark {

    private static final double MB = 1_000_000.0;
    private static final double MIB = 1024.0 * 1024.0;

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int runs = Integer.parseInt(opts.get("runs"));
        int rows = Integer.parseInt(opts.get("rows"));
        Path dir = Path.of(opts.get("dir")).toAbsolutePath().normalize();
        if (runs < 1 || rows < 1) {
            throw new IllegalArgumentException("--runs and --rows must be at least 1");
        }

        Path input = ensureData(dir, rows);
        long bytes = Files.size(input);
        System.out.printf("Input %s: %,d rows, %.1f MB. %d measured runs each, heap max %.0f MiB, %d CPUs.%n",
                input, rows, bytes / MB, runs, Runtime.getRuntime().maxMemory() / MIB,
                Runtime.getRuntime().availableProcessors());

        List<Measurement> baseline = new ArrayList<>();
        List<Measurement> engine = new ArrayList<>();
        List<RunInfo> engineRuns = new ArrayList<>();
        try (HeapWatch heap = new HeapWatch();
                EnginePipeline pipeline = new EnginePipeline(input, dir.resolve("engine-data"), rows)) {
            System.out.println("Warm-up: baseline, engine ...");
            measureBaseline(input, rows, heap);
            measureEngine(pipeline, heap, new ArrayList<>());
            for (int i = 1; i <= runs; i++) {
                Measurement b = measureBaseline(input, rows, heap);
                Measurement e = measureEngine(pipeline, heap, engineRuns);
                baseline.add(b);
                engine.add(e);
                System.out.printf("Run %d/%d: baseline %,d ms, engine %,d ms%n", i, runs, b.millis, e.millis);
            }
        }

        String table = report(input, rows, bytes, baseline, engine, engineRuns);
        System.out.println();
        System.out.print(table);
        Path results = dir.resolve("results.txt");
        Files.writeString(results, table, StandardCharsets.UTF_8);
        System.out.println("Written to " + results);
    }

    /** One measured section: wall time and heap figures. */
    private record Measurement(long millis, long heapAfterGc, long heapPeak) {
    }

    private static Measurement measureBaseline(Path input, int rows, HeapWatch heap) throws IOException {
        heap.reset();
        long t0 = System.nanoTime();
        FastCsvBaseline.Result r = FastCsvBaseline.parse(input);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        if (r.records() != rows + 1L || r.fieldChars() == 0) {
            throw new IllegalStateException("FastCSV read " + r.records() + " records (" + r.fieldChars()
                    + " field characters), expected " + (rows + 1L) + " with the header");
        }
        return new Measurement(millis, heap.maxAfterGc(), heap.peakUsed());
    }

    private static Measurement measureEngine(EnginePipeline pipeline, HeapWatch heap, List<RunInfo> runs)
            throws InterruptedException {
        heap.reset();
        long t0 = System.nanoTime();
        RunInfo run = pipeline.runOnce();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        runs.add(run);
        return new Measurement(millis, heap.maxAfterGc(), heap.peakUsed());
    }

    /** Generates the input once; later runs reuse it (the generator is deterministic). */
    private static Path ensureData(Path dir, int rows) throws IOException {
        String name = rows == 1_000_000 ? "customers-1m.csv" : "customers-" + rows + ".csv";
        Path file = dir.resolve(name);
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(dir);
        // Written aside and moved, so an interrupted generation never leaves a short file behind.
        Path partial = dir.resolve(name + ".part");
        CustomerDataGenerator.main(new String[] {partial.toString(), Integer.toString(rows)});
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private static String report(Path input, int rows, long bytes, List<Measurement> baseline,
            List<Measurement> engine, List<RunInfo> engineRuns) {
        long bMed = median(baseline.stream().mapToLong(Measurement::millis).toArray());
        long bMin = min(baseline.stream().mapToLong(Measurement::millis).toArray());
        long eMed = median(engine.stream().mapToLong(Measurement::millis).toArray());
        long eMin = min(engine.stream().mapToLong(Measurement::millis).toArray());

        StringBuilder s = new StringBuilder();
        s.append(String.format("csv-reader -> impute -> csv-writer vs FastCSV parse%n"));
        s.append(String.format("input %s: %,d rows, %.1f MB; %d measured runs each (after 1 warm-up); "
                + "Java %s, %d CPUs, heap max %.0f MiB%n%n", input.getFileName(), rows, bytes / MB, baseline.size(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / MIB));
        s.append(String.format("%-22s %9s %9s %9s %12s %13s %11s%n", "", "median ms", "min ms", "MB/s",
                "rows/s", "heap afterGC", "heap peak"));
        s.append(line("FastCSV parse only", bMed, bMin, bytes, rows, baseline));
        s.append(line("engine, 3 steps", eMed, eMin, bytes, rows, engine));
        s.append(String.format("%nratio engine/baseline (medians): %.2fx   (mins: %.2fx)%n%n",
                (double) eMed / bMed, (double) eMin / bMin));

        // Per-step wall times of each measured engine run, in workflow order.
        Map<String, List<Long>> perStep = new LinkedHashMap<>();
        long[] overhead = new long[engineRuns.size()];
        for (int i = 0; i < engineRuns.size(); i++) {
            long sum = 0;
            for (StepRunInfo st : engineRuns.get(i).steps()) {
                perStep.computeIfAbsent(st.stepId() + " (" + st.type() + ")", k -> new ArrayList<>())
                        .add(st.durationMillis());
                sum += st.durationMillis();
            }
            overhead[i] = engine.get(i).millis - sum;
        }
        s.append(String.format("%-26s %9s %9s %8s   %s%n", "engine step", "median ms", "min ms", "share", "all runs ms"));
        for (Map.Entry<String, List<Long>> e : perStep.entrySet()) {
            long[] v = e.getValue().stream().mapToLong(Long::longValue).toArray();
            s.append(stepLine(e.getKey(), v, eMed));
        }
        s.append(stepLine("run overhead (plan,report)", overhead, eMed));
        s.append(String.format("%nheap afterGC = most heap in use right after any collection during the run "
                + "(live data + uncollected old garbage);%nheap peak = sum of heap pool peaks, garbage included.%n"));
        return s.toString();
    }

    private static String line(String name, long med, long min, long bytes, int rows, List<Measurement> ms) {
        long afterGc = ms.stream().mapToLong(Measurement::heapAfterGc).max().orElse(0);
        long peak = ms.stream().mapToLong(Measurement::heapPeak).max().orElse(0);
        return String.format("%-22s %9d %9d %9.1f %12s %10.0f MiB %7.0f MiB%n", name, med, min,
                bytes / MB / (med / 1000.0), String.format("%,d", Math.round(rows / (med / 1000.0))),
                afterGc / MIB, peak / MIB);
    }

    private static String stepLine(String name, long[] v, long engineMedian) {
        StringBuilder all = new StringBuilder();
        for (long x : v) {
            all.append(all.length() == 0 ? "" : ", ").append(x);
        }
        return String.format("%-26s %9d %9d %7.0f%%   %s%n", name, median(v), min(v),
                100.0 * median(v) / engineMedian, all);
    }

    private static long median(long[] v) {
        long[] sorted = v.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long min(long[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        opts.put("runs", System.getProperty("bench.runs", "3"));
        opts.put("rows", System.getProperty("bench.rows", "1000000"));
        opts.put("dir", System.getProperty("bench.dir", "target/bench"));
        for (int i = 0; i < args.length; i++) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (key == null || !opts.containsKey(key) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option '" + args[i]
                        + "'; use --runs N, --rows N, --dir FOLDER");
            }
            opts.put(key, args[++i]);
        }
        return opts;
    }
}
