package org.assay.miners.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.step.ArtifactKind;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunContent;
import org.assay.engine.RunInfo;
import org.assay.engine.RunPage;
import org.assay.engine.RunQuery;
import org.assay.engine.RunService;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.junit.jupiter.api.Test;

class RunExplanationTest {

    private static final String CSV = """
            key,model,prediction,explained,score,rank,feature,value,typical,contribution
            1001,stored model churn v3,yes,yes,0.830000,1,contract,month-to-month,two-year,0.210000
            1001,stored model churn v3,yes,yes,0.830000,2,tenure_months,2,32.5,0.170000
            1001,stored model churn v3,yes,yes,0.830000,3,monthly_charges,99.5,64.1,-0.012000
            1001,stored model churn v3,yes,yes,0.830000,4,region,(personal data),(personal data),0.005000
            1002,stored model churn v3,no,yes,0.040000,,,,,
            "a,b",stored model churn v3,,,,,,,,
            """;

    /** A run service that knows the runs and artifact files it is given; nothing else. */
    private static final class FakeRuns implements RunService {
        final Map<String, RunInfo> runs = new HashMap<>();
        final Map<String, String> files = new HashMap<>();

        void add(String runId, String csv, StepRunInfo... steps) {
            runs.put(runId, new RunInfo(runId, "churn-scoring", 1, RunStatus.SUCCEEDED, Instant.EPOCH, Instant.EPOCH,
                    Instant.EPOCH, null, Path.of("runs", runId), null, List.of(steps), List.of()));
            for (StepRunInfo s : steps) {
                s.artifacts().forEach(a -> files.put(runId + ":" + a.id(), csv));
            }
        }

        @Override
        public Optional<RunInfo> get(String runId) {
            return Optional.ofNullable(runs.get(runId));
        }

