package org.assay.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.assay.api.step.PortSpec;
import org.junit.jupiter.api.Test;

/** assay:step-show says what travels on each port and how a step reads its inputs. */
class StepShowPortsTest {

    @Test
    void aStreamedInputSaysItIsReadOnce() {
        assertEquals("  in (dataset, read once): The rows to write.",
                StepShowCommand.port(PortSpec.streamed("in", "The rows to write."), true));
    }

    @Test
    void aTwoPassInputSaysItIsReadSeveralTimes() {
        assertEquals("  in (dataset, read several times, optional): Rows.",
                StepShowCommand.port(PortSpec.of("in", "Rows.").asOptional(), true));
    }

    @Test
    void modelPortsSayModel() {
        assertEquals("  model (model): The trained clusterer.",
                StepShowCommand.port(PortSpec.model("model", "The trained clusterer."), false));
        assertEquals("  model (model): A clusterer.", StepShowCommand.port(PortSpec.model("model", "A clusterer."), true));
        assertEquals("  out (dataset): Rows.", StepShowCommand.port(PortSpec.of("out", "Rows."), false));
    }
}
