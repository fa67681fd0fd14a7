package org.assay.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assay.engine.RunInfo;
import org.assay.engine.StepRunInfo;

/**
 * The printed comparison: one line per implementation with its median and minimum time over
 * the measured runs, the ratio of its median to the baseline's median from the same run, its
 * memory and whether its output agrees with Assay's.
 */
final class ResultTable {

    private static final String ROW = "%-26s %9s %9s %5s %10s  %-32s %s%n";

    private final StringBuilder s = new StringBuilder();
    private final long baselineMedian;
    private final List<String> disagreements = new ArrayList<>();

    ResultTable(String title, long baselineMedian) {
        this.baselineMedian = baselineMedian;
        s.append(title).append(System.lineSeparator());
        s.append(String.format(ROW, "implementation", "median ms", "min ms", "runs", "x FastCSV", "memory",
                "output check"));
    }

    /** A measured implementation, its ratio to the table's baseline. */
    ResultTable row(String name, long[] millis, String memory, String check) {
        return row(name, millis, memory, check, baselineMedian);
    }

    /** A measured implementation, its ratio to another FastCSV median (the same file's). */
    ResultTable row(String name, long[] millis, String memory, String check, long baseline) {
        long med = Measurement.median(millis);
        s.append(String.format(ROW, name, med, Measurement.min(millis), millis.length,
                baseline == 0 ? "n/a" : String.format("%.2fx", (double) med / baseline), memory, check));
        return this;
    }

    /** An implementation that did not run, and why. */
    ResultTable missing(String name, String why) {
        s.append(String.format(ROW, name, "-", "-", "-", "-", "-", why));
        return this;
    }

    /** Records that an implementation's output differs; {@link #agreed()} turns false. */
    void disagreement(String name, List<String> differences) {
        disagreements.add(name + ": " + String.join("; ", differences));
    }

    boolean agreed() {
        return disagreements.isEmpty();
    }

    ResultTable line(String text) {
        s.append(text).append(System.lineSeparator());
        return this;
    }

    /** Each step's wall time from the run records, and the rest of the run's time. */
    ResultTable steps(List<RunInfo> runs, long[] runMillis) {
        Map<String, List<Long>> perStep = new LinkedHashMap<>();
        long[] overhead = new long[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            long sum = 0;
            for (StepRunInfo st : runs.get(i).steps()) {
                perStep.computeIfAbsent(st.stepId() + " (" + st.type() + ")", k -> new ArrayList<>())
                        .add(st.durationMillis());
                sum += st.durationMillis();
            }
            overhead[i] = runMillis[i] - sum;
        }
        String row = "  %-30s %9s %9s   %s%n";
        s.append(String.format(row, "Assay step (wall time)", "median ms", "min ms", "all runs ms"));
        for (Map.Entry<String, List<Long>> e : perStep.entrySet()) {
            long[] v = e.getValue().stream().mapToLong(Long::longValue).toArray();
            s.append(String.format(row, e.getKey(), Measurement.median(v), Measurement.min(v), all(v)));
        }
        s.append(String.format(row, "run minus sum of steps", Measurement.median(overhead), Measurement.min(overhead),
                all(overhead)));
        s.append("  (steps that overlap make the sum of steps exceed the run; the last line is then negative)")
                .append(System.lineSeparator());
        return this;
    }

    private static String all(long[] v) {
        StringBuilder b = new StringBuilder();
        for (long x : v) {
            b.append(b.length() == 0 ? "" : ", ").append(x);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(s);
        if (!disagreements.isEmpty()) {
            out.append(System.lineSeparator()).append("OUTPUTS DISAGREE, the comparison is void:")
                    .append(System.lineSeparator());
            disagreements.forEach(d -> out.append("  ").append(d).append(System.lineSeparator()));
        }
        return out.toString();
    }
}
