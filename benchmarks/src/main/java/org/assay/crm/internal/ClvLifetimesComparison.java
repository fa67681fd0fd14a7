package org.assay.crm.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Not a test. clv's figures against the Python lifetimes package's on the same inputs: computes
 * Assay's with the clv step's own code ({@link ClvModel}, and for the CRM sample {@link ClvStep.Split},
 * the holdout split the step makes), writes them as JSON and runs {@code lifetimes_clv.py --assay},
 * which fits lifetimes and prints both side by side.
 *
 * <ul>
 * <li>{@code cdnow}: lifetimes' bundled CDNOW summary (weeks), exported by the script, not kept here;
 * <li>{@code synthetic}: ClvLifetimesTest's table;
 * <li>{@code crm}: workflows/data/crm orders of the customers with consent_profiling, asOf 2026-07-01,
 *     90 days held out (as crm-lifetime-value), and three earlier 90-day holdouts.
 * </ul>
 *
 * Arguments: {@code --dir D}, {@code --python P}, {@code --script S}, {@code --data workflows/data/crm},
 * {@code --synthetic F}.
 */
public final class ClvLifetimesComparison {

    private ClvLifetimesComparison() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("dir", "target/bench", "python", "python3", "script",
                "lifetimes_clv.py", "data", "../workflows/data/crm", "synthetic",
                "../bundles/crm/src/test/resources/org/assay/crm/internal/clv-synthetic-summary.csv"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path dir = Files.createDirectories(Path.of(o.get("dir")));
        Map<String, Object> ours = new LinkedHashMap<>();
        Path cdnow = dir.resolve("cdnow-summary.csv");
        Process export = new ProcessBuilder(o.get("python"), o.get("script"), "--export-cdnow", cdnow.toString())
                .inheritIO().start();
        if (export.waitFor() == 0 && Files.exists(cdnow)) {
            ours.put("cdnow", summaryFigures(readSummary(cdnow), 52));
        }
        ours.put("synthetic", summaryFigures(readSummary(Path.of(o.get("synthetic"))), 365));
        ours.put("crm", crm(Path.of(o.get("data"))));
        Path json = dir.resolve("clv-assay-figures.json");
        Files.writeString(json, toJson(ours));
        Process python = new ProcessBuilder(o.get("python"), o.get("script"), "--data", o.get("data"), "--synthetic",
                o.get("synthetic"), "--assay", json.toString()).inheritIO().start();
        if (python.waitFor() != 0) {
            throw new IllegalStateException("lifetimes_clv.py failed");
        }
    }

