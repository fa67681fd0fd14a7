package org.assay.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assay.connectors.file.internal.CsvReaderStepType;
import org.assay.connectors.file.internal.CsvWriterStepType;
import org.assay.engine.RunInfo;
import org.assay.engine.StepRunInfo;
import org.assay.engine.WorkflowRejectedException;
import org.assay.transforms.internal.DeriveStepType;
import org.assay.transforms.internal.FilterStepType;
import org.assay.transforms.internal.combine.JoinStepType;
import org.assay.transforms.internal.table.AggregateStepType;

/**
 * The table steps of the customer-orders sample at scale: orders {@code filter (amount > 0)
 * -> derive (large = amount >= 50) -> aggregate per customer -> left join} onto the
 * customers, written as CSV; Assay's engine, FastCSV parsing both files alone, and the same
 * pipeline in polars and pandas, on the same files, with every output digested and compared.
 */
final class TransformsBenchmark {

    private static final String WORKFLOW = """
            {
              "format": 1,
              "id": "bench-customer-orders",
              "name": "Benchmark: filter, derive, aggregate, join",
              "description": "Per-customer order totals, refunds filtered out and large orders counted, joined onto the customers.",
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
                  "id": "orders",
                  "type": "csv-reader",
                  "params": {
                    "path": "%s",
                    "columns": { "order_id": "integer,id", "customer_id": "integer", "order_date": "date",
                                 "amount": "decimal", "channel": "categorical" }
                  }
                },
                { "id": "sales", "type": "filter", "inputs": { "in": "orders" }, "params": { "expression": "amount > 0" } },
                {
                  "id": "flagged",
                  "type": "derive",
                  "inputs": { "in": "sales" },
                  "params": { "columns": { "large": "amount >= 50" }, "types": { "large": "boolean" } }
                },
                {
                  "id": "per-customer",
                  "type": "aggregate",
                  "inputs": { "in": "flagged" },
                  "params": {
                    "by": ["customer_id"],
                    "aggregations": {
                      "order_count": "count(*)",
                      "revenue": "sum(amount)",
                      "typical_order": "median(amount)",
                      "large_orders": "sum(large)",
                      "last_order": "max(order_date)",
                      "channels": "count_distinct(channel)"
                    }
                  }
                },
                {
                  "id": "customer-360",
                  "type": "join",
                  "inputs": { "left": "customers", "right": "per-customer" },
                  "params": { "kind": "left", "on": ["customer_id"] }
                },
                {
                  "id": "written",
                  "type": "csv-writer",
                  "inputs": { "in": "customer-360" },
                  "params": { "path": "customer-360.csv", "pii": "write" }
                }
              ]
            }
            """;

    /** The join key and every aggregated column: what a different filter, grouping or join changes. */
    static final Map<String, OutputDigest.Kind> DIGEST = new LinkedHashMap<>();

    static {
        for (String c : List.of("customer_id", "order_count", "revenue", "typical_order", "large_orders",
                "channels")) {
            DIGEST.put(c, OutputDigest.Kind.NUMBER);
        }
        DIGEST.put("last_order", OutputDigest.Kind.DATE);
        DIGEST.put("email", OutputDigest.Kind.TEXT);
    }

    private TransformsBenchmark() {
    }

    static EngineWorkflow deploy(Path customers, Path orders, Path dataDir, long customerRows, long orderRows)
            throws WorkflowRejectedException {
        return new EngineWorkflow(customers.toAbsolutePath().getParent(), dataDir, "bench-customer-orders",
                WORKFLOW.formatted(customers.getFileName(), orders.getFileName()), "written",
                run -> checkRows(run, customerRows, orderRows), new CsvReaderStepType(),
                new FilterStepType(), new DeriveStepType(), new AggregateStepType(), new JoinStepType(),
                new CsvWriterStepType());
    }

