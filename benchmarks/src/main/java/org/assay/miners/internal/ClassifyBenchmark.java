package org.assay.miners.internal;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assay.connectors.file.internal.CsvReaderStepType;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StandaloneEngine;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Not a test. {@code csv-reader -> weka-classify} through the engine (parse, spool, convert,
 * 10-fold cross-validation, final model, metrics, curves, importance, predictions, model file)
 * against what a Weka user writes on the same CSV in the same JVM (FastCSV parse into
 * Instances, {@code Evaluation.crossValidateModel}, final {@code buildClassifier}), for J48,
 * RandomForest and Logistic. Runs alternate; medians of wall time and of the process's CPU
 * time (the fairer figure on a shared machine); the correct counts of both must be equal
 * (the same figures, not just the same time). Generated churn rows with planted drivers.
 * Arguments: {@code --rows N} (default 10,000), {@code --runs N} (default 3), {@code --dir D},
 * {@code --only J48} (one algorithm), {@code --warmups N} (unmeasured runs of each side first,
 * default 3).
 */
public final class ClassifyBenchmark {

    static final String[][] ALGORITHMS = {{"weka.classifiers.trees.J48", ""},
        {"weka.classifiers.trees.RandomForest", "-I 20 -S 1"}, {"weka.classifiers.functions.Logistic", ""}};
    private static final Pattern CORRECT = Pattern.compile("\"metric\": \"correct\", \"class\": null, \"value\": ([0-9]+)");

    private ClassifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        org.assay.benchmarks.WekaProperties.set();
        Map<String, String> opts = new HashMap<>(Map.of("rows", "10000", "runs", "3", "dir", "target/bench",
                "only", "", "warmups", "3"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int rows = Integer.parseInt(opts.get("rows"));
        int runs = Integer.parseInt(opts.get("runs"));
        int warmups = Integer.parseInt(opts.get("warmups"));
        Path dir = Path.of(opts.get("dir")).toAbsolutePath();
        Files.createDirectories(dir);
        System.setProperty("WEKA_HOME", dir.resolve("wekafiles").toString());
        Path file = dir.resolve("churn-" + rows + ".csv");
        write(file, rows, 42);
        System.out.printf(Locale.ROOT, "%s: %,d rows; %d-fold CV seed 1 then the final model; %d CPUs%n", file, rows,
                10, Runtime.getRuntime().availableProcessors());
        for (String[] a : ALGORITHMS) {
            if (!a[0].endsWith(opts.get("only"))) {
                continue;
            }
            Path data = dir.resolve("classify-engine");
            try (StandaloneEngine engine = new StandaloneEngine(dir, data, 1)) {
                engine.register(new CsvReaderStepType())
                        .register(new WekaClassifyStepType(new FileModelStore(data.resolve("models"))));
                engine.workflows().deploy(workflow(file.getFileName().toString(), a[0], a[1]), "benchmark");
                double[] raw = new double[runs];
                double[] step = new double[runs];
                double[] rawCpu = new double[runs];
                double[] stepCpu = new double[runs];
                // Warm-ups until the JIT has compiled both sides' code: the step has more code of its
                // own (engine, reader, artifacts) than raw Weka, and a single warm-up leaves part of
                // its compilation, which a long-running server pays once, inside the measured runs.
                long rawCorrect = 0;
                long stepCorrect = 0;
                for (int w = 0; w < warmups; w++) {
                    rawCorrect = raw(file, a[0], a[1]);
                    stepCorrect = runEngine(engine, true);
                }
                double[] pairCpu = new double[runs];
                for (int r = 0; r < runs; r++) {
                    long t0 = System.nanoTime();
                    long c0 = cpu();
                    rawCorrect = raw(file, a[0], a[1]);
                    raw[r] = (System.nanoTime() - t0) / 1e9;
                    rawCpu[r] = (cpu() - c0) / 1e9;
                    t0 = System.nanoTime();
                    c0 = cpu();
                    stepCorrect = runEngine(engine, false);
                    step[r] = (System.nanoTime() - t0) / 1e9;
                    stepCpu[r] = (cpu() - c0) / 1e9;
                    pairCpu[r] = stepCpu[r] / rawCpu[r];
                    // The benchmark's own clean-up, not the workflow's work: outside the timing.
                    deleteTree(lastRun);
                }
                if (rawCorrect != stepCorrect) {
                    throw new IllegalStateException(a[0] + ": the step classified " + stepCorrect + " rows correctly,"
                            + " raw Weka " + rawCorrect);
                }
                Arrays.sort(raw);
                Arrays.sort(step);
                Arrays.sort(rawCpu);
                Arrays.sort(stepCpu);
                Arrays.sort(pairCpu);
                System.out.printf(Locale.ROOT, "%-36s %-11s wall: raw Weka median %6.2f s, weka-classify %6.2f s,"
                        + " ratio %.3f (min %.3f); CPU (process, all threads): raw %6.2f s, weka-classify %6.2f s,"
                        + " ratio %.3f (median of the %d paired ratios %.3f, quartiles %.3f-%.3f); both %d of %d"
                        + " correct%n", a[0], a[1], raw[runs / 2], step[runs / 2],
                        step[runs / 2] / raw[runs / 2], step[0] / raw[0], rawCpu[runs / 2], stepCpu[runs / 2],
                        stepCpu[runs / 2] / rawCpu[runs / 2], runs, pairCpu[runs / 2], pairCpu[runs / 4],
                        pairCpu[(3 * runs) / 4], stepCorrect, rows);
            } finally {
                deleteTree(data);
            }
        }
    }

    /**
     * CPU time of the whole process (every thread, GC and JIT included): on a shared machine the
     * wall time of one side depends on what else runs, its CPU time much less.
     */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The folder of the last engine run, for the caller to delete once the timing has stopped. */
    private static Path lastRun;

    /** One engine run; returns the correct count from its metrics.json; deletes the run folder when asked. */
    private static long runEngine(StandaloneEngine engine, boolean delete) throws Exception {
        String id = engine.runs().start("bench-classify").runId();
        RunInfo run = engine.runs().await(id, Duration.ofMinutes(60));
        try {
            if (run.status() != RunStatus.SUCCEEDED) {
                throw new IllegalStateException("engine run " + run.status() + ": " + run.error());
            }
            Path metrics = run.steps().stream().filter(s -> s.stepId().equals("train")).findFirst().orElseThrow()
                    .artifacts().stream().map(ArtifactInfo::path)
                    .filter(p -> p.getFileName().toString().equals(ModelMetrics.JSON_FILE)).findFirst()
                    .map(p -> p.isAbsolute() ? p : run.folder().resolve(p)).orElseThrow();
            Matcher m = CORRECT.matcher(Files.readString(metrics));
            if (!m.find()) {
                throw new IllegalStateException("no correct count in " + metrics);
            }
            return Long.parseLong(m.group(1));
        } finally {
            lastRun = run.folder();
            if (delete) {
                deleteTree(run.folder());
            }
        }
    }

    /** What a Weka user writes: parse the CSV into Instances, cross-validate, train the final model. */
    static long raw(Path file, String algorithm, String options) throws Exception {
        Instances data = instances(file);
        Classifier template = AbstractClassifier.forName(algorithm, Utils.splitOptions(options));
        Evaluation eval = new Evaluation(data);
        eval.crossValidateModel(template, data, 10, new Random(1));
        AbstractClassifier.makeCopy(template).buildClassifier(data);
        return Math.round(eval.correct());
    }

    /** The churn CSV as a Weka user reads it: FastCSV into Instances, the class last. */
    static Instances instances(Path file) throws IOException {
        List<String[]> lines = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
            reader.skipLines(1);
            for (CsvRecord rec : reader) {
                lines.add(rec.getFields().toArray(new String[0]));
            }
        }
        // contract (nominal), tenure_months, monthly_charges, support_calls, churned (nominal, the class)
        ArrayList<String> contracts = new ArrayList<>();
        ArrayList<String> classes = new ArrayList<>();
        for (String[] l : lines) {
            if (!contracts.contains(l[2])) {
                contracts.add(l[2]);
            }
            if (!classes.contains(l[6])) {
                classes.add(l[6]);
            }
        }
        ArrayList<Attribute> attributes = new ArrayList<>(List.of(new Attribute("contract", contracts),
                new Attribute("tenure_months"), new Attribute("monthly_charges"), new Attribute("support_calls"),
                new Attribute("churned", classes)));
        Instances data = new Instances("churn", attributes, lines.size());
        for (String[] l : lines) {
            data.add(new DenseInstance(1.0, new double[] {contracts.indexOf(l[2]), Double.parseDouble(l[3]),
                Double.parseDouble(l[4]), Double.parseDouble(l[5]), classes.indexOf(l[6])}));
        }
        data.setClassIndex(4);
        return data;
    }

