package org.assay.engine.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.assay.api.step.Parameters;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepFailure;
import org.assay.api.workflow.WorkflowDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt of one step on one provider: runs the step against a fresh context, says what
 * became of it ({@link StepOutcome}), and either commits its outputs (checking that every
 * output another step reads was written and that every row is accounted for) or discards them.
 */
final class StepAttempt {

    private static final Logger LOG = LoggerFactory.getLogger(StepAttempt.class);

    private final RunState run;
    private final StepState step;
    private final RegisteredStep provider;
    private final StepState.Counts counts;
    private final int number;
    private final EngineStepContext ctx;
    private final long startNanos = System.nanoTime();
    private volatile Throwable thrown;

    /** Call after {@link StepState#resetForAttempt()} and counting the attempt in {@code step.attempts}. */
    StepAttempt(RunState run, StepState step, RegisteredStep provider, EngineStepContext.Wiring wiring, Path spoolDir,
            FileAccess files, QuarantineLog quarantine) {
        this.run = run;
        this.step = step;
        this.provider = provider;
        this.counts = step.counts;
        this.number = step.attempts;
        StepDescriptor descriptor = provider.info().descriptor();
        this.ctx = new EngineStepContext(run, step, counts, Parameters.of(descriptor, step.definition.params()),
                descriptor, wiring, spoolDir, files, quarantine);
    }

    int number() {
        return number;
    }

    RegisteredStep provider() {
        return provider;
    }

    /** Runs the step to its end and classifies the end. */
    StepOutcome run() {
        try {
            provider.type().newStep().run(ctx);
        } catch (Throwable t) {
            thrown = t;
        } finally {
            ctx.releaseInputs();
        }
        return StepOutcome.classify(step.providerGone, run.engineStopping, run.cancelRequested, run.stopping,
                StepOutcome.Thrown.of(thrown));
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** The engine gave up on this attempt: whatever it still does is thrown away. */
    void abandon() {
        ctx.abandon();
    }

    /** Deletes what the attempt wrote. */
    void discard() {
        ctx.discardOutputs();
    }

    /** The user-facing message of a failed attempt: the step's own words for a StepFailure. */
    String failure() {
        if (thrown instanceof StepFailure) {
            return thrown.getMessage();
        }
        LOG.error("Step {} ({}) failed", step.id(), step.provider, thrown);
        String what = thrown.getMessage() == null ? thrown.getClass().getSimpleName() : thrown.getMessage();
        return "internal error in " + step.definition.type() + " (" + step.provider + "): " + what
                + "; the Karaf log (log:display) has the details";
    }

    /**
     * Closes the outputs and records them in the spool index. @return why the attempt cannot
     * be committed, if it cannot
     */
    Optional<String> commit(WorkflowDefinition wf, SpoolIndex index) {
        Map<String, Path> outputs;
        try {
            outputs = ctx.finishOutputs();
        } catch (IOException e) {
            return Optional.of("cannot store the output of step '" + step.id() + "': " + e.getMessage());
        }
        Optional<Map.Entry<String, org.assay.api.workflow.InputRef>> missing = RunPlan.unsuppliedInput(wf, step.id(),
                ctx.openedOutputs()::contains);
        if (missing.isPresent()) {
            return Optional.of("step '" + step.id() + "' (" + step.provider + ") wrote no output '"
                    + missing.get().getValue().port() + "', which step '" + missing.get().getKey() + "' reads");
        }
        try {
            ctx.commitFiles();
        } catch (IOException e) {
            return Optional.of("cannot move the files step '" + step.id() + "' wrote into place: " + e.getMessage());
        }
        try {
            index.commit(step.id(), outputs);
        } catch (IOException e) {
            return Optional.of("cannot record the output of step '" + step.id() + "' under " + index.dir() + ": "
                    + e.getMessage());
        }
        long in = counts.rowsIn.get();
        long accounted = counts.rowsOut.get() + counts.quarantined.get() + counts.filtered.get();
        if (in != accounted) {
            return Optional.of("step '" + step.id() + "' (" + step.provider + ") lost track of rows: " + in
                    + " in, but " + counts.rowsOut.get() + " out + " + counts.quarantined.get() + " quarantined + "
                    + counts.filtered.get() + " filtered; this is a bug in the step");
        }
        ctx.completeStreams();
        return Optional.empty();
    }
}
