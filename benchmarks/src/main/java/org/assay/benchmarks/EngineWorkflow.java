package org.assay.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.assay.api.step.StepType;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StandaloneEngine;
import org.assay.engine.StepRunInfo;
import org.assay.engine.WorkflowRejectedException;

/**
 * One workflow deployed on the standalone engine, run exactly as a deployed workflow runs in
 * Karaf: step outputs through the engine's edges, row accounting, run report. Each run is
 * checked (succeeded, nothing quarantined, then the caller's row checks) and its folder
 * deleted afterwards, so repeated runs do not fill the disk.
 */
final class EngineWorkflow implements AutoCloseable {

    /** The caller's checks of a finished run: rows per step. */
    @FunctionalInterface
    interface RunCheck {
        /** @throws IllegalStateException saying what is wrong */
        void check(RunInfo run);
    }

    /** What the caller does with the output before the run folder goes, e.g. digest it. */
    @FunctionalInterface
    interface OutputUse {
        void accept(Path output) throws IOException;
    }

    private final StandaloneEngine engine;
    private final String workflowId;
    private final String writerStep;
    private final RunCheck check;

    /**
     * @param workflowDir  the workflow folder; relative input paths resolve against it
     * @param dataDir      where the engine keeps deployments and run folders
     * @param json         the workflow document; its id is {@code workflowId}
     * @param writerStep   the step whose file artifact is the output
     */
    EngineWorkflow(Path workflowDir, Path dataDir, String workflowId, String json, String writerStep, RunCheck check,
            StepType... types) throws WorkflowRejectedException {
        this.workflowId = workflowId;
        this.writerStep = writerStep;
        this.check = check;
        this.engine = new StandaloneEngine(workflowDir.toAbsolutePath(), dataDir, 1);
        for (StepType type : types) {
            engine.register(type);
        }
        engine.workflows().deploy(json, "benchmark");
    }

    /**
     * Runs the workflow once and checks it.
     *
     * @param output given the output file before the run folder is deleted; null to skip
     * @throws IllegalStateException when the run failed, quarantined rows or a check failed
     */
    RunInfo runOnce(OutputUse output) throws InterruptedException, IOException {
        String runId = engine.runs().start(workflowId).runId();
        RunInfo run = engine.runs().await(runId, Duration.ofMinutes(30));
        try {
            if (run.status() != RunStatus.SUCCEEDED) {
                throw new IllegalStateException("run " + run.runId() + " ended " + run.status().label() + ": "
                        + run.error() + describe(run));
            }
            if (run.quarantined() != 0) {
                throw new IllegalStateException(run.quarantined() + " rows quarantined" + describe(run));
            }
            try {
                check.check(run);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(e.getMessage() + describe(run), e);
            }
            if (output != null) {
                output.accept(outputFile(run));
            }
        } finally {
            deleteTree(run.folder());
        }
        return run;
    }

    /** The step of this run with the id given. */
    static StepRunInfo step(RunInfo run, String stepId) {
        return run.steps().stream().filter(s -> s.stepId().equals(stepId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the run has no step " + stepId));
    }

    private Path outputFile(RunInfo run) {
        return step(run, writerStep).artifacts().stream().map(ArtifactInfo::path)
                .filter(p -> p.getFileName().toString().endsWith(".csv")).findFirst()
                .map(p -> p.isAbsolute() ? p : run.folder().resolve(p))
                .orElseThrow(() -> new IllegalStateException("step " + writerStep + " listed no CSV artifact"));
    }

    static String describe(RunInfo run) {
        StringBuilder s = new StringBuilder();
        for (StepRunInfo step : run.steps()) {
            s.append(String.format("%n  %-13s %-10s %-9s in=%d out=%d quarantined=%d filtered=%d error=%s",
                    step.stepId(), step.type(), step.status().label(), step.rowsIn(), step.rowsOut(),
                    step.quarantined(), step.filtered(), step.error()));
        }
        return s.toString();
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
