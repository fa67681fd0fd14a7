package org.assay.api.data;

/** Tags that travel with a field through the workflow. */
public enum FieldTag {
    /** Identifies a record (customer id, order id). Miners leave it out of the model. */
    ID,
    /** The value a supervised miner learns to predict. */
    TARGET,
    /** Personal data. Report and chart steps refuse to publish it unless told to. */
    PII;

    public static FieldTag parse(String name) {
        for (FieldTag t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown field tag '" + name + "'; use id, target or pii");
    }
}
