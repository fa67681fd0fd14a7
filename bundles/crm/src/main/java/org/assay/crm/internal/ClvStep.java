package org.assay.crm.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assay.api.artifact.CsvTable;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;

/** One run of {@code clv}: the holdout evaluation (when asked), then the fit on all orders and the predictions. */
final class ClvStep implements Step {

    static final String FIT_PORT = "fit";
    static final String EVALUATION_FILE = "clv-evaluation.csv";
    static final String HOLDOUT_FILE = "clv-holdout.csv";

    static Schema customers(Field key) {
        return Schema.of(key, Field.of("purchases", FieldType.INTEGER),
                Field.of("repeat_purchases", FieldType.INTEGER), Field.of("recency_days", FieldType.INTEGER),
                Field.of("tenure_days", FieldType.INTEGER), Field.of("mean_spend", FieldType.DECIMAL),
                Field.of("p_alive", FieldType.DECIMAL), Field.of("expected_purchases", FieldType.DECIMAL),
                Field.of("expected_spend", FieldType.DECIMAL), Field.of("clv", FieldType.DECIMAL),
                Field.of("method", FieldType.STRING));
    }

    static final Schema FIT = Schema.of(Field.of("model", FieldType.STRING), Field.of("parameter", FieldType.STRING),
            Field.of("value", FieldType.DECIMAL));

    private final ClvParameters p;

    ClvStep(ClvParameters p) {
        this.p = p;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Orders orders = Orders.read(ctx, "clv", p.customerColumn(), p.dateColumn(), p.amountColumn());
        long asOf = AsOf.day(p.asOf(), orders.lastDay());
        ctx.progress(0.1);
        if (p.holdoutDays() > 0 && orders.rows() > orders.rejected()) {
            evaluate(ctx, orders, asOf);
        }
        ctx.progress(0.5);
        List<ClvModel.History> hs = new ArrayList<>();
        for (Orders.Customer c : orders.customers(asOf - 1)) {
            hs.add(ClvModel.History.of(c, asOf - 1));
        }
        Field key = orders.key();
        Schema schema = customers(key);
        BatchSink out = ctx.output(PortSpec.OUT, schema);
        BatchSink fit = ctx.output(FIT_PORT, FIT);
        long written = 0;
        if (!hs.isEmpty()) {
            ClvModel m = ClvModel.fit(hs, p.minRepeatCustomers(), ctx::isCancelled);
            ctx.checkCancelled();
            if (m.method.equals(ClvModel.FULL)) {
                ctx.log().info("clv: {} on {} customers", m.method, hs.size());
            } else {
                ctx.log().warn("clv: using {} because {}", m.method, m.reason);
            }
            BatchBuilder b = new BatchBuilder(schema);
            boolean integerKey = key.type() == FieldType.INTEGER;
            for (ClvModel.History h : hs) {
                if (integerKey) {
                    b.setLong(0, Long.parseLong(h.key()));
                } else {
                    b.setString(0, h.key());
                }
                b.setLong(1, h.purchases()).setLong(2, (long) h.x()).setLong(3, (long) h.tx()).setLong(4, (long) h.t())
                        .setDouble(5, h.meanSpend());
                double alive = m.alive(h);
                if (Double.isNaN(alive)) {
                    b.setNull(6);
                } else {
                    b.setDouble(6, alive);
                }
                b.setDouble(7, m.purchases(h, p.horizonDays())).setDouble(8, m.spend(h))
                        .setDouble(9, m.value(h, p.horizonDays(), p.discountRate())).setString(10, m.method).endRow();
                written++;
                if (b.isFull()) {
                    out.write(b.build());
                }
            }
            if (!b.isEmpty()) {
                out.write(b.build());
            }
            BatchBuilder fb = new BatchBuilder(FIT);
            for (Object[] r : m.parameters()) {
                fb.setString(0, (String) r[0]).setString(1, (String) r[1]).setDouble(2, (Double) r[2]).endRow();
                written++;
            }
            if (!fb.isEmpty()) {
                fit.write(fb.build());
            }
        }
        orders.account(ctx, written);
        ctx.progress(1.0);
    }

    /** The calibration histories (orders before the split) and each one's purchase days from the split on. */
    record Split(List<ClvModel.History> calibration, List<Integer> holdoutPurchases) {

