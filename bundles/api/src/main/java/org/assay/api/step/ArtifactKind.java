package org.assay.api.step;

/** What an artifact is, so the run report knows how to show it. */
public enum ArtifactKind {
    /** An image (PNG): shown inline. */
    CHART,
    /** A small CSV table (a profile, a confusion matrix): shown as an HTML table. */
    TABLE,
    /** Plain text (a model summary): shown preformatted. */
    TEXT,
    /** A data file (CSV output): linked. */
    DATA,
    /** A serialized model: linked. */
    MODEL
}
