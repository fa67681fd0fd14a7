package org.assay.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a run, as {@link RunListener}s receive it and as the run record
 * keeps it ({@link RunInfo#timeline()}). Immutable.
 *
 * @param at      when it happened
 * @param runId   the run
 * @param stepId  the step it concerns, or null for the run as a whole
 * @param kind    what happened
 * @param message the same in plain words, for people; never parse it
 * @param counts  the step's counts at that moment, or the run's totals for run events
 */
public record RunEvent(Instant at, String runId, String stepId, Kind kind, String message, Counts counts) {

    public RunEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(kind, "kind");
        message = message == null ? "" : message;
        counts = counts == null ? Counts.NONE : counts;
    }

    /** What happened. Kinds may be added in minor versions: treat an unknown one as {@link #NOTE}. */
    public enum Kind {
        /** The run was queued (its message names the trigger). */
        RUN_QUEUED,
        /** Its first step started. */
        RUN_STARTED,
        /** A step waits for its step type to be installed. */
        STEP_WAITING,
        STEP_STARTED,
        /** Counts or progress of a running step moved; sent at most about once a second per step, not recorded. */
        STEP_PROGRESS,
        STEP_SUCCEEDED,
        STEP_FAILED,
        STEP_CANCELLED,
        /** The bundle providing a running step changed: the attempt is discarded and replayed. */
        STEP_REPLAYED,
        CANCEL_REQUESTED,
        /** The engine stops; the run pauses and resumes when it starts again (if so configured). */
        RUN_PAUSED,
        /** The engine started again and picked the run up. */
        RUN_RESUMED,
        RUN_SUCCEEDED,
        RUN_FAILED,
        RUN_CANCELLED,
        /** Anything else worth telling (e.g. the report could not be written). */
        NOTE;

        /** Whether the run has ended with this event: no other event of the run follows. */
        public boolean endsRun() {
            return this == RUN_SUCCEEDED || this == RUN_FAILED || this == RUN_CANCELLED;
        }
    }

    /**
     * Row counts; for run events the sums over its steps.
     *
     * @param progress between 0 and 1
     */
    public record Counts(long rowsIn, long rowsOut, long quarantined, long filtered, double progress) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        public static Counts of(StepRunInfo s) {
            return new Counts(s.rowsIn(), s.rowsOut(), s.quarantined(), s.filtered(), s.progress());
        }
    }
}
