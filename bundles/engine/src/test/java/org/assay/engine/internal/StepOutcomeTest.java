package org.assay.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.assay.engine.internal.StepOutcome.Thrown;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepOutcomeTest {

    @ParameterizedTest(name = "gone={0} engineStopping={1} cancel={2} otherFailed={3} thrown={4} -> {5}")
    @CsvSource({
            // providerGone wins over everything: the attempt is replayed on the new provider
            "true,  false, false, false, NOTHING,      REPLAY",
            "true,  true,  true,  true,  FAILURE,      REPLAY",
            // the engine stops: paused, whatever the step did, unless the user also cancelled
            "false, true,  false, false, NOTHING,      PAUSE",
            "false, true,  false, true,  FAILURE,      PAUSE",
            "false, true,  true,  false, NOTHING,      CANCELLED",
            // cancelled by the user: a real failure still counts as one
            "false, false, true,  false, NOTHING,      CANCELLED",
            "false, false, true,  false, CANCELLATION, CANCELLED",
            "false, false, true,  true,  CANCELLATION, CANCELLED",
            "false, false, true,  false, FAILURE,      FAILED",
            // another step failed: a step that noticed is stopped, one that finished keeps its result
            "false, false, false, true,  CANCELLATION, STOPPED",
            "false, false, false, true,  NOTHING,      COMMIT",
            "false, false, false, true,  FAILURE,      FAILED",
            // nothing around the step: its own result
            "false, false, false, false, NOTHING,      COMMIT",
            "false, false, false, false, FAILURE,      FAILED",
            // a step that cancels itself with nobody asking has failed
            "false, false, false, false, CANCELLATION, FAILED",
    })
    void classifiesEveryCombination(boolean gone, boolean engineStopping, boolean cancel, boolean otherFailed,
            Thrown thrown, StepOutcome expected) {
        assertEquals(expected, StepOutcome.classify(gone, engineStopping, cancel, otherFailed, thrown));
    }
}
