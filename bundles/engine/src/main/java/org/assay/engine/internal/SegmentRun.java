package org.assay.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.assay.engine.RunEvent.Kind;
import org.assay.engine.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One segment of a run: its steps start together, each on its own thread, joined by
 * {@link StreamChannel}s where the plan streams an edge, and reading spools elsewhere.
 *
 * <p>A segment is attempted as a whole. When the provider of one of its steps goes away
 * (a bundle update or stop), the attempt is abandoned at once: its channels are aborted,
 * its contexts refuse further writes, what its steps wrote is discarded, and a new attempt
 * of every step of the segment starts from the segment's spooled inputs (and sources read
 * their files again). The old threads are not waited for: a step stuck in a call that
 * ignores cancellation finishes in the background and its results are thrown away. When
 * a step fails or is stopped, the channels are aborted so that the others stop too.
 */
final class SegmentRun {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentRun.class);
    /** Replays of one step before the run gives up: bundles flapping forever must not spin a run forever. */
    static final int MAX_ATTEMPTS = 5;

    /** What the segments of one run share. */
    record Context(GraphExecutor.Parts parts, RunState run, RunPlan plan, RunValidation validation,
            SpoolIndex spools, QuarantineLog quarantine) { }

    /** How one step's part of a segment attempt ended; {@code attempt} is null if it never started. */
    private record StepEnd(StepOutcome outcome, StepAttempt attempt) { }

    /** One try of the whole segment. */
    private final class Try {
        final Map<RunPlan.Edge, StreamChannel> channels = new LinkedHashMap<>();
        /** One per tailed producer output (step id, port), shared by its followers. */
        final Map<List<String>, GrowingSpool> tails = new LinkedHashMap<>();
        final Map<String, StepAttempt> attempts = new HashMap<>();
        final Set<String> ended = new HashSet<>();
        volatile boolean abandoned;
        boolean allCommitted = true;

        Try() {
            for (RunPlan.Edge e : ctx.plan().streamedInto(segment)) {
                channels.put(e, new StreamChannel(e.producer() + "." + e.output() + " -> " + e.consumer() + "."
                        + e.input()));
            }
            for (RunPlan.Edge e : ctx.plan().tailedInto(segment)) {
                tails.computeIfAbsent(List.of(e.producer(), e.output()),
                        k -> new GrowingSpool(e.producer() + "." + e.output() + " (spooled)"));
            }
        }

        void abortStreams(String reason) {
            channels.values().forEach(c -> c.abort(reason));
            tails.values().forEach(c -> c.abort(reason));
        }
    }

    private final Context ctx;
    private final RunState run;
    private final RunPlan.Segment segment;
    private final Runnable releasePermits;
    private final Consumer<SegmentRun> onEnd;
    /** Guarded by this. */
    private Try current;
    private boolean over;
    private volatile boolean succeeded;

    SegmentRun(Context ctx, RunPlan.Segment segment, Runnable releasePermits, Consumer<SegmentRun> onEnd) {
        this.ctx = ctx;
        this.run = ctx.run();
        this.segment = segment;
        this.releasePermits = releasePermits;
        this.onEnd = onEnd;
    }

    RunPlan.Segment segment() {
        return segment;
    }

    boolean succeeded() {
        return succeeded;
    }

    synchronized void start() {
        launch(new Try());
    }

    private void launch(Try t) {
        current = t;
        for (String id : segment.steps()) {
            StepState step = run.steps.get(id);
            try {
                ctx.parts().stepThreads().execute(() -> stepThread(t, step));
            } catch (RejectedExecutionException e) {
                // The engine is stopping: the step never starts; the run pauses.
                step.status = RunStatus.QUEUED;
                ended(t, step, new StepEnd(null, null));
            }
        }
    }

    /** The body of one step's thread in one try. */
    private void stepThread(Try t, StepState step) {
        StepEnd end;
        try {
            end = attempt(t, step);
        } catch (RuntimeException | Error e) {
            LOG.error("Step {} of run {} failed inside the engine", step.id(), run.runId, e);
            synchronized (this) {
                if (t == current && !t.abandoned) {
                    fail(step, "internal engine error: " + e);
                }
            }
            end = new StepEnd(StepOutcome.FAILED, null);
        }
        ended(t, step, end);
    }

    private StepEnd attempt(Try t, StepState step) {
        if (t.abandoned) {
            return new StepEnd(null, null);
        }
        if (run.shouldStop()) {
            cutOff(step);
            return new StepEnd(null, null);
        }
        Optional<RegisteredStep> provider = awaitProvider(t, step);
        if (provider.isEmpty()) {
            return new StepEnd(null, null);
        }
        RegisteredStep p = provider.get();
        StepAttempt attempt;
        synchronized (this) {
            if (t.abandoned) {
                return new StepEnd(null, null);
            }
            if (step.attempts == 0) {
                Optional<String> invalid = ctx.validation().problemsOf(run.workflow, step.definition);
                if (invalid.isPresent()) {
                    fail(step, invalid.get());
                    return new StepEnd(null, null);
                }
            }
            step.resetForAttempt();
            step.attempts++;
            step.provider = p.provider();
            step.providerServiceId = p.serviceId();
            step.startNanos = System.nanoTime();
            step.status = RunStatus.RUNNING;
            attempt = new StepAttempt(run, step, p, wiring(t, step), ctx.spools().dir(), ctx.parts().files(),
                    ctx.quarantine());
            t.attempts.put(step.id(), attempt);
        }
        ctx.quarantine().startAttempt(step.id(), attempt.number());
        run.stepRunning();
        ctx.parts().store().changed(run);
        if (!ctx.parts().registry().isRegistered(p.serviceId())) {
            // Went away between look-up and start: replayed like a provider lost mid-step.
            return new StepEnd(StepOutcome.REPLAY, attempt);
        }
        return new StepEnd(attempt.run(), attempt);
    }

    /** Where the step reads and writes in this try. */
    private EngineStepContext.Wiring wiring(Try t, StepState step) {
        Map<String, java.nio.file.Path> spooled = new LinkedHashMap<>();
        Map<String, StreamChannel> streamedIn = new HashMap<>();
        Map<String, GrowingSpool> tailedIn = new HashMap<>();
        step.definition.inputs().forEach((port, ref) -> {
            Optional<StreamChannel> c = t.channels.entrySet().stream()
                    .filter(e -> e.getKey().consumer().equals(step.id()) && e.getKey().input().equals(port))
                    .map(Map.Entry::getValue).findFirst();
            if (c.isPresent()) {
                streamedIn.put(port, c.get());
            } else if (ctx.plan().tails(step.id(), port)) {
                tailedIn.put(port, t.tails.get(List.of(ref.stepId(), ref.port())));
            } else {
                spooled.put(port, ctx.spools().get(ref.stepId(), ref.port()));
            }
        });
        Map<String, GrowingSpool> tailedOut = new HashMap<>();
        t.tails.forEach((key, spool) -> {
            if (key.get(0).equals(step.id())) {
                tailedOut.put(key.get(1), spool);
            }
        });
        Map<String, List<StreamChannel>> streamedOut = new HashMap<>();
        t.channels.forEach((e, c) -> {
            if (e.producer().equals(step.id())) {
                streamedOut.computeIfAbsent(e.output(), k -> new ArrayList<>()).add(c);
            }
        });
        return new EngineStepContext.Wiring(spooled, streamedIn, tailedIn, ctx.plan().spooledOutputs(step.id()),
                streamedOut, tailedOut);
    }

    /** Waits for the step's type; also ends when the try is abandoned. */
    private Optional<RegisteredStep> awaitProvider(Try t, StepState step) {
        String type = step.definition.type();
        EngineSettings settings = ctx.parts().settings();
        ProviderWaiters.Wait wait = ctx.parts().waiters().await(type, () -> run.shouldStop() || t.abandoned,
                settings.stepWaitTimeout(), () -> {
                    step.status = RunStatus.WAITING_FOR_STEPS;
                    // The reason with the status: whoever sees the run waiting must also see why.
                    run.stepWaiting("waiting for step type " + type + " (step '" + step.id() + "') to be installed");
                    run.event(Kind.STEP_WAITING, step.id(), "step '" + step.id() + "' waits for step type " + type + " to be installed");
                    ctx.parts().store().changed(run);
                });
        switch (wait.ending()) {
            case FOUND -> {
                if (wait.waited()) {
                    run.clearWaiting();
                    run.event(Kind.NOTE, step.id(), "step type " + type + " arrived from " + wait.provider().get().provider()
                            + "; continuing");
                }
                return wait.provider();
            }
            case STOPPED -> {
                if (t.abandoned) {
                    return Optional.empty();
                }
                if (!run.shouldStop()) {
                    // Interrupted without a reason the run knows: treated as a cancel.
                    run.cancelRequested = true;
                }
                cutOff(step);
            }
            case TIMED_OUT -> failIfCurrent(t, step, "step type " + type + " was not installed within "
                    + settings.stepWaitTimeout().toSeconds() + " s; install the bundle or feature providing it "
                    + "(see assay:step-list) and run the workflow again");
            case MISSPELLED -> failIfCurrent(t, step, "unknown step type '" + type + "'; did you mean '"
                    + wait.suggestion() + "'? Correct the workflow and run it again");
            default -> throw new IllegalStateException(wait.ending().name());
        }
        return Optional.empty();
    }

    private synchronized void failIfCurrent(Try t, StepState step, String message) {
        if (t == current && !t.abandoned) {
            fail(step, message);
        }
    }

    /** A step's thread is done with its part of a try. */
    private synchronized void ended(Try t, StepState step, StepEnd end) {
        if (t != current || t.abandoned) {
            // An abandoned try: a replacement runs already; nothing of this one counts.
            if (end.attempt() != null) {
                end.attempt().discard();
            }
            return;
        }
        StepAttempt a = end.attempt();
        if (a != null) {
            step.durationMillis = a.elapsedMillis();
        }
        StepOutcome outcome = end.outcome();
        if (outcome == StepOutcome.REPLAY) {
            a.discard();
            replay(t, step, a);
            return;
        }
        t.ended.add(step.id());
        if (outcome == StepOutcome.COMMIT) {
            Optional<String> refused = a.commit(run.workflow, ctx.spools());
            if (refused.isPresent()) {
                fail(step, refused.get());
                outcome = StepOutcome.FAILED;
            } else {
                step.counts.progress = 1;
                step.status = RunStatus.SUCCEEDED;
                if (step.attempts > 1) {
                    run.event(Kind.NOTE, step.id(), "step '" + step.id() + "' completed on " + step.provider + " after " + step.attempts
                            + " attempts (replayed from its inputs; no rows lost)");
                }
                ctx.parts().store().changed(run);
            }
        } else if (a != null) {
            // The verdict first: discarding wakes the steps this one streams with, and they
            // must see why (run.stopping) when they do.
            switch (outcome) {
                case PAUSE -> {
                    // Not the step's fault: it runs again, from its inputs, when the run resumes.
                    step.status = RunStatus.QUEUED;
                    step.counts.progress = 0;
                }
                case CANCELLED, STOPPED -> {
                    step.status = RunStatus.CANCELLED;
                    if (outcome == StepOutcome.STOPPED) {
                        step.error = StepState.STOPPED_BY_FAILURE;
                    }
                }
                case FAILED -> fail(step, a.failure());
                default -> throw new IllegalStateException(outcome.name());
            }
            a.discard();
        }
        if (outcome != StepOutcome.COMMIT) {
            t.allCommitted = false;
            // The steps it streams with would wait for it forever.
            t.abortStreams(stopReason(step, outcome));
        }
        if (t.ended.size() == segment.steps().size()) {
            end(t.allCommitted);
        }
    }

    private String stopReason(StepState step, StepOutcome outcome) {
        if (run.cancelRequested) {
            return "the run was cancelled";
        }
        if (run.engineStopping) {
            return "the engine is stopping";
        }
        return outcome == StepOutcome.FAILED || step.status == RunStatus.FAILED
                ? "step '" + step.id() + "', which this step streams with, failed"
                : "another step of the run failed";
    }

    /** Abandons the try and starts the segment again. Called with the lock held. */
    private void replay(Try t, StepState gone, StepAttempt attempt) {
        t.abandoned = true;
        t.abortStreams("the bundle providing " + gone.definition.type() + " went away; the segment is replayed");
        for (Map.Entry<String, StepAttempt> e : t.attempts.entrySet()) {
            e.getValue().abandon();
            if (t.ended.contains(e.getKey())) {
                // Ended attempts are discarded here; running ones by their own thread when it returns.
                e.getValue().discard();
            }
        }
        String provider = attempt != null ? attempt.provider().provider() : gone.provider;
        List<String> others = segment.steps().stream().filter(id -> !id.equals(gone.id())).toList();
        run.event(Kind.STEP_REPLAYED, gone.id(), "step '" + gone.id() + "': attempt " + gone.attempts + " on " + provider
                + " discarded; replaying from its inputs on the new provider"
                + (others.isEmpty() ? "" : ", with the steps it streams with (" + String.join(", ", others)
                        + ") from their spooled inputs"));
        if (gone.attempts >= MAX_ATTEMPTS) {
            fail(gone, "the bundle providing " + gone.definition.type() + " changed " + MAX_ATTEMPTS
                    + " times during this step; start the run again once it is stable");
            end(false);
            return;
        }
        for (String id : segment.steps()) {
            StepState s = run.steps.get(id);
            s.status = s == gone ? RunStatus.WAITING_FOR_STEPS : RunStatus.QUEUED;
        }
        ctx.parts().store().changed(run);
        launch(new Try());
    }

    /** The provider went away: steps of the current try running on it are replayed now. */
    synchronized void providerGone(RegisteredStep gone) {
        Try t = current;
        if (over || t == null || t.abandoned) {
            return;
        }
        for (String id : segment.steps()) {
            StepState s = run.steps.get(id);
            StepAttempt a = t.attempts.get(id);
            if (a != null && !t.ended.contains(id) && a.provider().serviceId() == gone.serviceId()) {
                s.providerGone = true;
                run.event(Kind.STEP_REPLAYED, id, "step '" + id + "': provider " + gone.provider() + " went away mid-step");
                replay(t, s, a);
                return;
            }
        }
    }

    synchronized void stopStreams(String reason) {
        if (current != null) {
            current.abortStreams(reason);
        }
    }

    /**
     * A step stopped before its attempt began: queued again if the engine stops (it runs after
     * the resume), else cancelled, saying so when another step's failure is the reason.
     */
    private void cutOff(StepState step) {
        if (run.engineStopping) {
            step.status = RunStatus.QUEUED;
            return;
        }
        step.status = RunStatus.CANCELLED;
        if (run.stopping && !run.cancelRequested && step.error == null) {
            step.error = StepState.STOPPED_BY_FAILURE;
        }
    }

    private void end(boolean ok) {
        if (over) {
            return;
        }
        over = true;
        succeeded = ok;
        releasePermits.run();
        onEnd.accept(this);
    }

    private void fail(StepState step, String message) {
        step.status = RunStatus.FAILED;
        step.error = message;
        run.failed("step '" + step.id() + "' failed: " + message);
    }
}
