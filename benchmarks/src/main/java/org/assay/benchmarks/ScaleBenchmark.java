package org.assay.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The impute pipeline at two sizes in one JVM (run it with a small heap, e.g. -Xmx512m): the
 * time ratio of the large file to the small one and the peak heap show whether the engine's
 * time grows linearly and its memory stays bounded. FastCSV on both files gives the ratio
 * the machine itself achieves (disk cache, CPU) for the same growth in bytes.
 */
final class ScaleBenchmark {

    private static final double MIB = 1024.0 * 1024.0;

    private ScaleBenchmark() {
    }

    static ResultTable run(PipelineBenchmark.Options o, HeapWatch heap) throws Exception {
        Path small = BenchData.customers(o.dir(), o.rows());
        Path large = BenchData.customers(o.dir(), o.largeRows());
        PipelineBenchmark.describeInput(small, o.rows(), o.runs());
        PipelineBenchmark.describeInput(large, o.largeRows(), o.largeRuns());

        List<Measurement> smallBase = new ArrayList<>();
        List<Measurement> smallEngine = new ArrayList<>();
        List<Measurement> largeBase = new ArrayList<>();
        List<Measurement> largeEngine = new ArrayList<>();
        try (EngineWorkflow s = ImputeBenchmark.deploy(small, o.dir().resolve("engine-data-small"), "bench-small",
                o.rows());
                EngineWorkflow l = ImputeBenchmark.deploy(large, o.dir().resolve("engine-data-large"), "bench-large",
                        o.largeRows())) {
            System.out.println("Warm-up: FastCSV, Assay on " + small.getFileName() + " ...");
            Measurement.of(heap, () -> PipelineBenchmark.parseAll(o.rows(), small));
            Measurement.of(heap, () -> s.runOnce(null));
            for (int i = 1; i <= o.runs(); i++) {
                smallBase.add(Measurement.of(heap, () -> PipelineBenchmark.parseAll(o.rows(), small)));
                smallEngine.add(Measurement.of(heap, () -> s.runOnce(null)));
                System.out.printf("%s run %d/%d: FastCSV %,d ms, Assay %,d ms%n", small.getFileName(), i, o.runs(),
                        smallBase.get(i - 1).millis(), smallEngine.get(i - 1).millis());
            }
            for (int i = 1; i <= o.largeRuns(); i++) {
                largeBase.add(Measurement.of(heap, () -> PipelineBenchmark.parseAll(o.largeRows(), large)));
                largeEngine.add(Measurement.of(heap, () -> l.runOnce(null)));
                System.out.printf("%s run %d/%d: FastCSV %,d ms, Assay %,d ms%n", large.getFileName(), i,
                        o.largeRuns(), largeBase.get(i - 1).millis(), largeEngine.get(i - 1).millis());
            }
        }

        long sb = Measurement.median(Measurement.millis(smallBase));
        long se = Measurement.median(Measurement.millis(smallEngine));
        long lb = Measurement.median(Measurement.millis(largeBase));
        long le = Measurement.median(Measurement.millis(largeEngine));
        ResultTable table = new ResultTable(String.format("read -> median impute -> write at %,d and %,d rows "
                + "(%.0f and %.0f MB), heap limit %.0f MiB", o.rows(), o.largeRows(), Files.size(small) / 1e6,
                Files.size(large) / 1e6, Runtime.getRuntime().maxMemory() / MIB), sb);
        table.row("FastCSV " + small.getFileName(), Measurement.millis(smallBase), Measurement.heap(smallBase), "-");
        table.row("Assay " + small.getFileName(), Measurement.millis(smallEngine), Measurement.heap(smallEngine),
                "rows accounted");
        table.row("FastCSV " + large.getFileName(), Measurement.millis(largeBase), Measurement.heap(largeBase), "-",
                lb);
        table.row("Assay " + large.getFileName(), Measurement.millis(largeEngine), Measurement.heap(largeEngine),
                "rows accounted", lb);
        double rows = (double) o.largeRows() / o.rows();
        table.line("");
        table.line(String.format("time %s / %s (medians), for %.1fx the rows: Assay %s, FastCSV %s",
                large.getFileName(), small.getFileName(), rows, ratio(le, se), ratio(lb, sb)));
        table.line(String.format("Assay / FastCSV: %s at %,d rows, %s at %,d rows", ratio(se, sb), o.rows(),
                ratio(le, lb), o.largeRows()));
        long peak = largeEngine.stream().mapToLong(Measurement::heapSampled).max().orElse(0);
        long afterGc = largeEngine.stream().mapToLong(Measurement::heapAfterGc).max().orElse(0);
        table.line(String.format("Assay peak heap on %s: %.0f MiB sampled (every 5 ms), %.0f MiB after GC, "
                + "of %.0f MiB max", large.getFileName(), peak / MIB, afterGc / MIB,
                Runtime.getRuntime().maxMemory() / MIB));
        return table;
    }

    private static String ratio(long a, long b) {
        return b == 0 ? "n/a" : String.format("%.2fx", (double) a / b);
    }
}