        /**
         * Customers whose first order is before {@code split}, observed to the day before it (lifetimes'
         * calibration_and_holdout_data with calibration_period_end = split - 1), and their purchase days
         * in the customers' remaining orders (all before asOf).
         */
        static Split of(List<Orders.Customer> all, long split) {
            List<ClvModel.History> cal = new ArrayList<>();
            List<Integer> actual = new ArrayList<>();
            for (Orders.Customer c : all) {
                if (c.first() >= split) {
                    continue;
                }
                long[] d = c.days();
                int cut = 0;
                while (cut < d.length && d[cut] < split) {
                    cut++;
                }
                cal.add(ClvModel.History.of(new Orders.Customer(c.key(), Arrays.copyOf(d, cut),
                        Arrays.copyOf(c.amounts(), cut)), split - 1));
                int n = 0;
                for (int i = cut; i < d.length; i++) {
                    n += i == cut || d[i] != d[i - 1] ? 1 : 0;
                }
                actual.add(n);
            }
            return new Split(cal, actual);
        }
    }

    /** Fit on the orders before asOf - holdoutDays; compare predicted with actual purchase days in the holdout. */
    private void evaluate(StepContext ctx, Orders orders, long asOf) throws Exception {
        long split = asOf - p.holdoutDays();
        Split s = Split.of(orders.customers(asOf - 1), split);
        List<ClvModel.History> cal = s.calibration();
        List<Integer> actual = s.holdoutPurchases();
        if (cal.isEmpty()) {
            ctx.log().warn("clv: no customer bought before the holdout ({} days); no evaluation", p.holdoutDays());
            return;
        }
        ClvModel m = ClvModel.fit(cal, p.minRepeatCustomers(), ctx::isCancelled);
        int n = cal.size();
        double[] pred = new double[n];
        double[] act = new double[n];
        double mae = 0;
        int groups = 8;
        double[][] byX = new double[groups][3];
        for (int i = 0; i < n; i++) {
            pred[i] = m.purchases(cal.get(i), p.holdoutDays());
            act[i] = actual.get(i);
            mae += Math.abs(pred[i] - act[i]) / n;
            int g = (int) Math.min(groups - 1, cal.get(i).x());
            byX[g][0]++;
            byX[g][1] += act[i];
            byX[g][2] += pred[i];
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("method", m.method));
        rows.add(List.of("calibration_end", java.time.LocalDate.ofEpochDay(split - 1).toString()));
        rows.add(List.of("holdout_days", Integer.toString(p.holdoutDays())));
        rows.add(List.of("customers", Integer.toString(n)));
        rows.add(List.of("actual_purchases", CsvTable.number(sum(act))));
        rows.add(List.of("predicted_purchases", CsvTable.number(sum(pred))));
        rows.add(List.of("mae", CsvTable.number(mae)));
        rows.add(List.of("correlation", CsvTable.number(correlation(pred, act))));
        Path file = ctx.artifactDir().resolve(EVALUATION_FILE);
        CsvTable.write(file, List.of("metric", "value"), rows);
        ctx.addArtifact(file, ArtifactKind.TABLE, "CLV: predicted vs actual purchases in the holdout");
        List<List<String>> groupRows = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            if (byX[g][0] > 0) {
                groupRows.add(List.of(g == groups - 1 ? g + "+" : Integer.toString(g), CsvTable.number(byX[g][0]),
                        CsvTable.number(byX[g][1] / byX[g][0]), CsvTable.number(byX[g][2] / byX[g][0])));
            }
        }
        Path groupsFile = ctx.artifactDir().resolve(HOLDOUT_FILE);
        CsvTable.write(groupsFile, List.of("calibration_repeat_purchases", "customers", "actual_mean",
                "predicted_mean"), groupRows);
        ctx.addArtifact(groupsFile, ArtifactKind.TABLE, "CLV: holdout purchases by calibration repeat purchases");
        ctx.log().info("clv: holdout evaluation ({}): {} customers, MAE {}, actual {} vs predicted {} purchases",
                m.method, n, CsvTable.number(mae), CsvTable.number(sum(act)), CsvTable.number(sum(pred)));
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /** Pearson's correlation; NaN when either side is constant. */
    static double correlation(double[] x, double[] y) {
        int n = x.length;
        double mx = sum(x) / n;
        double my = sum(y) / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }
}
