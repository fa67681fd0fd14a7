package org.assay.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.assay.api.step.ArtifactKind;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.junit.Test;

/**
 * The market-basket and sales-forecast samples run on the real distribution (weka-associate,
 * recommend and forecast from their own bundles, Weka from assay-weka) and find the truth planted
 * in data/order-lines.csv.
 */
public class BasketsForecastIT extends AssayKarafTestSupport {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    public void marketBasketFindsThePlantedRulesAndBeatsPopularity() throws Exception {
        RunInfo run = runSample("market-basket");
        List<String> rules = Files.readAllLines(artifact(step(run, "rules-table"), "rules.csv"), StandardCharsets.UTF_8);
        String header = rules.get(0);
        List<String> columns = Arrays.asList(header.split(","));
        int confidence = columns.indexOf("confidence");
        assertTrue(header, confidence > 0 && columns.contains("lift") && columns.contains("conviction"));
        double beer = confidenceOf(rules, "diapers,beer,", confidence);
        double parmesan = confidenceOf(rules, "pasta & tomato sauce,parmesan,", confidence);
        assertEquals("diapers => beer is planted at 0.8", 0.8, beer, 0.04);
        assertEquals("pasta & tomato sauce => parmesan is planted at 0.7", 0.7, parmesan, 0.04);

        StepRunInfo crossSell = step(run, "cross-sell");
        List<String> list = Files.readAllLines(artifact(step(run, "cross-sell-list"), "cross-sell.csv"),
                StandardCharsets.UTF_8);
        assertTrue(list.get(0), list.get(0).startsWith("customer_id,rank,item,rule,confidence,lift"));
        assertTrue("cross-sell list is long enough: " + list.size(), list.size() > 1000);
        assertTrue("customers with diapers but no beer yet are offered beer by a rule with diapers", list.stream()
                .anyMatch(l -> l.matches("\\d+,\\d+,beer,[^,]*diapers[^,]* => beer,.*")));
        assertTrue("water is excluded", list.stream().noneMatch(l -> l.split(",")[2].equals("water")));
        List<String> evaluation = Files.readAllLines(artifact(crossSell, "evaluation.csv"), StandardCharsets.UTF_8);
        double byRules = Double.parseDouble(row(evaluation, "rules")[3]);
        double filled = Double.parseDouble(row(evaluation, "rules+popular")[3]);
        double popular = Double.parseDouble(row(evaluation, "popularity")[3]);
        assertTrue("rules predict the last basket better than best sellers: " + evaluation, byRules > popular + 0.05);
        assertTrue("topping up with best sellers adds hits: " + evaluation, filled >= byRules);
        List<String> related = Files.readAllLines(artifact(step(run, "bought-with"), "frequently-bought-with.csv"),
                StandardCharsets.UTF_8);
        assertTrue(related.toString(), related.stream().anyMatch(l -> l.startsWith("diapers,1,beer,")));
    }

    @Test
    public void salesForecastBeatsSeasonalNaiveAndDrawsTheChart() throws Exception {
        RunInfo run = runSample("sales-forecast");
        StepRunInfo forecast = step(run, "forecast");
        List<String> evaluation = Files.readAllLines(artifact(forecast, "forecast-evaluation.csv"),
                StandardCharsets.UTF_8);
        assertEquals(evaluation.toString(), 3, evaluation.size());
        String[] model = evaluation.get(1).split(",");
        String[] naive = evaluation.get(2).split(",");
        assertEquals("seasonal naive", naive[1]);
        assertTrue("the chosen model's MAPE below seasonal naive on the planted series: " + evaluation,
                Double.parseDouble(model[5]) < Double.parseDouble(naive[5]));
        ArtifactInfo chart = forecast.artifacts().stream().filter(a -> a.kind() == ArtifactKind.CHART).findFirst()
                .orElseThrow(() -> new AssertionError("no chart: " + forecast.artifacts()));
        try (InputStream in = Files.newInputStream(chart.path())) {
            assertArrayEquals(chart.path() + " is not a PNG", PNG_MAGIC, in.readNBytes(4));
        }
        // Weka's WekaForecaster (timeseriesForecasting, inlined in assay-weka) runs in the distribution too.
        List<String> weka = Files.readAllLines(artifact(step(run, "forecast-weka"), "forecast-evaluation.csv"),
                StandardCharsets.UTF_8);
        assertEquals(weka.toString(), 3, weka.size());
        String[] wekaModel = weka.get(1).split(",");
        assertTrue(weka.toString(), wekaModel[1].startsWith("WekaForecaster"));
        assertTrue("WekaForecaster MAPE below seasonal naive on the planted series: " + weka,
                Double.parseDouble(wekaModel[5]) < Double.parseDouble(weka.get(2).split(",")[5]));
        List<String> table = Files.readAllLines(artifact(step(run, "table"), "monthly-sales-forecast.csv"),
                StandardCharsets.UTF_8);
        assertEquals("series,period,kind,value,lower,upper,baseline,filled", table.get(0));
        assertEquals("72 months of history and 12 forecast: " + table.size(), 1 + 72 + 12, table.size());
        assertTrue(table.get(73), table.get(73).startsWith("all,2025-01-01,forecast,"));
    }

    private RunInfo runSample(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (workflows().get(id).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(id + " was not deployed from " + workflowDir() + "; deployed: "
                        + workflows().list().stream().map(w -> w.id() + " " + w.lastRejected()).toList());
            }
            Thread.sleep(100);
        }
        RunInfo run = awaitFinished(runs().start(id).runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
        for (StepRunInfo step : run.steps()) {
            assertEquals("step " + step.stepId() + ": rows in = out + quarantined + filtered\n" + describe(run),
                    step.rowsIn(), step.rowsOut() + step.quarantined() + step.filtered());
        }
        return run;
    }

    private static double confidenceOf(List<String> rules, String sides, int column) {
        String line = rules.stream().filter(l -> l.split(",", 2)[1].startsWith(sides)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule " + sides + " among " + rules.size() + " rules"));
        return Double.parseDouble(line.split(",")[column]);
    }

    private static String[] row(List<String> csv, String method) {
        return csv.stream().filter(l -> l.startsWith(method + ",")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + method + " row in " + csv)).split(",");
    }
}
