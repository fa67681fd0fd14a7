package org.assay.api.workflow;

import java.util.Objects;
import org.assay.api.step.PortSpec;

/**
 * A reference to an upstream step's output, written {@code "step"} (its {@code out}
 * port) or {@code "step.port"} in workflow JSON.
 */
public record InputRef(String stepId, String port) {

    public InputRef {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(port, "port");
    }

    public static InputRef parse(String text) {
        int dot = text.lastIndexOf('.');
        if (dot < 0) {
            return new InputRef(text, PortSpec.OUT);
        }
        return new InputRef(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public String toString() {
        return PortSpec.OUT.equals(port) ? stepId : stepId + "." + port;
    }
}
