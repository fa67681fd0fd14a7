package org.assay.engine;

/** Life cycle of a run and of each of its steps. */
public enum RunStatus {
    QUEUED, WAITING_FOR_STEPS, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
