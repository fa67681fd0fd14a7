package org.assay.api.step;

import org.osgi.annotation.versioning.ConsumerType;

/** One step of one run. Created by {@link StepType#newStep()}; used once, by one thread. */
@ConsumerType
public interface Step {

    /**
     * Reads the inputs, writes the outputs and artifacts. Rows it cannot handle go to
     * {@link StepContext#quarantine()}; a problem with the step as a whole is thrown as a
     * {@link StepFailure} whose message tells the user what to fix.
     *
     * <p>Long loops should call {@link StepContext#checkCancelled()} now and then: the
     * engine cancels a step when the run is cancelled or when the step's bundle goes away
     * (the step is then replayed on the new bundle).
     *
     * @throws StepFailure   for a problem the user can fix (missing file, bad parameter)
     * @throws Exception     anything else; reported as an internal error of the step
     */
    void run(StepContext context) throws Exception;
}
