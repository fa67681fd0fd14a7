package org.assay.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.assay.cleaners.internal.ImputeStepType;
import org.assay.connectors.file.internal.CsvReaderStepType;
import org.assay.connectors.file.internal.CsvWriterStepType;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StandaloneEngine;
import org.assay.engine.StepRunInfo;
import org.assay.engine.WorkflowRejectedException;

/**
 * {@code csv-reader -> impute -> csv-writer} through the standalone engine, exactly as a
 * deployed workflow runs in Karaf: spooled step outputs, row accounting, run report.
 */
final class EnginePipeline implements AutoCloseable {

    static final String WORKFLOW_ID = "bench-csv-impute-csv";

    /** The column declarations of the shipped customer-segmentation sample; the rest is inferred. */
    private static final String WORKFLOW = """
            {
              "format": 1,
              "id": "%s",
              "name": "Benchmark: read, impute, write",
              "description": "Reads the generated customer table, fills missing values and writes it back out.",
              "steps": [
                {
                  "id": "customers",
                  "type": "csv-reader",
                  "params": {
                    "path": "%s",
                    "columns": {
                      "customer_id": "integer,id",
                      "first_name": "string,pii",
                      "last_name": "string,pii",
                      "email": "string,pii",
                      "city": "categorical",
                      "last_purchase": "date"
                    }
                  }
                },
                {
                  "id": "filled",
                  "type": "impute",
                  "inputs": { "in": "customers" },
                  "params": { "strategy": "median", "columns": { "city": "mode" } }
                },
                {
                  "id": "written",
                  "type": "csv-writer",
                  "inputs": { "in": "filled" },
                  "params": { "path": "customers-clean.csv", "pii": "write" }
                }
              ]
            }
            """;

    private final StandaloneEngine engine;
    private final long expectedRows;

    /**
     * @param input        the CSV to read; its folder is the workflow folder
     * @param dataDir      where the engine keeps deployments and run folders
     * @param expectedRows data rows in the input; every step must see exactly these
     */
    EnginePipeline(Path input, Path dataDir, long expectedRows) throws WorkflowRejectedException {
        this.expectedRows = expectedRows;
        this.engine = new StandaloneEngine(input.toAbsolutePath().getParent(), dataDir, 1)
                .register(new CsvReaderStepType())
                .register(new ImputeStepType())
                .register(new CsvWriterStepType());
        engine.workflows().deploy(WORKFLOW.formatted(WORKFLOW_ID, input.getFileName()), "benchmark");
    }

    /**
     * Runs the workflow once and checks it succeeded with every row accounted for; the run
     * folder (output CSV, report) is deleted afterwards so repeated runs do not fill the disk.
     *
     * @throws IllegalStateException when the run failed, timed out or lost or gained rows
     */
    RunInfo runOnce() throws InterruptedException {
        String runId = engine.runs().start(WORKFLOW_ID).runId();
        RunInfo run = engine.runs().await(runId, Duration.ofMinutes(30));
        try {
            check(run);
        } finally {
            deleteTree(run.folder());
        }
        return run;
    }

    private void check(RunInfo run) {
        if (run.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("run " + run.runId() + " ended " + run.status().label() + ": " + run.error()
                    + describe(run));
        }
        if (run.quarantined() != 0) {
            throw new IllegalStateException(run.quarantined() + " rows quarantined" + describe(run));
        }
        if (run.steps().size() != 3) {
            throw new IllegalStateException("expected 3 steps" + describe(run));
        }
        for (StepRunInfo step : run.steps()) {
            if (step.rowsIn() != expectedRows || step.rowsOut() != expectedRows) {
                throw new IllegalStateException("step " + step.stepId() + " counted " + step.rowsIn() + " rows in and "
                        + step.rowsOut() + " out, expected " + expectedRows + " each" + describe(run));
            }
        }
    }

    private static String describe(RunInfo run) {
        StringBuilder s = new StringBuilder();
        for (StepRunInfo step : run.steps()) {
            s.append(String.format("%n  %-10s %-10s %-9s in=%d out=%d quarantined=%d filtered=%d error=%s",
                    step.stepId(), step.type(), step.status().label(), step.rowsIn(), step.rowsOut(),
                    step.quarantined(), step.filtered(), step.error()));
        }
        return s.toString();
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete run folder " + dir, e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
