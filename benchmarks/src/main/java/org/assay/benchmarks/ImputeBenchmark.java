package org.assay.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assay.cleaners.internal.ImputeStepType;
import org.assay.connectors.file.internal.CsvReaderStepType;
import org.assay.connectors.file.internal.CsvWriterStepType;
import org.assay.engine.RunInfo;
import org.assay.engine.StepRunInfo;
import org.assay.engine.WorkflowRejectedException;

/**
 * {@code csv-reader -> impute (median; city: mode) -> csv-writer} on the generated customer
 * file: Assay's engine, FastCSV parsing the file alone, and the same pipeline in polars and
 * pandas, one table from one run on one file.
 */
final class ImputeBenchmark {

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

    /** Every column of the output: what an implementation that imputes differently changes. */
    static final Map<String, OutputDigest.Kind> DIGEST = new LinkedHashMap<>();

    static {
        for (String c : List.of("customer_id", "age", "income", "tenure_months", "orders", "total_spend")) {
            DIGEST.put(c, OutputDigest.Kind.NUMBER);
        }
        for (String c : List.of("first_name", "last_name", "email", "city")) {
            DIGEST.put(c, OutputDigest.Kind.TEXT);
        }
        DIGEST.put("last_purchase", OutputDigest.Kind.DATE);
    }

    private ImputeBenchmark() {
    }

    /** The workflow reading {@code input} (a file in the workflow folder) under the id given. */
    static EngineWorkflow deploy(Path input, Path dataDir, String id, int rows) throws WorkflowRejectedException {
        return new EngineWorkflow(input.toAbsolutePath().getParent(), dataDir, id,
                WORKFLOW.formatted(id, input.getFileName()), "written", run -> checkRows(run, rows),
                new CsvReaderStepType(), new ImputeStepType(), new CsvWriterStepType());
    }

    /** Every step sees every row: nothing filtered, nothing lost. */
    private static void checkRows(RunInfo run, long rows) {
        for (StepRunInfo step : run.steps()) {
            if (step.rowsIn() != rows || step.rowsOut() != rows) {
                throw new IllegalStateException("step " + step.stepId() + " counted " + step.rowsIn() + " rows in and "
                        + step.rowsOut() + " out, expected " + rows + " each");
            }
        }
    }

    static ResultTable run(PipelineBenchmark.Options o, HeapWatch heap) throws Exception {
        Path input = BenchData.customers(o.dir(), o.rows());
        PipelineBenchmark.describeInput(input, o.rows(), o.runs());

        List<Measurement> baseline = new ArrayList<>();
        List<Measurement> engine = new ArrayList<>();
        List<RunInfo> engineRuns = new ArrayList<>();
        OutputDigest.Digest[] reference = new OutputDigest.Digest[1];
        try (EngineWorkflow assay = deploy(input, o.dir().resolve("engine-data"), "bench-csv-impute-csv", o.rows())) {
            System.out.println("Warm-up: FastCSV, Assay (its output digested) ...");
            Measurement.of(heap, () -> PipelineBenchmark.parseAll(o.rows(), input));
            Measurement.of(heap, () -> assay.runOnce(out -> reference[0] = OutputDigest.of(out, DIGEST)));
            checkFilled(reference[0]);
            for (int i = 1; i <= o.runs(); i++) {
                Measurement b = Measurement.of(heap, () -> PipelineBenchmark.parseAll(o.rows(), input));
                Measurement e = Measurement.of(heap, () -> engineRuns.add(assay.runOnce(null)));
                baseline.add(b);
                engine.add(e);
                System.out.printf("Run %d/%d: FastCSV %,d ms, Assay %,d ms%n", i, o.runs(), b.millis(), e.millis());
            }
        }

        long[] bMs = Measurement.millis(baseline);
        long[] eMs = Measurement.millis(engine);
        ResultTable table = new ResultTable(String.format("read -> median impute -> write, %s (%,d rows, %.1f MB)",
                input.getFileName(), o.rows(), Files.size(input) / 1e6), Measurement.median(bMs));
        table.row("FastCSV parse only", bMs, Measurement.heap(baseline), "-");
        table.row("Assay engine, 3 steps", eMs, Measurement.heap(engine),
                "reference, " + reference[0].summary("age", "income", "total_spend"));
        PipelineBenchmark.pythonRows(table, o, "impute", List.of("--customers", input.toString()), reference[0],
                DIGEST);
        table.line("");
        table.steps(engineRuns, eMs);
        return table;
    }

    /** Assay's own output must have no missing numbers left: else the reference is wrong. */
    private static void checkFilled(OutputDigest.Digest d) {
        for (String c : List.of("age", "income", "total_spend")) {
            if (d.column(c).values() != d.rows()) {
                throw new IllegalStateException("Assay's output still has " + (d.rows() - d.column(c).values())
                        + " missing values in " + c);
            }
        }
    }
}
