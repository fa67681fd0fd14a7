package org.assay.api.step;

import java.util.Objects;

/**
 * A named input or output of a step. Every port carries a dataset (a stream of batches).
 *
 * @param name        the name used in workflow JSON ({@code "inputs": {"in": "reader"}})
 * @param description one sentence for the docs
 * @param optional    for inputs: whether a workflow may leave it unconnected
 */
public record PortSpec(String name, String description, boolean optional) {

    /** Conventional name of a step's single input. */
    public static final String IN = "in";
    /** Conventional name of a step's single output. */
    public static final String OUT = "out";

    public PortSpec {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
    }

    public static PortSpec of(String name, String description) {
        return new PortSpec(name, description, false);
    }
}
