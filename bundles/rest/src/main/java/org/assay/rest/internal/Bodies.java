package org.assay.rest.internal;

/** Request bodies. Fields not declared here are refused (400 unknown-field). */
final class Bodies {

    private Bodies() {
    }

    /** POST /runs. */
    record StartRun(String workflowId) {
    }

    /** POST /models/{name}/promote. */
    record Promote(int version) {
    }
}
