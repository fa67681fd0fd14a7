package org.assay.api.step;

/** Thrown by {@link StepContext#checkCancelled()} when the engine wants the step to stop. */
public class StepCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StepCancelledException(String reason) {
        super(reason);
    }
}
