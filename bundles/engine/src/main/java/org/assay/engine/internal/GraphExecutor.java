package org.assay.engine.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.assay.api.workflow.StepDefinition;
import org.assay.engine.RunEvent;
import org.assay.engine.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one run from its plan: starts each step once its inputs are committed, on the
 * step pool (independent branches run in parallel), replays a step whose provider goes
 * away, and at the end writes the quarantine and the report. A failed step stops the
 * others in flight (they see {@link RunState#shouldStop()}) and starts no new one.
 */
final class GraphExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(GraphExecutor.class);
    /** Replays of one step before the run gives up: bundles flapping forever must not spin a run forever. */
    static final int MAX_ATTEMPTS = 5;

    private final StepRegistry registry;
    private final ProviderWaiters waiters;
    private final RunStore store;
    private final EngineSettings settings;
    private final FileAccess files;
    private final ExecutorService stepPool;

    GraphExecutor(StepRegistry registry, ProviderWaiters waiters, RunStore store, EngineSettings settings,
            FileAccess files, ExecutorService stepPool) {
        this.registry = registry;
        this.waiters = waiters;
        this.store = store;
        this.settings = settings;
        this.files = files;
        this.stepPool = stepPool;
    }

    /**
     * Runs the graph to its end, or to a pause when the engine stops. {@code kept} and
     * {@code done} carry the results of steps finished before a restart; empty for a new run.
     */
    void execute(RunState run, RunValidation validation, Map<String, Path> kept, Set<String> done) {
        if (run.startedAt == null) {
            run.startedAt = Instant.now();
        }
        run.stepRunning();
        Path spoolDir = run.folder.resolve(SpoolIndex.SPOOL_DIR);
        boolean paused = false;
        try (QuarantineLog quarantine = new QuarantineLog(run.folder, spoolDir)) {
            Files.createDirectories(spoolDir);
            RunPlan plan = RunPlan.of(run.workflow, done, e -> false);
            Graph graph = new Graph(run, plan, validation, new SpoolIndex(spoolDir, kept), quarantine);
            graph.run(new HashSet<>(done));
            paused = run.engineStopping && run.status != RunStatus.FAILED && !run.cancelRequested;
            if (!paused) {
                run.finish();
                List<QuarantineLog.Entry> preview = quarantine.finish(
                        run.workflow.steps().stream().map(StepDefinition::id).toList());
                writeReport(run, preview, quarantine);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Run {} failed inside the engine", run.runId, e);
            run.failed("internal engine error: " + e);
            run.finish();
            paused = false;
        } finally {
            run.log.close();
            if (paused) {
                // Spools, quarantine parts and the record stay for the next start to resume.
                store.paused(run);
                run.finished.countDown();
                LOG.info("Run {} of {} paused: the engine is stopping", run.runId, run.workflow.id());
            } else {
                if (!settings.keepSpools()) {
                    RunStore.deleteTree(spoolDir);
                }
                store.finished(run);
                run.finished.countDown();
                LOG.info("Run {} of {} {}", run.runId, run.workflow.id(), run.status.label());
            }
        }
    }

    private static void writeReport(RunState run, List<QuarantineLog.Entry> preview, QuarantineLog quarantine) {
        try {
            Path report = run.folder.resolve("report.html");
            RunReport.write(run.snapshot(), preview, quarantine.exists() ? quarantine.file() : null, report);
            run.report = report;
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot write the report of run {}", run.runId, e);
            run.event(RunEvent.Kind.NOTE, null, "report could not be written: " + e.getMessage());
        }
    }

    /** The execution of one run's plan. */
    private final class Graph {

        private final RunState run;
        private final RunPlan plan;
        private final RunValidation validation;
        private final SpoolIndex spools;
        private final QuarantineLog quarantine;

        Graph(RunState run, RunPlan plan, RunValidation validation, SpoolIndex spools, QuarantineLog quarantine) {
            this.run = run;
            this.plan = plan;
            this.validation = validation;
            this.spools = spools;
            this.quarantine = quarantine;
        }

        void run(Set<String> succeeded) {
            Set<Integer> started = new HashSet<>();
            Set<Integer> finished = new HashSet<>();
            CompletionService<Boolean> done = new ExecutorCompletionService<>(stepPool);
            Map<Future<Boolean>, RunPlan.Segment> inFlight = new HashMap<>();
            while (true) {
                if (!run.shouldStop()) {
                    for (RunPlan.Segment seg : plan.ready(finished, started)) {
                        started.add(seg.index());
                        StepState step = run.steps.get(seg.steps().get(0));
                        inFlight.put(done.submit(() -> runStep(step)), seg);
                    }
                }
                if (inFlight.isEmpty()) {
                    return;
                }
                Future<Boolean> next;
                try {
                    next = done.take();
                } catch (InterruptedException e) {
                    // The engine is stopping: steps see the flag, and their pool is shut down too.
                    Thread.currentThread().interrupt();
                    run.engineStopping = true;
                    return;
                }
                RunPlan.Segment seg = inFlight.remove(next);
                StepState step = run.steps.get(seg.steps().get(0));
                try {
                    // A step that returns false has failed (which stops the run) or was stopped.
                    if (next.get()) {
                        finished.add(seg.index());
                        succeeded.add(step.id());
                    }
                } catch (ExecutionException e) {
                    LOG.error("Step {} of run {} failed inside the engine", step.id(), run.runId, e.getCause());
                    fail(step, "internal engine error: " + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    run.engineStopping = true;
                    return;
                }
            }
        }

        /** Runs one step, replaying it if its provider goes away. @return whether the run goes on */
        private boolean runStep(StepState step) {
            StepDefinition def = step.definition;
            while (true) {
                if (run.shouldStop()) {
                    step.status = run.engineStopping ? RunStatus.QUEUED : RunStatus.CANCELLED;
                    return false;
                }
                java.util.Optional<RegisteredStep> provider = awaitProvider(step);
                if (provider.isEmpty()) {
                    return false;
                }
                RegisteredStep p = provider.get();
                if (step.attempts == 0) {
                    java.util.Optional<String> invalid = validation.problemsOf(run.workflow, def);
                    if (invalid.isPresent()) {
                        return fail(step, invalid.get());
                    }
                }
                step.resetForAttempt();
                quarantine.startAttempt(step.id());
                step.attempts++;
                step.provider = p.provider();
                step.providerServiceId = p.serviceId();
                step.startNanos = System.nanoTime();
                step.status = RunStatus.RUNNING;
                run.stepRunning();
                store.changed(run);
                if (!registry.isRegistered(p.serviceId())) {
                    // Went away between lookup and start: look again.
                    continue;
                }
                Map<String, Path> inputs = new LinkedHashMap<>();
                def.inputs().forEach((port, ref) -> inputs.put(port, spools.get(ref.stepId(), ref.port())));
                StepAttempt attempt = new StepAttempt(run, step, p, inputs, spools.dir(), files, quarantine);
                StepOutcome outcome = attempt.run();
                switch (outcome) {
                    case REPLAY -> {
                        attempt.discard();
                        run.event(RunEvent.Kind.STEP_REPLAYED, step.id(), "step '" + step.id() + "': attempt "
                                + step.attempts + " on " + step.provider
                                + " discarded; replaying from its inputs on the new provider");
                        if (step.attempts >= MAX_ATTEMPTS) {
                            return fail(step, "the bundle providing " + def.type() + " changed " + MAX_ATTEMPTS
                                    + " times during this step; start the run again once it is stable");
                        }
                        step.status = RunStatus.WAITING_FOR_STEPS;
                    }
                    case PAUSE -> {
                        // Not the step's fault: it runs again, from its inputs, when the run resumes.
                        attempt.discard();
                        step.status = RunStatus.QUEUED;
                        step.progress = 0;
                        return false;
                    }
                    case CANCELLED, STOPPED -> {
                        attempt.discard();
                        step.status = RunStatus.CANCELLED;
                        if (outcome == StepOutcome.STOPPED) {
                            step.error = "stopped because another step failed";
                        }
                        return false;
                    }
                    case FAILED -> {
                        attempt.discard();
                        return fail(step, attempt.failure());
                    }
                    case COMMIT -> {
                        java.util.Optional<String> refused = attempt.commit(run.workflow, spools);
                        if (refused.isPresent()) {
                            return fail(step, refused.get());
                        }
                        step.progress = 1;
                        step.status = RunStatus.SUCCEEDED;
                        if (step.attempts > 1) {
                            run.event(RunEvent.Kind.NOTE, step.id(), "step '" + step.id() + "' completed on "
                                    + step.provider + " after "
                                    + step.attempts + " attempts (replayed from its inputs; no rows lost)");
                        }
                        store.changed(run);
                        return true;
                    }
                    default -> throw new IllegalStateException(outcome.name());
                }
            }
        }

        /** Waits until the step type is installed, the run is cancelled, or the wait times out. */
        private java.util.Optional<RegisteredStep> awaitProvider(StepState step) {
            String type = step.definition.type();
            ProviderWaiters.Wait wait = waiters.await(type, run::shouldStop, settings.stepWaitTimeout(), () -> {
                step.status = RunStatus.WAITING_FOR_STEPS;
                // The reason with the status: whoever sees the run waiting must also see why.
                run.stepWaiting("waiting for step type " + type + " (step '" + step.id() + "') to be installed");
                run.event(RunEvent.Kind.STEP_WAITING, step.id(), "step '" + step.id() + "' waits for step type " + type
                        + " to be installed");
                store.changed(run);
            });
            switch (wait.ending()) {
                case FOUND -> {
                    if (wait.waited()) {
                        run.clearWaiting();
                        run.event(RunEvent.Kind.NOTE, step.id(), "step type " + type + " arrived from "
                                + wait.provider().get().provider()
                                + "; continuing");
                    }
                    return wait.provider();
                }
                case STOPPED -> {
                    if (!run.shouldStop()) {
                        // Interrupted without a reason the run knows: treated as a cancel.
                        run.cancelRequested = true;
                    }
                    step.status = run.engineStopping ? RunStatus.QUEUED : RunStatus.CANCELLED;
                }
                case TIMED_OUT -> fail(step, "step type " + type + " was not installed within "
                        + settings.stepWaitTimeout().toSeconds() + " s; install the bundle or feature providing it "
                        + "(see assay:step-list) and run the workflow again");
                case MISSPELLED -> fail(step, "unknown step type '" + type + "'; did you mean '" + wait.suggestion()
                        + "'? Correct the workflow and run it again");
                default -> throw new IllegalStateException(wait.ending().name());
            }
            return java.util.Optional.empty();
        }

        private boolean fail(StepState step, String message) {
            step.status = RunStatus.FAILED;
            step.error = message;
            run.failed("step '" + step.id() + "' failed: " + message);
            return false;
        }
    }
}
