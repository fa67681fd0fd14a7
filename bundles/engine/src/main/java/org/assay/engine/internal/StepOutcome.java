package org.assay.engine.internal;

import org.assay.api.step.StepCancelledException;

/**
 * What becomes of a step attempt that returned or threw, from the facts around it. A pure
 * function, so the rules can be read (and tested) as a table.
 */
enum StepOutcome {
    /** The step's bundle went away mid-attempt: discard, run again on the new provider. */
    REPLAY,
    /** The engine stops: discard, run again from the inputs when the run resumes. */
    PAUSE,
    /** The user cancelled the run. */
    CANCELLED,
    /** Stopped because another step of the run failed. */
    STOPPED,
    /** The step failed: the run fails. */
    FAILED,
    /** The step finished: its outputs are checked and committed. */
    COMMIT;

    /** What the attempt threw. */
    enum Thrown {
        NOTHING, CANCELLATION, FAILURE;

        static Thrown of(Throwable t) {
            return t == null ? NOTHING : t instanceof StepCancelledException ? CANCELLATION : FAILURE;
        }
    }

    /**
     * @param providerGone    the provider of the step's type went away during the attempt
     * @param engineStopping  the engine is stopping
     * @param cancelRequested the user cancelled the run
     * @param stopping        another step of the run failed
     */
    static StepOutcome classify(boolean providerGone, boolean engineStopping, boolean cancelRequested,
            boolean stopping, Thrown thrown) {
        if (providerGone) {
            return REPLAY;
        }
        if (engineStopping && !cancelRequested) {
            // Not the step's fault, even if it threw while the engine took its resources.
            return PAUSE;
        }
        if (cancelRequested && thrown != Thrown.FAILURE) {
            return CANCELLED;
        }
        if (stopping && thrown == Thrown.CANCELLATION) {
            return STOPPED;
        }
        // A step that finished although another one failed keeps its result.
        return thrown == Thrown.NOTHING ? COMMIT : FAILED;
    }
}
