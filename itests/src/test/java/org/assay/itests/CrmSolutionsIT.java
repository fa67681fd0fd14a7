package org.assay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.junit.Test;

/**
 * The CRM solutions (issue 16) on the real distribution, one Karaf boot: crm-setup loads the
 * generated CRM into H2, then crm-customer-360, crm-rfm-segments, crm-lifetime-value and
 * crm-sales-forecast run on it, and each recovers what CrmDataGenerator planted
 * (data/crm/truth.json). The figures are printed so the README can quote them.
 */
public class CrmSolutionsIT extends AssayKarafTestSupport {

    private static final Pattern PAIR = Pattern.compile("\\[(\\d+),(\\d+)]");

    @Test
    public void theSolutionsRecoverThePlantedTruth() throws Exception {
        String truth = Files.readString(workflowDir().resolve("data/crm/truth.json"), StandardCharsets.UTF_8);
        RunInfo setup = run("crm-setup");
        assertEquals(5_147, step(setup, "customers-table").rowsOut());

        customer360(truth);
        rfmSegments(truth);
        lifetimeValue(truth);
        salesForecast();
    }

    private RunInfo run(String id) throws Exception {
        awaitDeployed(id);
        RunInfo run = awaitFinished(runs().start(id).runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
        for (StepRunInfo step : run.steps()) {
            assertEquals(id + " step " + step.stepId() + ": rows in = out + quarantined + filtered",
                    step.rowsIn(), step.rowsOut() + step.quarantined() + step.filtered());
        }
        return run;
    }

    /** The report's text, tags taken out. */
    private static String reportText(RunInfo run) throws IOException {
        return Files.readString(run.report(), StandardCharsets.UTF_8).replaceAll("<[^>]+>", " ")
                .replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    /** The opening findings: the first sentence must be the business answer. */
    private static void assertOpensWith(RunInfo run, String start) throws IOException {
        String text = reportText(run);
        int findings = text.indexOf("What this run found");
        assertTrue("report has findings", findings >= 0);
        String opening = text.substring(findings + "What this run found".length()).strip();
        assertTrue(run.workflowId() + " report opens with: " + opening.substring(0, Math.min(200, opening.length())),
                opening.startsWith(start));
    }

    private static List<Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length && i < f.length; i++) {
                row.put(header[i], f[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private Map<String, Map<String, String>> sourceCustomers() throws IOException {
        Map<String, Map<String, String>> byId = new HashMap<>();
        for (Map<String, String> c : csv(workflowDir().resolve("data/crm/customers.csv"))) {
            byId.put(c.get("customer_id"), c);
        }
        return byId;
    }

    /** Planted group name to its customer ids. */
    private static Map<String, Set<String>> groups(String truth) {
        Map<String, Set<String>> groups = new HashMap<>();
        Matcher m = Pattern.compile("\"name\":\"(\\w+)\",\"share\"[^\\[]*\"customerIds\":\\[([0-9,]*)]").matcher(truth);
        while (m.find()) {
            groups.put(m.group(1), new HashSet<>(List.of(m.group(2).split(","))));
        }
        assertEquals(Set.of("vip", "regular", "bargain", "occasional"), groups.keySet());
        return groups;
    }

    private void customer360(String truth) throws Exception {
        RunInfo run = run("crm-customer-360");
        Map<String, Map<String, String>> customers = sourceCustomers();
        Set<List<Long>> planted = new HashSet<>();
        String pairs = truth.substring(truth.indexOf("\"pairs\""), truth.indexOf("]]", truth.indexOf("\"pairs\"")) + 2);
        Matcher m = PAIR.matcher(pairs);
        while (m.find()) {
            if ("true".equals(customers.get(m.group(1)).get("consent_analytics"))) {
                planted.add(List.of(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
            }
        }
        Set<List<Long>> found = new HashSet<>();
        for (Map<String, String> p : csv(artifact(step(run, "duplicate-pairs-file"), "duplicate-pairs.csv"))) {
            long a = Long.parseLong(p.get("kept_id"));
            long b = Long.parseLong(p.get("duplicate_id"));
            found.add(List.of(Math.min(a, b), Math.max(a, b)));
        }
        Set<List<Long>> right = new HashSet<>(found);
        right.retainAll(planted);
        double precision = right.size() / (double) found.size();
        double recall = right.size() / (double) planted.size();
        System.out.printf("crm-customer-360: %d planted duplicate pairs (consented), %d found, precision %.3f, "
                + "recall %.3f%n", planted.size(), found.size(), precision, recall);
        assertTrue("dedup precision " + precision, precision >= 0.95);
        assertTrue("dedup recall " + recall, recall >= 0.9);
        assertEquals("the merged ids are stored", found.size(), step(run, "duplicate-ids-table").rowsOut());

        long consented = customers.values().stream().filter(c -> "true".equals(c.get("consent_analytics"))).count();
        Path profileFile = artifact(step(run, "profile-file"), "customer-360.csv");
        List<Map<String, String>> profiles = csv(profileFile);
        assertEquals("one profile per consented person", consented - found.size(), profiles.size());
        String text = Files.readString(profileFile, StandardCharsets.UTF_8);
        for (Map<String, String> c : customers.values()) {
            assertFalse("raw e-mail in the profile", text.contains(c.get("email")));
            assertFalse("last name in the profile", text.contains("," + c.get("last_name") + ","));
        }
        // a merged person's orders are on the kept record: the profile counts the orders of both ids
        Map<String, Integer> ordersPerId = new HashMap<>();
        for (Map<String, String> o : csv(workflowDir().resolve("data/crm/orders.csv"))) {
            ordersPerId.merge(o.get("customer_id"), 1, Integer::sum);
        }
        int checked = 0;
        Map<String, Map<String, String>> profileById = new HashMap<>();
        profiles.forEach(p -> profileById.put(p.get("customer_id"), p));
        for (List<Long> pair : right) {
            Map<String, String> p = profileById.get(pair.get(0).toString());
            int expected = ordersPerId.getOrDefault(pair.get(0).toString(), 0)
                    + ordersPerId.getOrDefault(pair.get(1).toString(), 0);
            assertEquals("orders of " + pair, expected, Integer.parseInt(p.get("orders")));
            assertEquals("2", p.get("records_merged"));
            checked++;
        }
        assertTrue(checked > 100);
        assertOpensWith(run, String.format("%,d customers who agreed to analytics now have one profile each",
                profiles.size()));
    }

    private void rfmSegments(String truth) throws Exception {
        RunInfo run = run("crm-rfm-segments");
        Map<String, Set<String>> groups = groups(truth);
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        Map<String, double[]> monetary = new HashMap<>();
        for (Map<String, String> c : csv(artifact(step(run, "customers-file"), "customer-rfm.csv"))) {
            String group = groups.entrySet().stream().filter(e -> e.getValue().contains(c.get("customer_id")))
                    .map(Map.Entry::getKey).findFirst().orElse("duplicate record");
            counts.computeIfAbsent(group, k -> new HashMap<>()).merge(c.get("segment"), 1, Integer::sum);
            double[] s = monetary.computeIfAbsent(group, k -> new double[3]);
            s[0] += Double.parseDouble(c.get("monetary")) / Double.parseDouble(c.get("frequency"));
            s[1] += Double.parseDouble(c.get("frequency"));
            s[2]++;
        }
        Map<String, Double> best = new HashMap<>();
        Map<String, Double> slipping = new HashMap<>();
        for (String g : groups.keySet()) {
            Map<String, Integer> seg = counts.get(g);
            double n = seg.values().stream().mapToInt(Integer::intValue).sum();
            best.put(g, (seg.getOrDefault("Champions", 0) + seg.getOrDefault("Loyal customers", 0)) / n);
            slipping.put(g, (seg.getOrDefault("Hibernating", 0) + seg.getOrDefault("Lost", 0)
                    + seg.getOrDefault("About to sleep", 0) + seg.getOrDefault("At risk", 0)) / n);
            System.out.printf("crm-rfm-segments: planted %s (%d customers): %.0f%% Champions or Loyal, %.0f%% "
                    + "slipping or lost, %.1f orders, %.0f per order%n", g, (long) n, 100 * best.get(g),
                    100 * slipping.get(g), monetary.get(g)[1] / n, monetary.get(g)[0] / n);
        }
        assertTrue("vip are Champions or Loyal: " + best, best.get("vip") > 0.6);
        for (String g : List.of("regular", "bargain", "occasional")) {
            assertTrue("vip lead " + g + ": " + best, best.get("vip") > best.get(g) + 0.3);
        }
        assertTrue("occasional buyers slip most: " + slipping, slipping.get("occasional") > 0.5
                && slipping.get("occasional") > slipping.get("regular") && slipping.get("occasional") > slipping.get("vip"));
        double bargain = monetary.get("bargain")[0] / monetary.get("bargain")[2];
        for (String g : List.of("vip", "regular", "occasional")) {
            double other = monetary.get(g)[0] / monetary.get(g)[2];
            assertTrue("bargain hunters spend least per order: " + bargain + " vs " + g + " " + other,
                    bargain < 0.5 * other);
        }
        assertTrue(Files.size(artifact(step(run, "customers-per-segment"), "customers-per-segment.png")) > 1000);
        assertOpensWith(run, "Your most valuable group is ");
        assertTrue(reportText(run).contains("Win back first: "));
    }

    private void lifetimeValue(String truth) throws Exception {
        RunInfo run = run("crm-lifetime-value");
        Set<String> vip = groups(truth).get("vip");
        List<Map<String, String>> ranked = csv(artifact(step(run, "clv-file"), "customer-clv.csv"));
        int top = ranked.size() / 10;
        long vipInTop = ranked.subList(0, top).stream().filter(r -> vip.contains(r.get("customer_id"))).count();
        long vipAll = ranked.stream().filter(r -> vip.contains(r.get("customer_id"))).count();
        double topShare = vipInTop / (double) top;
        double baseShare = vipAll / (double) ranked.size();
        System.out.printf("crm-lifetime-value: planted vip are %.0f%% of the top 10%% by predicted value (%.0f%% of "
                + "all customers)%n", 100 * topShare, 100 * baseShare);
        assertTrue("vip dominate the top decile: " + topShare, topShare > 0.7 && topShare > 3 * baseShare);
        for (int i = 1; i < ranked.size(); i++) {
            assertTrue("sorted by clv", Double.parseDouble(ranked.get(i - 1).get("clv"))
                    >= Double.parseDouble(ranked.get(i).get("clv")));
        }
        Map<String, String> eval = new HashMap<>();
        for (String line : Files.readAllLines(artifact(step(run, "clv"), "clv-evaluation.csv"))) {
            String[] f = line.split(",", 2);
            eval.put(f[0], f[1]);
        }
        double actual = Double.parseDouble(eval.get("actual_purchases"));
        double predicted = Double.parseDouble(eval.get("predicted_purchases"));
        System.out.printf("crm-lifetime-value: 90-day holdout purchases predicted %.0f, actual %.0f (%+.1f%%)%n",
                predicted, actual, 100 * (predicted / actual - 1));
        assertEquals("bg-nbd + gamma-gamma", eval.get("method"));
        assertTrue("holdout within 25%", Math.abs(predicted - actual) < 0.25 * actual);
        assertTrue(Files.size(artifact(step(run, "value-distribution"), "value-distribution.png")) > 1000);
        assertOpensWith(run, String.format("The %,d customers who agreed to profiling are predicted to bring ",
                ranked.size()));
    }

    private void salesForecast() throws Exception {
        RunInfo run = run("crm-sales-forecast");
        double model = 0;
        double baseline = 0;
        int wins = 0;
        Map<String, Double> modelMae = new HashMap<>();
        for (String line : Files.readAllLines(artifact(step(run, "forecast"), "forecast-evaluation.csv"))
                .subList(1, 13)) {
            String[] f = line.split(",");
            double mae = Double.parseDouble(f[3]);
            if (f[1].equals("seasonal naive")) {
                baseline += mae;
                wins += modelMae.get(f[0]) < mae ? 1 : 0;
            } else {
                model += mae;
                modelMae.put(f[0], mae);
            }
        }
        System.out.printf("crm-sales-forecast: 6-month holdout MAE summed over 6 categories: Holt-Winters %.0f, "
                + "seasonal naive %.0f (%.0f%% lower); better in %d of 6 categories%n", model, baseline,
                100 * (1 - model / baseline), wins);
        assertEquals(6, modelMae.size());
        assertTrue("forecast beats seasonal naive", model < 0.75 * baseline);
        assertTrue("in most categories", wins >= 4);
        Map<String, Map<String, Double>> future = new HashMap<>();
        for (Map<String, String> r : csv(artifact(step(run, "forecast-file"), "category-sales-forecast.csv"))) {
            if (r.get("kind").equals("forecast")) {
                future.computeIfAbsent(r.get("series"), k -> new HashMap<>()).put(r.get("period"),
                        Double.parseDouble(r.get("value")));
                assertTrue("band around the forecast", Double.parseDouble(r.get("lower"))
                        <= Double.parseDouble(r.get("value")) && Double.parseDouble(r.get("value"))
                        <= Double.parseDouble(r.get("upper")));
            }
        }
        assertEquals(6, future.size());
        future.values().forEach(v -> assertEquals(6, v.size()));
        assertTrue("toys peak at Christmas: " + future.get("toys"),
                future.get("toys").get("2026-12-01") > 2 * future.get("toys").get("2026-07-01"));
        assertTrue("garden falls into winter: " + future.get("garden"),
                future.get("garden").get("2026-07-01") > 1.2 * future.get("garden").get("2026-12-01"));
        assertOpensWith(run, "Over the next 6 months we expect to sell ");
    }
}
