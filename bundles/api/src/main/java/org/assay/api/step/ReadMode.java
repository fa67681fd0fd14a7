package org.assay.api.step;

/**
 * How a step reads an input port. The engine may stream a {@link #ONCE} input through a
 * bounded in-memory channel instead of spooling it to disk; a {@link #MANY} input is kept
 * so that the step can open it again.
 */
public enum ReadMode {
    /** Opened once and read from the first batch to the last. */
    ONCE,
    /** May be opened several times (two-pass statistics, a model fitted then applied). */
    MANY;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
