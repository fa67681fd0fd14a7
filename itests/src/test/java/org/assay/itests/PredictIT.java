package org.assay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.step.ArtifactKind;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.junit.Test;

/**
 * The churn sample on the real distribution: train and measure a classifier with a quality
 * gate, store it, score new customers with probabilities and reasons.
 */
public class PredictIT extends AssayKarafTestSupport {

    private static final String WORKFLOW = "customer-churn";

    @Test
    public void churnSampleTrainsGatesStoresAndScores() throws Exception {
        awaitDeployed(WORKFLOW);
        RunInfo run = awaitFinished(runs().start(WORKFLOW).runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
        for (StepRunInfo step : run.steps()) {
            assertEquals("step " + step.stepId() + ": rows in = out + quarantined + filtered\n" + describe(run),
                    step.rowsIn(), step.rowsOut() + step.quarantined() + step.filtered());
        }

        // The planted drivers must carry the model well past always guessing "no churn".
        Map<String, Double> figures = headlineFigures(step(run, "metrics"));
        double accuracy = figures.get("accuracy");
        double baseline = figures.get("baseline_accuracy");
        assertTrue("accuracy " + accuracy + " does not beat the majority-class baseline " + baseline,
                accuracy > baseline + 0.02);
        assertTrue("AUC " + figures.get("auc") + " is not well above chance", figures.get("auc") > 0.75);
        assertEquals(4000.0, figures.get("rows"), 0);

        // threshold max-f1: the cut's figures are in the metrics, at least as good an F1 as the most probable class.
        double cut = figures.get("threshold");
        assertTrue("threshold " + cut, cut > 0 && cut < 1);
        assertTrue("F1 at the cut " + figures.get("threshold_f1") + " < " + figures.get("f1"),
                figures.get("threshold_f1") >= figures.get("f1"));
        // Every training row's out-of-fold prediction, in input order, with its id.
        List<String> held = Files.readAllLines(dataArtifact(step(run, "held-out")), StandardCharsets.UTF_8);
        assertEquals("row,customer_id,fold,actual,predicted,probability", held.get(0));
        assertEquals(4001, held.size());
        assertTrue(held.get(1), held.get(1).startsWith("1,"));

        StepRunInfo train = step(run, "train");
        for (String name : List.of("metrics.json", "confusion-matrix.csv", "roc-curve.csv", "model-summary.txt")) {
            assertTrue(name + " missing from " + train.artifacts(), train.artifacts().stream()
                    .anyMatch(a -> a.path().getFileName().toString().equals(name) && Files.isRegularFile(a.path())));
        }
        // The importance output drawn by bar-chart: the planted drivers outrank region, which is noise.
        StepRunInfo importance = step(run, "importance");
        assertTrue("no chart in " + importance.artifacts(), importance.artifacts().stream()
                .anyMatch(a -> a.path().getFileName().toString().endsWith(".png") && Files.isRegularFile(a.path())));
        List<String> ranked = Files.readAllLines(artifact(train, "attribute-importance.csv"), StandardCharsets.UTF_8);
        assertTrue(ranked.toString(), ranked.indexOf(ranked.stream().filter(l -> l.startsWith("region,"))
                .findFirst().orElseThrow()) > ranked.indexOf(ranked.stream().filter(l -> l.startsWith("contract,"))
                .findFirst().orElseThrow()));
        String summary = Files.readString(artifact(train, "model-summary.txt"), StandardCharsets.UTF_8);
        assertTrue(summary, summary.contains("customer-churn v") && summary.contains("Left out"));
        assertTrue(summary, summary.contains("email: tagged pii") && summary.contains("customer_id: tagged id"));

        Path store = Path.of(System.getProperty("karaf.data"), "assay", "models", WORKFLOW);
        assertTrue("no stored version under " + store, Files.isRegularFile(store.resolve("v1/model.bin")));
        assertTrue(Files.readString(store.resolve("v1/model.properties")).contains("metric.auc="));
        String list = executeCommand("assay:model-list " + WORKFLOW);
        assertTrue(list, list.contains("v1") && list.contains("champion") && list.contains("Logistic"));
        String show = executeCommand("assay:model-show " + WORKFLOW + " 1");
        assertTrue(show, show.contains("metric.auc") && show.contains("sha256") && show.contains("schema.0"));

        List<String> scored = Files.readAllLines(dataArtifact(step(run, "scored")), StandardCharsets.UTF_8);
        assertEquals("header plus the 500 new customers", 501, scored.size());
        List<String> header = Arrays.asList(scored.get(0).split(","));
        assertTrue(header.toString(), header.containsAll(List.of("churn_prediction", "probability_yes", "reason_1")));
        assertTrue("pii dropped: " + header, !header.contains("email"));
        int reason = header.indexOf("reason_1");
        long explained = scored.stream().skip(1).filter(l -> l.split(",", -1)[reason].matches(".+: [+-]\\d.*")).count();
        assertTrue("rows with a reason: " + explained, explained > 400);
        int prediction = header.indexOf("churn_prediction");
        int probability = header.indexOf("probability_yes");
        for (String line : scored.subList(1, scored.size())) {
            String[] f = line.split(",", -1);
            assertEquals("weka-score predicts with the chosen cut: " + line, Double.parseDouble(f[probability]) >= cut
                    ? "yes" : "no", f[prediction]);
        }

        // The e-mails (pii) of the training and scored customers reach no file of the run or the store.
        List<Path> files = new java.util.ArrayList<>();
        for (Path root : List.of(run.folder(), store)) {
            try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertTrue(f + " holds a pii e-mail", !text.contains("@example.com"));
        }
        assertTrue("the model file is among those checked", files.contains(store.resolve("v1/model.bin")));
    }

    /** Reads the metrics CSV the workflow wrote: metric,class,value with the class empty for headline figures. */
    private static Map<String, Double> headlineFigures(StepRunInfo writer) throws Exception {
        Map<String, Double> out = new HashMap<>();
        List<String> lines = Files.readAllLines(dataArtifact(writer), StandardCharsets.UTF_8);
        assertEquals("metric,class,value", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[1].isEmpty() && !f[2].isEmpty()) {
                out.put(f[0], Double.parseDouble(f[2]));
            }
        }
        return out;
    }

    private static Path dataArtifact(StepRunInfo step) {
        return step.artifacts().stream().filter(a -> a.kind() == ArtifactKind.DATA).map(ArtifactInfo::path).findFirst()
                .orElseThrow(() -> new AssertionError(step.stepId() + " registered no data artifact"));
    }
}
