package org.assay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.junit.Test;

/**
 * The customer-journeys and engagement-states samples run on the real distribution
 * (sequence-patterns and hmm from assay-sequences) and find the truth planted in
 * data/journeys.csv and data/monthly-activity.csv; next-best-offer (next-best-action from
 * assay-decisions) keeps every limit of its campaign.
 */
public class SequencesActionsIT extends AssayKarafTestSupport {

    @Test
    public void customerJourneysFindThePlantedPathToSignup() throws Exception {
        RunInfo run = runSample("customer-journeys");
        List<String> patterns = Files.readAllLines(artifact(step(run, "patterns-file"), "patterns.csv"),
                StandardCharsets.UTF_8);
        assertEquals("pattern,length,sequences,support,first,last", patterns.get(0));
        String[] path = patterns.stream().filter(l -> l.startsWith("home > pricing > plans > signup,")).findFirst()
                .orElseThrow(() -> new AssertionError("the planted path is missing: " + patterns)).split(",");
        double support = Double.parseDouble(path[3]);
        assertTrue("35% of sessions are planted buyers: " + support, support > 0.33 && support < 0.40);
        List<String> rules = Files.readAllLines(artifact(step(run, "rules-file"), "rules-to-signup.csv"),
                StandardCharsets.UTF_8);
        List<String> columns = Arrays.asList(rules.get(0).split(","));
        int confidence = columns.indexOf("confidence");
        String[] plans = rules.stream().filter(l -> l.startsWith("pricing > plans,signup,")).findFirst()
                .orElseThrow(() -> new AssertionError("no rule pricing > plans => signup: " + rules)).split(",");
        assertTrue("browsers never sign up, so plans after pricing almost always ends in a signup: "
                + String.join(",", plans), Double.parseDouble(plans[confidence]) > 0.8);
        assertTrue(rules.stream().skip(1).allMatch(l -> l.split(",")[1].equals("signup")));
        // The access-log branch: every generated checkout ends in /checkout/done.
        List<String> web = Files.readAllLines(artifact(step(run, "web-rules-file"), "web-rules-to-order.csv"),
                StandardCharsets.UTF_8);
        String[] checkout = web.stream().filter(l -> l.startsWith("checkout,order placed,")).findFirst()
                .orElseThrow(() -> new AssertionError("no rule checkout => order placed: " + web)).split(",");
        assertTrue(String.join(",", checkout), Double.parseDouble(checkout[confidence]) > 0.95);
        List<String> webPatterns = Files.readAllLines(artifact(step(run, "web-patterns-file"), "web-patterns.csv"),
                StandardCharsets.UTF_8);
        assertTrue(webPatterns.toString(), webPatterns.stream().anyMatch(l -> l.startsWith(
                "cart > checkout > order placed,")));
    }

    @Test
    public void engagementStatesRecoverThePlantedModel() throws Exception {
        RunInfo run = runSample("engagement-states");
        List<String> states = Files.readAllLines(artifact(step(run, "states-file"), "states.csv"),
                StandardCharsets.UTF_8);
        assertEquals("BIC chooses the three planted states: " + states, 4, states.size());
        assertTrue(states.get(1), states.get(1).startsWith("1,active,"));
        assertTrue(states.get(3), states.get(3).startsWith("3,dormant,") && states.get(3).contains("mostly email"));
        List<String> transitions = Files.readAllLines(artifact(step(run, "transitions-file"), "transitions.csv"),
                StandardCharsets.UTF_8);
        double dormantStays = Double.parseDouble(transitions.stream().filter(l -> l.startsWith("3,dormant,3,"))
                .findFirst().orElseThrow().split(",")[4]);
        assertEquals("planted 0.90", 0.90, dormantStays, 0.03);
        List<String> customers = Files.readAllLines(artifact(step(run, "customers-file"), "customer-states.csv"),
                StandardCharsets.UTF_8);
        assertEquals(1 + 1500, customers.size());
        assertTrue(customers.get(0), customers.get(0).startsWith("customer_id,periods,state,state_name,"));
        assertTrue(Files.size(artifact(step(run, "customers-per-state"), "customers-per-state.png")) > 1000);
        java.nio.file.Path heatmap = artifact(step(run, "transitions-heatmap"), "transitions-heatmap.png");
        assertTrue(Files.size(heatmap) > 1000);
        java.nio.file.Path base = java.nio.file.Paths.get(System.getProperty("karaf.base")).toAbsolutePath();
        java.nio.file.Path target = base.getParent() != null && base.getParent().getParent() != null
                ? base.getParent().getParent() : base;
        Files.copy(heatmap, Files.createDirectories(target.resolve("sequences")).resolve("transitions-heatmap.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String models = executeCommand("assay:model-list");
        assertTrue("the hmm is in the model store: " + models, models.contains("engagement-states"));
    }

    @Test
    public void nextBestOfferKeepsTheBudgetTheCallsAndOneOfferPerCustomer() throws Exception {
        RunInfo run = runSample("next-best-offer");
        List<String> actions = Files.readAllLines(artifact(step(run, "actions"), "actions.csv"),
                StandardCharsets.UTF_8);
        assertEquals("customer,offer,channel,segment,propensity,margin,cost,expected_value,objective_value,reason",
                actions.get(0));
        assertTrue("a real campaign: " + actions.size(), actions.size() > 100);
        double cost = 0;
        int calls = 0;
        java.util.Set<String> customers = new java.util.HashSet<>();
        for (String line : actions.subList(1, actions.size())) {
            String[] f = line.split(",");
            cost += Double.parseDouble(f[6]);
            calls += f[2].equals("call") ? 1 : 0;
            assertTrue("one offer per customer: " + f[0], customers.add(f[0]));
            assertTrue(line, Double.parseDouble(f[7]) > 0);
        }
        assertTrue("budget 250: " + cost, cost <= 250 + 1e-6);
        assertTrue("at most 60 calls: " + calls, calls <= 60);
        List<String> summary = Files.readAllLines(artifact(step(run, "summary"), "campaign-summary.csv"),
                StandardCharsets.UTF_8);
        double gap = Double.parseDouble(summary.stream().filter(l -> l.startsWith("gap_to_lp_bound,")).findFirst()
                .orElseThrow().split(",")[1]);
        assertTrue("gap to the LP bound: " + gap, gap >= 0 && gap < 0.02);
        assertEquals(1 + 3, Files.readAllLines(artifact(step(run, "what-if"), "budget-what-if.csv")).size());
        assertEquals(1 + 1000, Files.readAllLines(artifact(step(run, "simulation"), "simulated-outcomes.csv"))
                .size());
    }

    private RunInfo runSample(String id) throws Exception {
        awaitDeployed(id);
        RunInfo run = awaitFinished(runs().start(id).runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
        for (StepRunInfo step : run.steps()) {
            assertEquals("step " + step.stepId() + ": rows in = out + quarantined + filtered\n" + describe(run),
                    step.rowsIn(), step.rowsOut() + step.quarantined() + step.filtered());
        }
        return run;
    }
}