    /** Rows flow as the pipeline says: all orders read, filtered ones counted, one row per customer out. */
    private static void checkRows(RunInfo run, long customers, long orders) {
        StepRunInfo sales = EngineWorkflow.step(run, "sales");
        StepRunInfo flagged = EngineWorkflow.step(run, "flagged");
        StepRunInfo perCustomer = EngineWorkflow.step(run, "per-customer");
        StepRunInfo written = EngineWorkflow.step(run, "written");
        if (EngineWorkflow.step(run, "orders").rowsOut() != orders || sales.rowsIn() != orders) {
            throw new IllegalStateException("expected " + orders + " orders read and filtered");
        }
        if (sales.rowsOut() + sales.filtered() != orders || flagged.rowsOut() != sales.rowsOut()
                || perCustomer.rowsIn() != sales.rowsOut()) {
            throw new IllegalStateException("filter, derive and aggregate do not account for the orders");
        }
        if (written.rowsIn() != customers || written.rowsOut() != customers) {
            throw new IllegalStateException("expected one row per customer written, " + customers);
        }
    }

    static ResultTable run(PipelineBenchmark.Options o, HeapWatch heap) throws Exception {
        Path customers = BenchData.customers(o.dir(), o.rows());
        Path orders = BenchData.orders(o.dir(), o.rows());
        long orderRows = FastCsvBaseline.parse(orders).records() - 1;
        PipelineBenchmark.describeInput(customers, o.rows(), o.runs());
        System.out.printf("Input %s: %,d rows, %.1f MB.%n", orders, orderRows, Files.size(orders) / 1e6);

        List<Measurement> baseline = new ArrayList<>();
        List<Measurement> engine = new ArrayList<>();
        List<RunInfo> engineRuns = new ArrayList<>();
        OutputDigest.Digest[] reference = new OutputDigest.Digest[1];
        long[] counts = new long[2];
        try (EngineWorkflow assay = deploy(customers, orders, o.dir().resolve("engine-data-transforms"), o.rows(),
                orderRows)) {
            System.out.println("Warm-up: FastCSV, Assay (its output digested) ...");
            Measurement.of(heap, () -> {
                PipelineBenchmark.parseAll(o.rows(), customers);
                PipelineBenchmark.parseAll(orderRows, orders);
            });
            Measurement.of(heap, () -> {
                RunInfo run = assay.runOnce(out -> reference[0] = OutputDigest.of(out, DIGEST));
                counts[0] = EngineWorkflow.step(run, "sales").rowsOut();
                counts[1] = EngineWorkflow.step(run, "per-customer").rowsOut();
            });
            for (int i = 1; i <= o.runs(); i++) {
                Measurement b = Measurement.of(heap, () -> {
                    PipelineBenchmark.parseAll(o.rows(), customers);
                    PipelineBenchmark.parseAll(orderRows, orders);
                });
                Measurement e = Measurement.of(heap, () -> engineRuns.add(assay.runOnce(null)));
                baseline.add(b);
                engine.add(e);
                System.out.printf("Run %d/%d: FastCSV %,d ms, Assay %,d ms%n", i, o.runs(), b.millis(), e.millis());
            }
        }

        long[] bMs = Measurement.millis(baseline);
        long[] eMs = Measurement.millis(engine);
        ResultTable table = new ResultTable(String.format(
                "filter -> derive -> aggregate per customer -> left join customers -> write: %,d customers, %,d orders "
                        + "(%,d after the filter, %,d customers with orders)",
                o.rows(), orderRows, counts[0], counts[1]), Measurement.median(bMs));
        table.row("FastCSV parse both files", bMs, Measurement.heap(baseline), "-");
        table.row("Assay engine, 7 steps", eMs, Measurement.heap(engine),
                "reference, " + reference[0].summary("order_count", "revenue"));
        PipelineBenchmark.pythonRows(table, o, "transforms",
                List.of("--customers", customers.toString(), "--orders", orders.toString()), reference[0], DIGEST);
        table.line("");
        table.steps(engineRuns, eMs);
        return table;
    }
}