    /** A frequency, recency, T, monetary_value table (first column the customer). */
    static List<ClvModel.History> readSummary(Path file) throws IOException {
        List<ClvModel.History> hs = new ArrayList<>();
        for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
            String[] f = line.split(",");
            double x = Double.parseDouble(f[1]);
            double m = Double.parseDouble(f[4]);
            hs.add(new ClvModel.History(f[0], (int) x + 1, x, Double.parseDouble(f[2]), Double.parseDouble(f[3]), m,
                    x > 0 ? m : Double.NaN));
        }
        return hs;
    }

    static Map<String, Object> summaryFigures(List<ClvModel.History> hs, double horizon) {
        ClvModel m = ClvModel.fit(hs, 20, () -> false);
        Map<String, Object> out = parameters(m, hs.size());
        double expected = 0;
        double alive = 0;
        double clv = 0;
        for (ClvModel.History h : hs) {
            expected += m.purchases(h, horizon);
            alive += m.alive(h);
            clv += m.value(h, 360, 0.01);
        }
        out.put("expected_purchases_sum", expected);
        out.put("p_alive_sum", alive);
        out.put("clv_12_months_sum", clv);
        return out;
    }

    static Map<String, Object> parameters(ClvModel m, int customers) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("customers", customers);
        out.put("bg_nbd", Map.of("r", m.bg.r(), "alpha", m.bg.alpha(), "a", m.bg.a(), "b", m.bg.b()));
        out.put("bg_nbd_log_likelihood", m.bgFit.logLikelihood());
        if (m.ggFit != null) {
            GammaGamma g = m.ggFit.model();
            out.put("gamma_gamma", Map.of("p", g.p(), "q", g.q(), "v", g.gamma()));
            out.put("gamma_gamma_log_likelihood", m.ggFit.logLikelihood());
        }
        return out;
    }

    static Map<String, Object> crm(Path data) throws IOException {
        Set<String> consent = new HashSet<>();
        Map<String, String> status = new HashMap<>();
        Map<String, String> churn = new HashMap<>();
        List<String> cl = Files.readAllLines(data.resolve("customers.csv"));
        List<String> header = List.of(cl.get(0).split(","));
        for (String line : cl.subList(1, cl.size())) {
            String[] f = line.split(",", -1);
            if (Boolean.parseBoolean(f[header.indexOf("consent_profiling")])) {
                consent.add(f[0]);
            }
            status.put(f[0], f[header.indexOf("status")]);
            churn.put(f[0], f[header.indexOf("churn_date")]);
        }
        // orders per customer in first-seen order, sorted by day (stable), as Orders groups them
        Map<String, List<double[]>> per = new LinkedHashMap<>();
        List<String> ol = Files.readAllLines(data.resolve("orders.csv"));
        for (String line : ol.subList(1, ol.size())) {
            String[] f = line.split(",");
            if (consent.contains(f[1])) {
                per.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new double[] {
                    LocalDate.parse(f[2]).toEpochDay(), Double.parseDouble(f[4])});
            }
        }
        long asOf = LocalDate.parse("2026-07-01").toEpochDay();
        Map<String, Object> out = null;
        Map<String, Object> earlier = new LinkedHashMap<>();
        for (int months : new int[] {0, 3, 6, 9}) {
            long end = LocalDate.ofEpochDay(asOf).minusMonths(months).toEpochDay() - 1;
            long split = end - 89;
            List<Orders.Customer> all = new ArrayList<>();
            for (Map.Entry<String, List<double[]>> e : per.entrySet()) {
                List<double[]> os = new ArrayList<>(e.getValue());
                os.removeIf(x -> x[0] > end);
                os.sort((x, y) -> Double.compare(x[0], y[0]));
                if (!os.isEmpty()) {
                    all.add(new Orders.Customer(e.getKey(), os.stream().mapToLong(x -> (long) x[0]).toArray(),
                            os.stream().mapToDouble(x -> x[1]).toArray()));
                }
            }
            ClvStep.Split s = ClvStep.Split.of(all, split);
            ClvModel m = ClvModel.fit(s.calibration(), 20, () -> false);
            double predicted = 0;
            double actual = 0;
            Map<String, double[]> groups = new LinkedHashMap<>();
            for (int i = 0; i < s.calibration().size(); i++) {
                ClvModel.History h = s.calibration().get(i);
                double p = m.purchases(h, 90);
                predicted += p;
                actual += s.holdoutPurchases().get(i);
                String st = status.get(h.key());
                String g = !"churned".equals(st) ? st : LocalDate.parse(churn.get(h.key())).toEpochDay() > split - 1
                        ? "churns in the holdout" : "churned before the holdout";
                double[] acc = groups.computeIfAbsent(g, k -> new double[3]);
                acc[0]++;
                acc[1] += p;
                acc[2] += s.holdoutPurchases().get(i);
            }
            String range = LocalDate.ofEpochDay(split) + ".." + LocalDate.ofEpochDay(end);
            if (months == 0) {
                out = parameters(m, s.calibration().size());
                double alive = 0;
                double clv = 0;
                for (ClvModel.History h : s.calibration()) {
                    alive += m.alive(h);
                    clv += m.value(h, 360, 0.01);
                }
                out.put("p_alive_sum", alive);
                out.put("clv_12_months_sum", clv);
                out.put("holdout_actual", actual);
                out.put("holdout_predicted", predicted);
                out.put("holdout_predicted_vs_actual", predicted / actual - 1);
                Map<String, Object> by = new LinkedHashMap<>();
                groups.forEach((g, a) -> by.put(g, Map.of("customers", (int) a[0], "predicted", a[1], "actual", a[2])));
                out.put("holdout_by_status", by);
            } else {
                earlier.put(range, Map.of("predicted", predicted, "actual", actual, "predicted_vs_actual",
                        predicted / actual - 1));
            }
        }
        out.put("earlier_holdouts", earlier);
        return out;
    }

    static String toJson(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add("\"" + k + "\": " + toJson(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.17g", d);
        }
        return String.valueOf(v);
    }
}
