package org.assay.cleaners.internal.outliers;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;
import org.assay.cleaners.internal.text.CsvCell;

/** One run of {@code outliers}: a statistics pass, then a pass that treats what crosses the fences. */
final class OutliersStep implements Step {

    static final String SUMMARY_FILE = "outlier-summary.csv";
    /** Rows the isolation forest samples its trees from. */
    static final int FOREST_SAMPLE = 100_000;
    private static final String MISSING_GROUP = "(missing)";

    private final OutliersParameters params;
    private final double threshold;

    OutliersStep(OutliersParameters params) {
        this.params = params;
        this.threshold = params.effectiveThreshold();
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Schema schema;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            schema = in.schema();
        }
        List<ParameterProblem> problems = OutliersStepType.problems(params, schema);
        if (!problems.isEmpty()) {
            throw new StepFailure("parameter " + problems.get(0).parameter() + ": " + problems.get(0).message());
        }
        List<String> names = OutliersStepType.checkedColumns(params, schema);
        int[] cols = names.stream().mapToInt(schema::require).toArray();
        int group = params.groupBy().map(schema::require).orElse(-1);
        List<Map<String, Fence>> fences = null;
        IsolationForest forest = null;
        long sampled = 0;
        if (params.method().univariate()) {
            fences = fences(ctx, cols, group);
        } else {
            List<double[]> sample = new ArrayList<>();
            sampled = sample(ctx, cols, sample);
            forest = sample.size() < params.minGroupSize() ? null
                    : IsolationForest.build(sample, params.trees(), params.seed());
        }
        ctx.progress(0.5);
        Treatment t = new Treatment(params, schema, cols, group, fences, forest, threshold);
        Schema out = OutliersStepType.outputSchema(params, schema);
        BatchSink sink = ctx.output(PortSpec.OUT, out);
        long row = 0;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            for (Batch b = in.next(); b != null; b = in.next()) {
                Batch treated = t.apply(b, row, ctx.quarantine());
                if (treated.rowCount() > 0) {
                    sink.write(treated.schema().equals(out) ? treated : treated.withSchema(out));
                }
                row += b.rowCount();
                ctx.checkCancelled();
            }
        }
        writeSummary(ctx, names, fences, t, sampled);
        ctx.log().info("outliers ({}): {} rows with an outlier of {} rows; action {}", params.method().jsonName(),
                t.outlierRows, row, params.action().jsonName());
    }

    /** First pass for the per-column methods: every value of the checked columns, by group. */
    private List<Map<String, Fence>> fences(StepContext ctx, int[] cols, int group) throws IOException {
        List<Map<String, double[]>> values = new ArrayList<>();
        List<Map<String, int[]>> counts = new ArrayList<>();
        for (int i = 0; i < cols.length; i++) {
            values.add(new LinkedHashMap<>());
            counts.add(new LinkedHashMap<>());
        }
        try (DataStream in = ctx.input(PortSpec.IN)) {
            for (Batch b = in.next(); b != null; b = in.next()) {
                for (int i = 0; i < cols.length; i++) {
                    Column c = b.column(cols[i]);
                    for (int r = 0; r < b.rowCount(); r++) {
                        if (c.isNull(r) || !Double.isFinite(c.getDouble(r))) {
                            continue;
                        }
                        String g = groupOf(b, group, r);
                        int[] n = counts.get(i).computeIfAbsent(g, k -> new int[1]);
                        double[] v = values.get(i).computeIfAbsent(g, k -> new double[64]);
                        if (n[0] == v.length) {
                            v = Arrays.copyOf(v, v.length * 2);
                            values.get(i).put(g, v);
                        }
                        v[n[0]++] = c.getDouble(r);
                    }
                }
                ctx.checkCancelled();
            }
        }
        List<Map<String, Fence>> fences = new ArrayList<>();
        for (int i = 0; i < cols.length; i++) {
            Map<String, Fence> byGroup = new LinkedHashMap<>();
            Map<String, int[]> n = counts.get(i);
            values.get(i).forEach((g, v) -> byGroup.put(g, Fence.of(params.method(), v, n.get(g)[0], threshold,
                    params.minGroupSize())));
            fences.add(byGroup);
        }
        return fences;
    }

    static String groupOf(Batch b, int group, int r) {
        if (group < 0) {
            return "";
        }
        String g = b.column(group).getString(r);
        return g == null ? MISSING_GROUP : g;
    }

    /** First pass for the forest: a uniform sample (reservoir) of the rows that have every checked column. */
    private long sample(StepContext ctx, int[] cols, List<double[]> sample) throws IOException {
        Random random = new Random(params.seed());
        long complete = 0;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            for (Batch b = in.next(); b != null; b = in.next()) {
                for (int r = 0; r < b.rowCount(); r++) {
                    double[] row = Treatment.vector(b, cols, r);
                    if (row == null) {
                        continue;
                    }
                    complete++;
                    if (sample.size() < FOREST_SAMPLE) {
                        sample.add(row);
                    } else {
                        long j = (long) (random.nextDouble() * complete);
                        if (j < FOREST_SAMPLE) {
                            sample.set((int) j, row);
                        }
                    }
                }
                ctx.checkCancelled();
            }
        }
        return complete;
    }

    private void writeSummary(StepContext ctx, List<String> names, List<Map<String, Fence>> fences, Treatment t,
            long sampled) throws IOException {
        Path file = ctx.artifactDir().resolve(SUMMARY_FILE);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("column,group,method,threshold,values,center,spread,lower_fence,upper_fence,touched,action,note\n");
            String m = params.method().jsonName();
            String a = params.action().jsonName();
            if (fences == null) {
                w.write(CsvCell.of(String.join("+", names)) + ",," + m + "," + num(threshold) + "," + sampled
                        + ",,,,," + t.outlierRows + "," + a + "," + CsvCell.of(t.forestNote(sampled)) + "\n");
            } else {
                for (int i = 0; i < names.size(); i++) {
                    for (Map.Entry<String, Fence> e : fences.get(i).entrySet()) {
                        Fence f = e.getValue();
                        w.write(CsvCell.of(names.get(i)) + "," + CsvCell.of(e.getKey()) + "," + m + "," + num(threshold)
                                + "," + f.values + "," + num(f.center) + "," + num(f.spread) + ","
                                + (f.checked() ? num(f.lower) : "") + "," + (f.checked() ? num(f.upper) : "") + ","
                                + f.touched + "," + a + "," + CsvCell.of(f.note) + "\n");
                    }
                }
            }
        }
        ctx.addArtifact(file, ArtifactKind.TABLE, "Outlier summary");
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return Column.formatDecimal(Math.round(v * 1e6) / 1e6);
    }

    /** The second pass: which values are out, and what is done to them. Used by one thread. */
    static final class Treatment {
        private final OutliersParameters params;
        private final Schema schema;
        private final int[] cols;
        private final int group;
        private final List<Map<String, Fence>> fences;
        private final IsolationForest forest;
        private final double threshold;
        long outlierRows;

        Treatment(OutliersParameters params, Schema schema, int[] cols, int group, List<Map<String, Fence>> fences,
                IsolationForest forest, double threshold) {
            this.params = params;
            this.schema = schema;
            this.cols = cols;
            this.group = group;
            this.fences = fences;
            this.forest = forest;
            this.threshold = threshold;
        }

        static double[] vector(Batch b, int[] cols, int r) {
            double[] v = new double[cols.length];
            for (int i = 0; i < cols.length; i++) {
                Column c = b.column(cols[i]);
                if (c.isNull(r) || !Double.isFinite(c.getDouble(r))) {
                    return null;
                }
                v[i] = c.getDouble(r);
            }
            return v;
        }

        String forestNote(long sampled) {
            return forest == null ? "fewer than " + params.minGroupSize() + " complete rows: not checked"
                    : "trees grown on " + Math.min(sampled, FOREST_SAMPLE) + " sampled complete rows";
        }

        private Fence fence(int i, Batch b, int r) {
            return fences.get(i).get(groupOf(b, group, r));
        }

        Batch apply(Batch b, long firstRow, org.assay.api.step.Quarantine quarantine) {
            int n = b.rowCount();
            boolean[] outlier = new boolean[n];
            double[] score = new double[n];
            BitSet scored = new BitSet();
            // Per checked column, the rows whose value is out (per-column methods only).
            BitSet[] out = new BitSet[cols.length];
            for (int r = 0; r < n; r++) {
                if (forest != null) {
                    double[] v = vector(b, cols, r);
                    if (v != null) {
                        score[r] = forest.score(v);
                        scored.set(r);
                        outlier[r] = score[r] > threshold;
                    }
                    continue;
                }
                if (fences == null) {
                    continue;
                }
                for (int i = 0; i < cols.length; i++) {
                    Column c = b.column(cols[i]);
                    Fence f = c.isNull(r) ? null : fence(i, b, r);
                    if (f == null || !f.checked() || !Double.isFinite(c.getDouble(r))) {
                        continue;
                    }
                    double x = c.getDouble(r);
                    scored.set(r);
                    score[r] = Math.max(score[r], f.score(x));
                    if (f.isOutlier(x)) {
                        outlier[r] = true;
                        f.touched++;
                        if (out[i] == null) {
                            out[i] = new BitSet();
                        }
                        out[i].set(r);
                    }
                }
            }
            for (boolean o : outlier) {
                if (o) {
                    outlierRows++;
                }
            }
            return switch (params.action()) {
                case FLAG -> flag(b, outlier, score, scored);
                case QUARANTINE -> quarantine(b, firstRow, outlier, score, quarantine);
                case CAP, SET_NULL -> rewrite(b, out);
            };
        }

        private Batch flag(Batch b, boolean[] outlier, double[] score, BitSet scored) {
            int n = b.rowCount();
            long[] flags = new long[n];
            double[] scores = new double[n];
            BitSet missing = new BitSet();
            for (int r = 0; r < n; r++) {
                flags[r] = outlier[r] ? 1 : 0;
                scores[r] = Math.round(score[r] * 1e4) / 1e4;
                if (!scored.get(r)) {
                    missing.set(r);
                    scores[r] = 0;
                }
            }
            return b.with(org.assay.api.data.Field.of(OutliersStepType.FLAG, FieldType.BOOLEAN),
                    Column.ofLongs(FieldType.BOOLEAN, flags, n, null))
                    .with(org.assay.api.data.Field.of(OutliersStepType.SCORE, FieldType.DECIMAL),
                            Column.ofDoubles(FieldType.DECIMAL, scores, n, missing));
        }

        private Batch quarantine(Batch b, long firstRow, boolean[] outlier, double[] score,
                org.assay.api.step.Quarantine q) {
            int[] keep = new int[b.rowCount()];
            int k = 0;
            for (int r = 0; r < b.rowCount(); r++) {
                if (outlier[r]) {
                    q.reject(firstRow + r + 1, b, r, reason(b, r, score[r], q));
                } else {
                    keep[k++] = r;
                }
            }
            return k == b.rowCount() ? b : b.select(keep, k);
        }

        private String reason(Batch b, int r, double score, org.assay.api.step.Quarantine q) {
            if (forest != null) {
                return "outlier: isolation-forest score " + num(Math.round(score * 1e4) / 1e4) + " over "
                        + Arrays.stream(cols).mapToObj(c -> schema.field(c).name()).toList() + " is above "
                        + num(threshold);
            }
            StringBuilder s = new StringBuilder("outlier:");
            for (int i = 0; i < cols.length; i++) {
                Column c = b.column(cols[i]);
                Fence f = c.isNull(r) ? null : fence(i, b, r);
                if (f == null || !f.checked() || !f.isOutlier(c.getDouble(r))) {
                    continue;
                }
                String name = schema.field(cols[i]).name();
                double x = c.getDouble(r);
                boolean above = x > f.upper;
                s.append(s.length() > 8 ? ";" : "").append(" column ").append(name).append(": ")
                        .append(q.mayShow(schema, name) ? c.getString(r) + " is " : "the value is ")
                        .append(above ? "above the upper fence " + num(f.upper) : "below the lower fence "
                                + num(f.lower))
                        .append(" (").append(params.method().jsonName()).append(", threshold ").append(num(threshold))
                        .append(group >= 0 ? ", group " + groupOf(b, group, r) : "").append(")");
            }
            return s.toString();
        }

        /** The batch with the outlying values of each column capped to their fence or set null. */
        private Batch rewrite(Batch b, BitSet[] out) {
            Batch result = b;
            for (int i = 0; i < cols.length; i++) {
                if (out[i] == null) {
                    continue;
                }
                Column c = b.column(cols[i]);
                int n = c.size();
                BitSet nulls = new BitSet();
                for (int r = 0; r < n; r++) {
                    if (c.isNull(r) || (params.action() == OutlierAction.SET_NULL && out[i].get(r))) {
                        nulls.set(r);
                    }
                }
                Column replaced;
                if (c.type() == FieldType.INTEGER) {
                    long[] v = Arrays.copyOf(c.longs(), n);
                    for (int r = out[i].nextSetBit(0); r >= 0; r = out[i].nextSetBit(r + 1)) {
                        Fence f = fence(i, b, r);
                        v[r] = params.action() == OutlierAction.SET_NULL ? 0
                                : v[r] > f.upper ? (long) Math.floor(f.upper) : (long) Math.ceil(f.lower);
                    }
                    replaced = Column.ofLongs(c.type(), v, n, nulls);
                } else {
                    double[] v = Arrays.copyOf(c.doubles(), n);
                    for (int r = out[i].nextSetBit(0); r >= 0; r = out[i].nextSetBit(r + 1)) {
                        Fence f = fence(i, b, r);
                        v[r] = params.action() == OutlierAction.SET_NULL ? 0 : v[r] > f.upper ? f.upper : f.lower;
                    }
                    replaced = Column.ofDoubles(c.type(), v, n, nulls);
                }
                result = result.with(result.schema().field(cols[i]), replaced);
            }
            return result;
        }
    }
}
