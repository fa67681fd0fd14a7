package org.assay.benchmarks;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assay.connectors.file.internal.CsvReaderStepType;
import org.assay.connectors.file.internal.CsvWriterStepType;
import org.assay.engine.RunInfo;
import org.assay.samples.JourneyDataGenerator;
import org.assay.sequences.internal.SequencePatternsStepType;

/**
 * sequence-patterns on generated web sessions (1M by default) through the engine, in the heap
 * the pom gives: time as a ratio against FastCSV only parsing the same file in the same run, and
 * the heap it took. Run with {@code mvn -q -f benchmarks/pom.xml exec:exec@sequences}.
 */
public final class SequenceBenchmark {

    private static final String WORKFLOW = """
            {"format": 1, "id": "bench-journeys", "steps": [
              {"id": "views", "type": "csv-reader", "params": {"path": "%s",
                "columns": {"session_id": "integer,id", "customer_id": "integer", "ts": "timestamp",
                            "page": "categorical"}}},
              {"id": "paths", "type": "sequence-patterns", "inputs": {"in": "views"},
               "params": {"keyColumn": "session_id", "orderColumn": "ts", "itemColumn": "page",
                          "minSupport": 0.01, "maxLength": 5, "maxGap": "30m"}},
              {"id": "written", "type": "csv-writer", "inputs": {"in": "paths"}, "params": {"path": "patterns.csv"}}
            ]}""";

    private SequenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = 1_000_000;
        int runs = 2;
        Path dir = Path.of("target/bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sessions" -> sessions = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("journeys-" + sessions + ".csv");
        if (!Files.exists(file)) {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                new JourneyDataGenerator(JourneyDataGenerator.SEED, sessions).write(w);
            }
        }
        long events = FastCsvBaseline.parse(file).records() - 1;
        System.out.printf("Input %s: %,d sessions, %,d page views, %.1f MB; heap limit %d MiB.%n", file, sessions,
                events, Files.size(file) / 1e6, Runtime.getRuntime().maxMemory() >> 20);
        Path data = Files.createTempDirectory(dir.toAbsolutePath(), "engine");
        List<Measurement> baseline = new ArrayList<>();
        List<Measurement> engine = new ArrayList<>();
        long[] patterns = new long[1];
        try (HeapWatch heap = new HeapWatch(); EngineWorkflow assay = new EngineWorkflow(file.toAbsolutePath()
                .getParent(), data, "bench-journeys", WORKFLOW.formatted(file.getFileName()), "written", run -> {
                    if (EngineWorkflow.step(run, "views").rowsOut() != events) {
                        throw new IllegalStateException("not every page view was read");
                    }
                }, new CsvReaderStepType(), new SequencePatternsStepType(), new CsvWriterStepType())) {
            for (int r = 0; r < runs; r++) {
                baseline.add(Measurement.of(heap, () -> FastCsvBaseline.parse(file)));
                engine.add(Measurement.of(heap, () -> {
                    RunInfo run = assay.runOnce(null);
                    patterns[0] = EngineWorkflow.step(run, "paths").rowsOut();
                }));
            }
        } finally {
            EngineWorkflow.deleteTree(data);
        }
        long base = Measurement.median(Measurement.millis(baseline));
        long mined = Measurement.median(Measurement.millis(engine));
        System.out.printf("FastCSV parse only      %,8d ms  1.00x  %s%n", base, Measurement.heap(baseline));
        System.out.printf("Assay sequence-patterns %,8d ms  %.2fx  %s (%,d patterns and rules)%n", mined,
                mined / (double) Math.max(1, base), Measurement.heap(engine), patterns[0]);
    }
}
