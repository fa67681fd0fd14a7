package org.assay.api.step;

import java.util.Objects;

/**
 * A named input or output of a step.
 *
 * @param name        the name used in workflow JSON ({@code "inputs": {"in": "reader"}})
 * @param description one sentence for the docs
 * @param optional    for inputs: whether a workflow may leave it unconnected
 * @param kind        what travels on the port; the engine refuses to wire different kinds
 * @param reads       for dataset inputs: whether the step reads the input once or several
 *                    times; ignored for outputs
 */
public record PortSpec(String name, String description, boolean optional, PortKind kind, ReadMode reads) {

    /** Conventional name of a step's single input. */
    public static final String IN = "in";
    /** Conventional name of a step's single output. */
    public static final String OUT = "out";
    /** Conventional name of a step's model output or input. */
    public static final String MODEL = "model";

    public PortSpec {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        kind = kind == null ? PortKind.DATASET : kind;
        reads = reads == null ? ReadMode.MANY : reads;
    }

    /** A dataset port that may be read several times. */
    public PortSpec(String name, String description, boolean optional) {
        this(name, description, optional, PortKind.DATASET, ReadMode.MANY);
    }

    /** A required dataset port that may be read several times. */
    public static PortSpec of(String name, String description) {
        return new PortSpec(name, description, false);
    }

    /** A required dataset input read once, from the first batch to the last: it can stream. */
    public static PortSpec streamed(String name, String description) {
        return new PortSpec(name, description, false, PortKind.DATASET, ReadMode.ONCE);
    }

    /** A required model port. */
    public static PortSpec model(String name, String description) {
        return new PortSpec(name, description, false, PortKind.MODEL, ReadMode.ONCE);
    }

    public PortSpec asOptional() {
        return new PortSpec(name, description, true, kind, reads);
    }
}
