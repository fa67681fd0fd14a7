package org.assay.miners.internal.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunContent;
import org.assay.engine.RunInfo;
import org.assay.engine.RunService;
import org.assay.engine.StepRunInfo;
import org.assay.miners.internal.ExplanationsFile;

/**
 * What {@code assay:explain} prints: a scored row's prediction and the contributions behind it,
 * read from the {@code explanations.csv} its run's weka-score step wrote. Kept apart from the
 * command so it is tested without a shell.
 */
final class RunExplanation {

    static final String SCORE_STEP = "weka-score";

    /** Keys shown as examples when the key asked for is not there. */
    private static final int EXAMPLES = 5;

    private RunExplanation() {
    }

    /**
     * The explanation of row {@code key} in run {@code runId}, ready to print.
     *
     * @param top how many contributions to show per step
     * @throws IllegalArgumentException in plain words when the run, its scoring step or the key is unknown
     */
    static String explain(RunService runs, String runId, String key, int top) throws IOException {
        RunInfo run = runs.get(runId).orElseThrow(() -> new IllegalArgumentException("no run '" + runId
                + "'; see assay:run-list"));
        List<StepRunInfo> scoring = run.steps().stream().filter(s -> SCORE_STEP.equals(s.type())).toList();
        if (scoring.isEmpty()) {
            throw new IllegalArgumentException("run " + runId + " (workflow " + run.workflowId() + ") has no "
                    + SCORE_STEP + " step: only rows scored by " + SCORE_STEP + " can be explained");
        }
        StringBuilder out = new StringBuilder();
        List<String> looked = new ArrayList<>();
        Set<String> examples = new LinkedHashSet<>();
        for (StepRunInfo step : scoring) {
            Optional<ArtifactInfo> artifact = step.artifacts().stream()
                    .filter(a -> a.path().getFileName().toString().equals(ExplanationsFile.NAME)).findFirst();
            if (artifact.isEmpty()) {
                continue;
            }
            Optional<RunContent> content = runs.openArtifact(runId, artifact.get().id());
            if (content.isEmpty()) {
                continue;
            }
            looked.add(step.stepId());
            List<List<String>> rows;
            try (RunContent c = content.get();
                    Reader in = new BufferedReader(new InputStreamReader(c.stream(), StandardCharsets.UTF_8))) {
                rows = rowsOf(in, key, examples);
            }
            if (!rows.isEmpty()) {
                out.append(out.isEmpty() ? "" : "\n").append(format(runId, step.stepId(), key, rows, top));
            }
        }
        if (looked.isEmpty()) {
            throw new IllegalArgumentException("run " + runId + " has no explanations: its " + SCORE_STEP
                    + " step " + scoring.stream().map(s -> s.stepId() + " (" + s.status() + ")").toList() + " wrote"
                    + " no " + ExplanationsFile.NAME + "; it is written when the step runs with reasons above 0 and"
                    + " explanations true, once it has started");
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no row with key '" + key + "' in run " + runId + " (step "
                    + String.join(", ", looked) + "); keys are the scored rows' id column, else their row number"
                    + (examples.isEmpty() ? "; no row was scored" : ", e.g. " + String.join(", ", examples))
                    + "; all keys are in the first column of artifact " + looked.get(0) + "/"
                    + ExplanationsFile.NAME + ", see assay:run-show " + runId);
        }
        return out.toString();
    }

    /** The file's lines for {@code key}, collecting the first keys seen as examples. */
    private static List<List<String>> rowsOf(Reader in, String key, Set<String> examples) throws IOException {
        List<String> header = ExplanationsFile.readRecord(in);
        if (header == null || !header.equals(ExplanationsFile.HEADER)) {
            throw new IllegalArgumentException(ExplanationsFile.NAME + " of this run is not in the format this"
                    + " version reads; columns " + header);
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r = ExplanationsFile.readRecord(in); r != null; r = ExplanationsFile.readRecord(in)) {
            if (r.size() != header.size()) {
                continue;
            }
            if (examples.size() < EXAMPLES) {
                examples.add(r.get(0));
            }
            if (r.get(0).equals(key)) {
                rows.add(r);
            }
        }
        return rows;
    }

    private static String format(String runId, String stepId, String key, List<List<String>> rows, int top) {
        List<String> first = rows.get(0);
        String prediction = first.get(2);
        String explained = first.get(3);
        String score = first.get(4);
        StringBuilder b = new StringBuilder();
        b.append("Run ").append(runId).append(", step ").append(stepId).append(", scored by ").append(first.get(1))
                .append('\n');
        b.append("Row ").append(key).append(": ");
        if (prediction.isEmpty() && score.isEmpty()) {
            return b.append("the model could not score this row (see the run's log)\n").toString();
        }
        if (explained.isEmpty()) {
            b.append("predicted value ").append(prediction).append('\n');
        } else {
            b.append("predicted ").append(prediction).append(", probability of ").append(explained).append(' ')
                    .append(figure(score)).append('\n');
        }
        List<List<String>> reasons = rows.stream().filter(r -> !r.get(6).isEmpty()).toList();
        if (reasons.isEmpty()) {
            return b.append("No feature moves the score: every value is the typical one.\n").toString();
        }
        b.append("Why, largest effect first (the score with each value replaced by its typical one):\n");
        for (List<String> r : reasons.subList(0, Math.min(top, reasons.size()))) {
            double contribution = Double.parseDouble(r.get(9));
            String effect = String.format(Locale.ROOT, "%+.2f", contribution);
            String direction = explained.isEmpty() ? (contribution >= 0 ? "raising" : "lowering") + " the prediction"
                    : (contribution >= 0 ? "toward " : "away from ") + explained;
            b.append("  ").append(r.get(6)).append(" = ").append(r.get(7));
            if (!r.get(8).isEmpty()) {
                b.append(" (typical: ").append(r.get(8)).append(')');
            }
            b.append(": ").append(effect).append(' ').append(direction).append('\n');
        }
        if (reasons.size() > top) {
            b.append("  and ").append(reasons.size() - top).append(" more with smaller effects (--top ")
                    .append(reasons.size()).append(" shows all)\n");
        }
        return b.toString();
    }

    private static String figure(String score) {
        try {
            return String.format(Locale.ROOT, "%.2f", Double.parseDouble(score));
        } catch (NumberFormatException e) {
            return score;
        }
    }
}
