package org.assay.privacy.internal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assay.connectors.file.internal.CsvReaderStepType;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StandaloneEngine;
import org.assay.privacy.internal.anon.KAnonymityBenchmark;
import org.assay.privacy.internal.keys.Pseudonymizer;
import org.assay.privacy.internal.keys.SecretKeys;
import org.assay.samples.CustomerDataGenerator;

/**
 * Not a test. Two measurements, each with its baseline in the same JVM and run:
 *
 * <ol>
 *   <li>{@code csv-reader -> pseudonymize (customer_id, email) -> mask (first_name,
 *       last_name: initials)} through the standalone engine on {@code customers-1m.csv},
 *       in rows/s, against a plain loop of the same HMAC-SHA-256 (the same derived key,
 *       {@code Mac.doFinal} and hex) over the same two columns held in memory, and against
 *       FastCSV parsing the file: the two floors the step sits on.</li>
 *   <li>k-anonymize's lattice search against the number of quasi-identifiers
 *       ({@link KAnonymityBenchmark}).</li>
 * </ol>
 *
 * Arguments: {@code --rows N} (default 1,000,000), {@code --runs N} (3), {@code --dir D},
 * {@code --census-rows N} (45,222).
 */
public final class PrivacyBenchmark {

    private PrivacyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>(Map.of("rows", "1000000", "runs", "3", "dir", "target/bench",
                "census-rows", "45222"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int rows = Integer.parseInt(opts.get("rows"));
        int runs = Integer.parseInt(opts.get("runs"));
        Path dir = Files.createDirectories(Path.of(opts.get("dir")).toAbsolutePath());
        Path file = customers(dir, rows);
        Path etc = Files.createDirectories(dir.resolve("privacy-etc"));
        Files.writeString(etc.resolve("bench_key"), "a benchmark secret, never a real one", StandardCharsets.UTF_8);
        // The secrets bundle's SecretReader reads etc/NAME the same way; its audit is not what is measured.
        SecretKeys keys = new SecretKeys((name, usedBy) -> java.util.Optional.of(Files.readAllBytes(etc.resolve(name))));

        List<String[]> columns = new ArrayList<>(rows);
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
            reader.skipLines(1);
            for (CsvRecord r : reader) {
                columns.add(new String[] {r.getField(0), r.getField(3)});
            }
        }
        double[] engineTimes = new double[runs];
        double[] loopTimes = new double[runs];
        double[] parseTimes = new double[runs];
        try (StandaloneEngine engine = new StandaloneEngine(dir, dir.resolve("privacy-engine-data"), 2)) {
            engine.register(new CsvReaderStepType()).register(new PseudonymizeStepType(keys))
                    .register(new MaskStepType());
            engine.workflows().deploy(workflow(file.getFileName().toString()), "benchmark");
            runEngine(engine, rows);
            loop(keys, columns);
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                runEngine(engine, rows);
                engineTimes[r] = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                loop(keys, columns);
                loopTimes[r] = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                parse(file);
                parseTimes[r] = (System.nanoTime() - t0) / 1e9;
            }
        }
        Arrays.sort(engineTimes);
        Arrays.sort(loopTimes);
        Arrays.sort(parseTimes);
        double engine = engineTimes[runs / 2];
        double loop = loopTimes[runs / 2];
        double parse = parseTimes[runs / 2];
        System.out.printf("pseudonymize + mask, %,d rows (%s), median of %d runs:%n", rows, file.getFileName(), runs);
        System.out.printf("  engine csv-reader -> pseudonymize (2 columns) -> mask (2 columns): %6.2f s  %,12.0f rows/s%n",
                engine, rows / engine);
        System.out.printf("  plain loop, same HMAC-SHA-256 + hex on the same 2 columns:        %6.2f s  %,12.0f rows/s%n",
                loop, rows / loop);
        System.out.printf("  FastCSV parse of the file, every field touched:                   %6.2f s  %,12.0f rows/s%n",
                parse, rows / parse);
        System.out.printf("  ratio engine / HMAC loop: %.2f; engine / (HMAC loop + parse): %.2f%n", engine / loop,
                engine / (loop + parse));
        System.out.println();
        KAnonymityBenchmark.main(new String[] {opts.get("census-rows")});
    }

    private static String workflow(String file) {
        return """
                {"format": 1, "id": "bench-privacy", "steps": [
                  {"id": "read", "type": "csv-reader", "params": {"path": "%s", "columns": {
                    "customer_id": "integer,pii", "first_name": "string,pii", "last_name": "string,pii",
                    "email": "string,pii"}}},
                  {"id": "pseudo", "type": "pseudonymize", "inputs": {"in": "read"},
                    "params": {"columns": ["customer_id", "email"], "key": "bench_key"}},
                  {"id": "masked", "type": "mask", "inputs": {"in": "pseudo"},
                    "params": {"columns": {"first_name": "name", "last_name": "name"}}}
                ]}""".formatted(file);
    }

    private static void runEngine(StandaloneEngine engine, int rows) throws Exception {
        String runId = engine.runs().start("bench-privacy").runId();
        RunInfo run = engine.runs().await(runId, Duration.ofMinutes(30));
        if (run.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("benchmark run failed: " + run.error());
        }
        long out = run.steps().stream().filter(s -> s.stepId().equals("masked")).findFirst().orElseThrow().rowsOut();
        if (out != rows) {
            throw new IllegalStateException("mask wrote " + out + " rows of " + rows);
        }
    }

    private static long loop(SecretKeys keys, List<String[]> columns) throws Exception {
        Pseudonymizer p = new Pseudonymizer(keys.derive("bench_key", Pseudonymizer.PURPOSE, "bench", "key", "benchmark"), "", 16,
                false);
        long check = 0;
        for (String[] row : columns) {
            check += p.pseudonym(row[0]).charAt(0) + p.pseudonym(row[1]).charAt(1);
        }
        return check;
    }

    private static long parse(Path file) throws Exception {
        long chars = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
            for (CsvRecord r : reader) {
                for (int i = 0; i < r.getFieldCount(); i++) {
                    chars += r.getField(i).length();
                }
            }
        }
        return chars;
    }

    private static Path customers(Path dir, int rows) throws Exception {
        Path file = dir.resolve("customers-" + (rows % 1_000_000 == 0 ? rows / 1_000_000 + "m" : rows) + ".csv");
        if (!Files.exists(file)) {
            Path partial = dir.resolve(file.getFileName() + ".partial");
            CustomerDataGenerator.main(new String[] {partial.toString(), Integer.toString(rows)});
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
