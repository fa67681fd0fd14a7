package org.assay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.junit.Test;

/**
 * Solution 6, crm-satisfaction, on the generated CRM data set loaded into H2 by crm-setup: the planted satisfaction drivers
 * of workflows/data/crm/truth.json (the bad product, late deliveries) come out on top of the
 * drivers table, the sentiment labels agree with the NPS band the generator wrote each text for,
 * the report opens with NPS, and no written table carries the text or a customer id.
 */
public class CrmSatisfactionIT extends AssayKarafTestSupport {

    @Test
    public void thePlantedDriversOfLowScoresAreRecovered() throws Exception {
        awaitDeployed("crm-setup");
        RunInfo setup = awaitFinished(runs().start("crm-setup").runId());
        assertEquals(describe(setup), RunStatus.SUCCEEDED, setup.status());
        awaitDeployed("crm-satisfaction");
        RunInfo run = awaitFinished(runs().start("crm-satisfaction").runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
        for (StepRunInfo step : run.steps()) {
            assertEquals("step " + step.stepId() + ": rows in = out + quarantined + filtered\n" + describe(run),
                    step.rowsIn(), step.rowsOut() + step.quarantined() + step.filtered());
        }
        assertTrue("customers without analytics consent are filtered", step(run, "consented").filtered() > 0);
        JsonNode truth = new ObjectMapper().readTree(workflowDir().resolve("data/crm/truth.json").toFile())
                .path("satisfaction");
        String badProduct = truth.path("badProductName").asText();
        assertFalse(badProduct.isEmpty());

        List<Map<String, String>> drivers = table(artifact(step(run, "drivers-file"), "satisfaction-drivers.csv"));
        for (Map<String, String> d : drivers.subList(0, Math.min(6, drivers.size()))) {
            System.out.println("crm-satisfaction driver " + d);
        }
        Map<String, String> top = drivers.get(0);
        assertEquals("the bad product is the strongest driver: " + drivers.subList(0, 3), "product", top.get("factor"));
        assertEquals(badProduct, top.get("level"));
        assertEquals("true", top.get("significant"));
        double badRatio = Double.parseDouble(top.get("rate_ratio"));
        assertTrue("rate ratio of the bad product " + badRatio, badRatio > 2.5);
        Map<String, String> delivery = drivers.stream().filter(d -> d.get("factor").equals("delivery_ticket")
                && d.get("level").equals("yes")).findFirst().orElseThrow(() -> new AssertionError(drivers.toString()));
        assertEquals("true", delivery.get("significant"));
        double deliveryRatio = Double.parseDouble(delivery.get("rate_ratio"));
        assertTrue("rate ratio of a delivery ticket near the feedback " + deliveryRatio, deliveryRatio > 1.8);
        int deliveryRank = Integer.parseInt(delivery.get("rank"));
        for (Map<String, String> d : drivers) {
            if (d.get("factor").equals("plan") || d.get("factor").equals("channel")) {
                assertTrue("no planted effect of " + d + " yet it outranks a late delivery",
                        Integer.parseInt(d.get("rank")) > deliveryRank);
            }
        }

        List<Map<String, String>> summary = table(artifact(step(run, "satisfaction-file"), "satisfaction.csv"));
        Map<String, String> all = summary.get(0);
        assertEquals("all", all.get("dimension"));
        assertEquals("all", all.get("period"));
        System.out.println("crm-satisfaction all " + all);
        double nps = Double.parseDouble(all.get("nps"));
        assertTrue(Double.parseDouble(all.get("nps_low")) < nps && nps < Double.parseDouble(all.get("nps_high")));
        assertTrue("12 quarters of trend", summary.stream().filter(r -> r.get("dimension").equals("all")
                && r.get("period").contains("-Q")).count() >= 12);

        // The generator writes positive texts for promoters and negative ones for detractors.
        List<Map<String, String>> scored = table(artifact(step(run, "sentiment-file"), "feedback-sentiment.csv"));
        assertFalse("no text, key phrases or customer id in the written file", scored.get(0).containsKey("text")
                || scored.get(0).containsKey("key_phrases") || scored.get(0).containsKey("customer_id"));
        Map<String, int[]> agree = new HashMap<>();
        for (Map<String, String> r : scored) {
            int score = Integer.parseInt(r.get("nps"));
            String band = score >= 9 ? "positive" : score <= 6 ? "negative" : null;
            if (band != null) {
                int[] k = agree.computeIfAbsent(r.get("language") + " " + band, x -> new int[2]);
                k[0] += band.equals(r.get("sentiment_label")) ? 1 : 0;
                k[1]++;
            }
        }
        for (Map.Entry<String, int[]> e : agree.entrySet()) {
            System.out.printf("crm-satisfaction sentiment agreement %s: %d/%d%n", e.getKey(), e.getValue()[0],
                    e.getValue()[1]);
            assertTrue(e.getKey() + ": " + e.getValue()[0] + "/" + e.getValue()[1],
                    e.getValue()[0] >= 0.9 * e.getValue()[1]);
        }
        assertEquals(4, agree.size());

        JsonNode section = new ObjectMapper().readTree(artifact(step(run, "satisfaction"),
                "satisfaction.section.json").toFile());
        System.out.println("crm-satisfaction summary " + section.path("summary"));
        String first = section.path("summary").get(0).asText();
        assertTrue(first, first.startsWith("NPS is "));
        assertTrue(section.toString(), section.path("summary").toString().contains("Detractors (NPS 0-6) are")
                && section.path("summary").toString().contains("when product is " + badProduct));
        assertTrue(Files.size(artifact(step(run, "nps-trend"), "nps-trend.png")) > 1000);
        assertTrue(Files.size(artifact(step(run, "drivers-chart"), "drivers-chart.png")) > 1000);
        // Kept for a look: itests/target/crm-satisfaction/.
        java.nio.file.Path keep = Files.createDirectories(itestDir().resolve("crm-satisfaction"));
        for (String[] chart : new String[][] {{"nps-trend", "nps-trend.png"}, {"csat-trend", "csat-trend.png"},
            {"drivers-chart", "drivers-chart.png"}, {"sentiment-by-plan", "sentiment-by-plan.png"},
            {"sentiment-by-product-category", "sentiment-by-product-category.png"}}) {
            Files.copy(artifact(step(run, chart[0]), chart[1]), keep.resolve(chart[1]),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(run.report(), keep.resolve("report.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static java.nio.file.Path itestDir() {
        java.nio.file.Path base = java.nio.file.Paths.get(System.getProperty("karaf.base")).toAbsolutePath();
        for (java.nio.file.Path p = base; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("exam")) {
                return p.getParent();
            }
        }
        return base;
    }

    /** A small CSV written by csv-writer (no quoted commas in these tables' cells). */
    private static List<Map<String, String>> table(java.nio.file.Path file) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length && i < cells.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }
}
