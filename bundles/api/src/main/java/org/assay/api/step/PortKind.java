package org.assay.api.step;

/** What travels on a port. The engine only wires an output to an input of the same kind. */
public enum PortKind {
    /** A stream of columnar batches with one schema. */
    DATASET,
    /** A trained model with the header it was trained on and its metadata. */
    MODEL;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
