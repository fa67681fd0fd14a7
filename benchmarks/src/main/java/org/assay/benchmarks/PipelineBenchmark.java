package org.assay.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmarks of whole workflows through the Assay engine in-process, against FastCSV alone
 * parsing the same files in the same JVM and the same pipelines in polars and pandas
 * ({@code compare.py}) on the same files, with every output digested and compared. One
 * warm-up each, then measured runs alternating FastCSV and Assay so machine noise hits both
 * alike; medians are reported. Prints a table and writes it to {@code results-<mode>.txt} in
 * the bench folder; exits 1 when an implementation's output differs from Assay's.
 *
 * <p>Modes: {@code impute} (read, median impute, write), {@code scale} (the impute pipeline
 * at {@code --rows} and {@code --large-rows}, for a small heap), {@code transforms} (filter,
 * derive, aggregate, join on customers and their orders).
 *
 * <p>Options (arguments win over system properties {@code bench.<name>}): {@code --mode},
 * {@code --runs N} (measured runs, default 3), {@code --rows N} (customers, default
 * 1,000,000), {@code --large-rows N} and {@code --large-runs N} (scale mode, default
 * 10,000,000 and 1), {@code --dir D} (data, engine folders and results; default
 * {@code target/bench}), {@code --python P} (interpreter, default python3; {@code none} skips
 * polars and pandas), {@code --script F} (default {@code compare.py}), {@code --tools T,...}
 * (the Python tools to run, default {@code polars,pandas-pyarrow,pandas}).
 */
public final class PipelineBenchmark {

    /** The parsed options. */
    record Options(String mode, int runs, int rows, int largeRows, int largeRuns, Path dir, String python,
            Path script, List<String> tools) {
    }

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ResultTable table = run(options(args));
        if (!table.agreed()) {
            System.exit(1);
        }
    }

    /** Runs the benchmark the options choose, prints its table and writes it to the bench folder. */
    static ResultTable run(Options o) throws Exception {
        Files.createDirectories(o.dir());
        System.out.printf("Mode %s: Java %s, %d CPUs, heap max %.0f MiB.%n", o.mode(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
        ResultTable table;
        try (HeapWatch heap = new HeapWatch()) {
            table = switch (o.mode()) {
                case "impute" -> ImputeBenchmark.run(o, heap);
                case "scale" -> ScaleBenchmark.run(o, heap);
                case "transforms" -> TransformsBenchmark.run(o, heap);
                default -> throw new IllegalArgumentException("unknown mode '" + o.mode()
                        + "'; use impute, scale or transforms");
            };
        }
        table.line("");
        table.line(String.format("Java %s, %d CPUs, heap max %.0f MiB. Times: median and min of the measured runs "
                + "after one warm-up; x FastCSV = median / FastCSV's median in this run. Memory: Java heap "
                + "(sampled peak, garbage included; most after a GC); Python: peak RSS of the tool's process.",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0)));
        String text = table.toString();
        System.out.println();
        System.out.print(text);
        Path results = o.dir().resolve("results-" + o.mode() + ".txt");
        Files.writeString(results, text, StandardCharsets.UTF_8);
        System.out.println("Written to " + results);
        return table;
    }

    static void describeInput(Path input, long rows, int runs) throws IOException {
        System.out.printf("Input %s: %,d rows, %.1f MB; %d measured runs.%n", input, rows, Files.size(input) / 1e6,
                runs);
    }

    /**
     * FastCSV reading the file, every field touched.
     *
     * @throws IllegalStateException when it did not read {@code rows} data rows
     */
    static void parseAll(long rows, Path file) throws IOException {
        FastCsvBaseline.Result r = FastCsvBaseline.parse(file);
        if (r.records() != rows + 1L || r.fieldChars() == 0) {
            throw new IllegalStateException("FastCSV read " + r.records() + " records (" + r.fieldChars()
                    + " field characters) from " + file + ", expected " + (rows + 1L) + " with the header");
        }
    }

    /**
     * The Python tools' lines: each tool runs the pipeline on the same files, its output is
     * digested like Assay's and compared with {@code reference}.
     */
    static void pythonRows(ResultTable table, Options o, String pipeline, List<String> files,
            OutputDigest.Digest reference, Map<String, OutputDigest.Kind> columns) throws Exception {
        PythonTools tools = new PythonTools(o.python(), o.script());
        for (String tool : PythonTools.TOOLS) {
            if (!o.tools().contains(tool)) {
                table.missing(new PythonTools.Result(tool, "", null, new long[0], 0).label(), "not asked for (--tools)");
                continue;
            }
            Path out = o.dir().resolve("out-" + tool + "-" + pipeline + ".csv");
            System.out.println("Running " + tool + " (" + pipeline + ") ...");
            PythonTools.Result r = tools.run(tool, pipeline, files, out, o.runs());
            if (!r.ok()) {
                table.missing(r.label(), r.status());
                continue;
            }
            List<String> differences = OutputDigest.differences(reference, OutputDigest.of(out, columns));
            String check = differences.isEmpty() ? "agrees" : "DIFFERS (see below)";
            if (!differences.isEmpty()) {
                table.disagreement(r.label(), differences);
            }
            table.row(r.label(), r.runsMillis(), String.format("RSS %d MiB peak", r.maxRssMib()), check);
            Files.deleteIfExists(out);
        }
    }

    static Options options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (String[] d : new String[][] {{"mode", "impute"}, {"runs", "3"}, {"rows", "1000000"},
                {"large-rows", "10000000"}, {"large-runs", "1"}, {"dir", "target/bench"}, {"python", "python3"},
                {"script", "compare.py"}, {"tools", String.join(",", PythonTools.TOOLS)}}) {
            opts.put(d[0], System.getProperty("bench." + d[0], d[1]));
        }
        for (int i = 0; i < args.length; i++) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (key == null || !opts.containsKey(key) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option '" + args[i] + "'; use "
                        + String.join(", ", opts.keySet().stream().map(k -> "--" + k).toList()));
            }
            opts.put(key, args[++i]);
        }
        Options o = new Options(opts.get("mode"), Integer.parseInt(opts.get("runs")),
                Integer.parseInt(opts.get("rows")), Integer.parseInt(opts.get("large-rows")),
                Integer.parseInt(opts.get("large-runs")), Path.of(opts.get("dir")).toAbsolutePath().normalize(),
                opts.get("python"), Path.of(opts.get("script")).toAbsolutePath().normalize(),
                List.of(opts.get("tools").split(",")));
        for (String tool : o.tools()) {
            if (!PythonTools.TOOLS.contains(tool)) {
                throw new IllegalArgumentException("unknown tool '" + tool + "' in --tools; use some of "
                        + String.join(",", PythonTools.TOOLS));
            }
        }
        if (o.runs() < 1 || o.rows() < 1 || o.largeRows() < 1 || o.largeRuns() < 1) {
            throw new IllegalArgumentException("--runs, --rows, --large-rows and --large-runs must be at least 1");
        }
        return o;
    }
}
