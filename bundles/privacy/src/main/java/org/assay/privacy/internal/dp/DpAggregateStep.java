package org.assay.privacy.internal.dp;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assay.api.artifact.CsvTable;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.DataStream;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/**
 * One run of {@code dp-aggregate}. The budget is charged first (a refusal releases nothing),
 * then counts and clamped sums per group are computed exactly and released with integer noise:
 * two-sided geometric (discrete Laplace) or discrete Gaussian. Sums are computed on a grid of step gamma = a power of two near
 * sensitivity / 1024, so they are integers in grid units and the integer mechanism applies;
 * the grid adds at most gamma / 2 per value, far below the noise. Groups are released in
 * sorted order, so a seeded run is reproducible.
 */
final class DpAggregateStep implements Step {

    private final DpAggregateParameters params;
    private final BudgetLedger ledger;

    DpAggregateStep(DpAggregateParameters params, BudgetLedger ledger) {
        this.params = params;
        this.ledger = ledger;
    }

    /** A sum or mean column: its bounds, sensitivity and grid. */
    private record Numeric(String name, int index, double lo, double hi, double sensitivity, double gamma,
            long units) {
        static Numeric of(String name, int index, double[] b) {
            double sensitivity = Math.max(Math.abs(b[0]), Math.abs(b[1]));
            double gamma = Math.scalb(1.0, Math.getExponent(sensitivity / 1024));
            return new Numeric(name, index, b[0], b[1], sensitivity, gamma, (long) Math.ceil(sensitivity / gamma));
        }

        long toUnits(double v) {
            return Math.round(Math.min(hi, Math.max(lo, v)) / gamma);
        }
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        double total = params.epsilon() * params.queries();
        BudgetLedger.Charge charge = ledger.charge(ctx.runId(), ctx.stepId(), total,
                params.deltaPerQuery() * params.queries());
        List<Numeric> numeric = new ArrayList<>();
        Map<List<Object>, long[]> groups = new HashMap<>();
        long rows = 0;
        Schema out;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema schema = in.schema();
            int[] group = new int[params.groupBy().size()];
            for (int g = 0; g < group.length; g++) {
                group[g] = index(schema, "groupBy", params.groupBy().get(g));
            }
            for (String c : columnsInOrder()) {
                numeric.add(Numeric.of(c, index(schema, "sum", c), DpAggregateParameters.bounds(params.bounds()
                        .get(c))));
            }
            out = DpAggregateStepType.output(params, schema);
            for (Batch b = in.next(); b != null; b = in.next()) {
                for (int r = 0; r < b.rowCount(); r++) {
                    List<Object> key = new ArrayList<>(group.length);
                    for (int g : group) {
                        key.add(b.column(g).get(r));
                    }
                    // [0] rows, then per numeric column: its sum in grid units and its non-null count.
                    long[] acc = groups.computeIfAbsent(key, k -> new long[1 + 2 * numeric.size()]);
                    acc[0]++;
                    for (int i = 0; i < numeric.size(); i++) {
                        Column col = b.column(numeric.get(i).index());
                        if (!col.isNull(r)) {
                            acc[1 + 2 * i] += numeric.get(i).toUnits(col.getDouble(r));
                            acc[2 + 2 * i]++;
                        }
                    }
                }
                rows += b.rowCount();
                ctx.checkCancelled();
            }
        }
        Noise noise = new Noise(params, params.seed().isPresent() ? new Random(params.seed().get())
                : new SecureRandom());
        List<Map.Entry<List<Object>, long[]>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort(Comparator.comparing(e -> e.getKey().toString()));
        BatchSink sink = ctx.output(PortSpec.OUT, out);
        BatchBuilder b = new BatchBuilder(out);
        double eps = params.epsilon();
        int sums = params.sum().size();
        for (Map.Entry<List<Object>, long[]> e : sorted) {
            int col = 0;
            for (Object v : e.getKey()) {
                b.set(col++, v);
            }
            long[] acc = e.getValue();
            if (params.count()) {
                b.setLong(col++, Math.max(0, acc[0] + noise.sample(1, 1)));
            }
            for (int i = 0; i < numeric.size(); i++) {
                Numeric n = numeric.get(i);
                if (i < sums) {
                    b.setDouble(col++, (acc[1 + 2 * i] + noise.sample(n.units(), 1)) * n.gamma());
                } else {
                    double s = (acc[1 + 2 * i] + noise.sample(n.units(), 2)) * n.gamma();
                    double c = Math.max(1, acc[2 + 2 * i] + noise.sample(1, 2));
                    b.setDouble(col++, Math.min(n.hi(), Math.max(n.lo(), s / c)));
                }
            }
            b.endRow();
            if (b.isFull()) {
                sink.write(b.build());
            }
        }
        if (!b.isEmpty()) {
            sink.write(b.build());
        }
        ctx.countFiltered(rows - groups.size());
        report(ctx, numeric, charge, noise);
        ctx.log().info("dp-aggregate: {} rows into {} groups, {} queries at epsilon {}{} ({} noise, count noise scale"
                + " {}); workflow {} has spent {} of {}", rows, groups.size(), params.queries(), eps,
                params.deltaPerQuery() > 0 ? " and delta " + params.deltaPerQuery() : "",
                params.mechanism().name().toLowerCase(java.util.Locale.ROOT), CsvTable.number(noise.scale(1, 1)),
                charge.workflowId(), CsvTable.number(charge.spentBefore() + charge.charged()),
                CsvTable.number(charge.budget()));
    }

    /** Sum columns first, then mean columns, as in the output. */
    private List<String> columnsInOrder() {
        List<String> all = new ArrayList<>(params.sum());
        all.addAll(params.mean());
        return all;
    }

    private static int index(Schema schema, String parameter, String name) throws StepFailure {
        int i = schema.indexOf(name);
        if (i < 0) {
            throw new StepFailure("dp-aggregate: parameter " + parameter + ": " + ColumnNotFound.message(name, schema,
                    "the input"));
        }
        return i;
    }

    /**
     * The noise of each query, by the mechanism chosen: a query of integer sensitivity (grid
     * units) spending epsilon / split and delta / split (split 2 for each half of a mean). The
     * Gaussian sigma of each kind of query is calibrated once per run.
     */
    private static final class Noise {
        private final DpAggregateParameters params;
        private final DiscreteLaplace laplace;
        private final DiscreteGaussian gaussian;
        private final Map<String, Double> sigmas = new HashMap<>();

        Noise(DpAggregateParameters params, java.util.random.RandomGenerator random) {
            this.params = params;
            this.laplace = new DiscreteLaplace(random);
            this.gaussian = new DiscreteGaussian(random);
        }

        /** Laplace b or Gaussian sigma, in grid units. */
        double scale(long sensitivity, int split) {
            double eps = params.epsilon() / split;
            if (params.mechanism() == DpMechanism.LAPLACE) {
                return sensitivity / eps;
            }
            double delta = params.deltaPerQuery() / split;
            return sigmas.computeIfAbsent(sensitivity + "/" + split, k -> DiscreteGaussian.sigma(sensitivity, eps,
                    delta));
        }

        long sample(long sensitivity, int split) {
            double scale = scale(sensitivity, split);
            return params.mechanism() == DpMechanism.LAPLACE ? laplace.sample(scale) : gaussian.sample(scale);
        }

        /** Noise beyond this has probability 1/20: b ln 20 for Laplace, 1.96 sigma for Gaussian. */
        double within95(double scale) {
            return params.mechanism() == DpMechanism.LAPLACE ? scale * Math.log(20) : scale * 1.959964;
        }
    }

    /** The noise scale of each query (b or sigma, and the 95% band), and the budgets. */
    private void report(StepContext ctx, List<Numeric> numeric, BudgetLedger.Charge charge, Noise noise)
            throws Exception {
        double eps = params.epsilon();
        double delta = params.deltaPerQuery();
        List<List<String>> rows = new ArrayList<>();
        if (params.count()) {
            rows.add(query("count", eps, delta, 1, noise.scale(1, 1), noise));
        }
        for (int i = 0; i < numeric.size(); i++) {
            Numeric n = numeric.get(i);
            boolean sum = i < params.sum().size();
            double scale = noise.scale(n.units(), sum ? 1 : 2) * n.gamma();
            rows.add(query((sum ? "sum " : "mean ") + n.name() + (sum ? "" : " (sum half; its count half has "
                    + "noise scale " + CsvTable.number(noise.scale(1, 2)) + ")"), eps, delta, n.sensitivity(), scale,
                    noise));
        }
        rows.add(List.of("budget spent before this step", "", "", CsvTable.number(charge.spentBefore()), ""));
        rows.add(List.of("budget spent by this step", "", "", CsvTable.number(charge.charged()), ""));
        rows.add(List.of("budget of workflow " + charge.workflowId(), "", "", CsvTable.number(charge.budget()), ""));
        rows.add(List.of("budget remaining", "", "", CsvTable.number(charge.remaining()), ""));
        rows.add(List.of("delta spent before this step", "", "", Double.toString(charge.deltaSpentBefore()), ""));
        rows.add(List.of("delta spent by this step", "", "", Double.toString(charge.deltaCharged()), ""));
        rows.add(List.of("delta budget of workflow " + charge.workflowId(), "", "",
                Double.toString(charge.deltaBudget()), ""));
        rows.add(List.of("delta remaining", "", "", Double.toString(charge.deltaRemaining()), ""));
        Path file = ctx.artifactDir().resolve("dp-report.csv");
        CsvTable.write(file, List.of("query", "epsilon", "sensitivity", "noise scale", "95% of noise within +-",
                "delta", "mechanism"), rows);
        ctx.addArtifact(file, ArtifactKind.TABLE, "Differential privacy: epsilon, delta, noise scale and budget "
                + "(noise scale: Laplace b or Gaussian sigma; budgets add up by basic composition)");
    }

    private static List<String> query(String name, double eps, double delta, double sensitivity, double scale,
            Noise noise) {
        String mechanism = delta > 0 ? "gaussian" : "laplace";
        return List.of(name, CsvTable.number(eps), CsvTable.number(sensitivity), CsvTable.number(scale),
                CsvTable.number(noise.within95(scale)), Double.toString(delta), mechanism);
    }
}