    private static String workflow(String file, String algorithm, String options) {
        return """
                {"format": 1, "id": "bench-classify", "name": "Benchmark: classification",
                 "description": "A classifier measured by 10-fold cross-validation, then trained on all rows.",
                 "steps": [
                   {"id": "rows", "type": "csv-reader", "params": {"path": "%s",
                     "columns": {"customer_id": "integer,id", "email": "string,pii", "contract": "categorical",
                       "tenure_months": "integer", "monthly_charges": "decimal", "support_calls": "integer",
                       "churned": "categorical,target"}}},
                   {"id": "train", "type": "weka-classify", "inputs": {"in": "rows"},
                    "params": {"algorithm": "%s", "options": "%s", "folds": 10, "seed": 1}}
                 ]}
                """.formatted(file, algorithm, options);
    }

    /** Churn driven by a month-to-month contract, short tenure and support calls; charges are noise. */
    static void write(Path file, int n, long seed) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Random random = new Random(seed);
        String[] contracts = {"month-to-month", "one-year", "two-year"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("customer_id,email,contract,tenure_months,monthly_charges,support_calls,churned\n");
            for (int i = 0; i < n; i++) {
                String contract = contracts[random.nextInt(3)];
                long tenure = 1 + random.nextInt(72);
                double charges = Math.round((20 + random.nextDouble() * 100) * 100) / 100.0;
                long calls = random.nextInt(6);
                double logit = -2.2 + ("month-to-month".equals(contract) ? 1.8 : 0) - 0.04 * tenure + 0.55 * calls;
                boolean churn = random.nextDouble() < 1 / (1 + Math.exp(-logit));
                w.write((1000 + i) + ",c" + i + "@example.com," + contract + "," + tenure + "," + charges + "," + calls
                        + "," + (churn ? "yes" : "no") + "\n");
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
