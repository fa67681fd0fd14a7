package org.assay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.junit.Test;

/**
 * The customer-value sample runs rfm and clv (assay-crm) on the real distribution over
 * data/orders.csv: every customer gets a segment, the segments add up, BG/NBD is fitted and its
 * holdout prediction is close to what was bought.
 */
public class CrmStepsIT extends AssayKarafTestSupport {

    @Test
    public void customerValueSegmentsAndPredictsTheHoldout() throws Exception {
        awaitDeployed("customer-value");
        RunInfo run = awaitFinished(runs().start("customer-value").runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
        for (StepRunInfo step : run.steps()) {
            assertEquals("step " + step.stepId() + ": rows in = out + quarantined + filtered\n" + describe(run),
                    step.rowsIn(), step.rowsOut() + step.quarantined() + step.filtered());
        }
        assertTrue("returns (negative amounts) are quarantined", step(run, "rfm").quarantined() > 0);
        List<String> segments = Files.readAllLines(artifact(step(run, "segments-file"), "rfm-segments.csv"),
                StandardCharsets.UTF_8);
        assertEquals("segment,customers,share,revenue,revenue_share,mean_recency_days,mean_frequency,mean_monetary",
                segments.get(0));
        assertTrue(segments.get(1), segments.get(1).startsWith("Champions,"));
        double share = 0;
        for (String line : segments.subList(1, segments.size())) {
            share += Double.parseDouble(line.split(",")[2]);
        }
        assertEquals(1.0, share, 1e-6);
        List<String> customers = Files.readAllLines(artifact(step(run, "rfm-file"), "customer-rfm.csv"),
                StandardCharsets.UTF_8);
        assertEquals(Files.readAllLines(artifact(step(run, "clv-file"), "customer-clv.csv")).size(),
                customers.size());
        Map<String, String> eval = new HashMap<>();
        for (String line : Files.readAllLines(artifact(step(run, "clv"), "clv-evaluation.csv"),
                StandardCharsets.UTF_8)) {
            String[] f = line.split(",", 2);
            eval.put(f[0], f[1]);
        }
        assertEquals("bg-nbd + gamma-gamma", eval.get("method"));
        double actual = Double.parseDouble(eval.get("actual_purchases"));
        double predicted = Double.parseDouble(eval.get("predicted_purchases"));
        assertTrue("holdout purchases: actual " + actual + ", predicted " + predicted,
                Math.abs(predicted - actual) < 0.15 * actual);
        assertTrue(Files.size(artifact(step(run, "customers-per-segment"), "customers-per-segment.png")) > 1000);
    }
}
