package org.assay.api.step;

/**
 * A step-level problem the user can fix. The message is shown as it is, so write it for
 * the user: what went wrong, with which parameter or file, and what to do.
 */
public class StepFailure extends Exception {

    private static final long serialVersionUID = 1L;

    public StepFailure(String message) {
        super(message);
    }

    public StepFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