        @Override
        public Optional<RunContent> openArtifact(String runId, String artifactId) {
            String text = files.get(runId + ":" + artifactId);
            if (text == null) {
                return Optional.empty();
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return Optional.of(new RunContent(runId, artifactId, "explanations.csv", "text/csv", bytes.length,
                    new ByteArrayInputStream(bytes)));
        }

        @Override
        public RunInfo start(String workflowId, String trigger, String principal) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<RunInfo> list() {
            throw new UnsupportedOperationException();
        }

        @Override
        public RunPage query(RunQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean cancel(String runId, String principal) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RunInfo await(String runId, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<RunContent> openReport(String runId) {
            return Optional.empty();
        }

        @Override
        public Optional<RunContent> openQuarantine(String runId) {
            return Optional.empty();
        }

        @Override
        public Optional<RunContent> openLog(String runId) {
            return Optional.empty();
        }
    }

    private static StepRunInfo step(String id, String type, String... files) {
        List<ArtifactInfo> artifacts = java.util.Arrays.stream(files)
                .map(f -> new ArtifactInfo(id, Path.of("runs", "r", id, f), ArtifactKind.DATA, f)).toList();
        return new StepRunInfo(id, type, RunStatus.SUCCEEDED, "assay-miners 1.0", 4, 4, 0, 0, 1.0, 10, 1, null,
                artifacts);
    }

    private static FakeRuns scored() {
        FakeRuns runs = new FakeRuns();
        runs.add("r1", CSV, step("read", "csv-read"), step("score", "weka-score", "metrics.json", "explanations.csv"));
        return runs;
    }

    @Test
    void printsThePredictionTheModelAndTheTopContributionsInWords() throws Exception {
        String text = RunExplanation.explain(scored(), "r1", "1001", 3);
        assertTrue(text.startsWith("Run r1, step score, scored by stored model churn v3\n"), text);
        assertTrue(text.contains("Row 1001: predicted yes, probability of yes 0.83\n"), text);
        assertTrue(text.contains("  contract = month-to-month (typical: two-year): +0.21 toward yes\n"), text);
        assertTrue(text.contains("  tenure_months = 2 (typical: 32.5): +0.17 toward yes\n"), text);
        assertTrue(text.contains("  monthly_charges = 99.5 (typical: 64.1): -0.01 away from yes\n"), text);
        assertTrue(text.contains("  and 1 more with smaller effects (--top 4 shows all)"), text);
        assertTrue(text.indexOf("contract") < text.indexOf("tenure_months"), text);
        assertTrue(RunExplanation.explain(scored(), "r1", "1001", 4).contains("region = (personal data)"));
    }

    @Test
    void rowsWithoutReasonsAndUnscoredRowsSaySo() throws Exception {
        assertTrue(RunExplanation.explain(scored(), "r1", "1002", 5)
                .contains("Row 1002: predicted no, probability of yes 0.04\nNo feature moves the score"));
        assertTrue(RunExplanation.explain(scored(), "r1", "a,b", 5).contains("could not score this row"));
    }

    @Test
    void regressionSpeaksOfThePredictedValue() throws Exception {
        FakeRuns runs = new FakeRuns();
        runs.add("r2", "key,model,prediction,explained,score,rank,feature,value,typical,contribution\n"
                + "7,the model on input 'model',201,,201.000000,1,x,100,24.5,151.000000\n",
                step("score", "weka-score", "explanations.csv"));
        String text = RunExplanation.explain(runs, "r2", "7", 5);
        assertTrue(text.contains("Row 7: predicted value 201\n"), text);
        assertTrue(text.contains("  x = 100 (typical: 24.5): +151.00 raising the prediction\n"), text);
    }

    @Test
    void unknownRunRunWithoutScoringAndScoringWithoutExplanations() {
        FakeRuns runs = scored();
        runs.add("r3", "", step("read", "csv-read"));
        runs.add("r4", "", step("score", "weka-score", "metrics.json"));
        assertEquals("no run 'nope'; see assay:run-list", assertThrows(IllegalArgumentException.class,
                () -> RunExplanation.explain(runs, "nope", "1", 5)).getMessage());
        String e = assertThrows(IllegalArgumentException.class, () -> RunExplanation.explain(runs, "r3", "1", 5))
                .getMessage();
        assertTrue(e.contains("has no weka-score step"), e);
        e = assertThrows(IllegalArgumentException.class, () -> RunExplanation.explain(runs, "r4", "1", 5))
                .getMessage();
        assertTrue(e.contains("wrote no explanations.csv") && e.contains("reasons above 0"), e);
    }

    @Test
    void unknownKeyShowsExampleKeysAndWhereTheyAll() {
        String e = assertThrows(IllegalArgumentException.class,
                () -> RunExplanation.explain(scored(), "r1", "42", 5)).getMessage();
        assertTrue(e.startsWith("no row with key '42' in run r1 (step score)"), e);
        assertTrue(e.contains("e.g. 1001, 1002, a,b"), e);
        assertTrue(e.contains("artifact score/explanations.csv, see assay:run-show r1"), e);
    }

    @Test
    void everyScoringStepThatScoredTheRowIsShown() throws Exception {
        FakeRuns runs = new FakeRuns();
        runs.add("r6", CSV, step("champion", "weka-score", "explanations.csv"),
                step("challenger", "weka-score", "explanations.csv"), step("old", "weka-score"));
        String text = RunExplanation.explain(runs, "r6", "1001", 1);
        assertTrue(text.contains("Run r6, step champion,") && text.contains("\nRun r6, step challenger,"), text);
    }

    @Test
    void aFileOfAnotherFormatIsRefusedPlainly() {
        FakeRuns runs = new FakeRuns();
        runs.add("r5", "id,score\n1,0.5\n", step("score", "weka-score", "explanations.csv"));
        String e = assertThrows(IllegalArgumentException.class, () -> RunExplanation.explain(runs, "r5", "1", 5))
                .getMessage();
        assertTrue(e.contains("not in the format"), e);
    }
}
