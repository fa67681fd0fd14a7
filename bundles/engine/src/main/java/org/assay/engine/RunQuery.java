package org.assay.engine;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which runs {@link RunService#query} returns: filters, a page size and where the page
 * starts. Immutable; build it from {@link #all()} with the {@code with*} methods.
 *
 * @param workflowId only runs of this workflow, or null for every workflow
 * @param statuses   only runs in one of these states; empty for any state
 * @param since      only runs queued at or after this instant, or null for no bound
 * @param limit      most summaries in one page, 1 to {@link #MAX_LIMIT}
 * @param cursor     {@link RunPage#nextCursor()} of the previous page, or null for the first page
 */
public record RunQuery(String workflowId, Set<RunStatus> statuses, Instant since, int limit, String cursor) {

    /** Page size of {@link #all()}. */
    public static final int DEFAULT_LIMIT = 50;
    /** Largest page: a client that wants more follows the cursor. */
    public static final int MAX_LIMIT = 1000;

    /**
     * @throws IllegalArgumentException when the limit is outside 1 to {@link #MAX_LIMIT}
     */
    public RunQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit
                    + "; follow the next cursor for more runs");
        }
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        workflowId = workflowId == null || workflowId.isBlank() ? null : workflowId;
        cursor = cursor == null || cursor.isBlank() ? null : cursor;
    }

    /** Every run, newest first, {@link #DEFAULT_LIMIT} to a page. */
    public static RunQuery all() {
        return new RunQuery(null, Set.of(), null, DEFAULT_LIMIT, null);
    }

    public RunQuery withWorkflow(String id) {
        return new RunQuery(id, statuses, since, limit, cursor);
    }

    public RunQuery withStatuses(Set<RunStatus> states) {
        return new RunQuery(workflowId, states, since, limit, cursor);
    }

    public RunQuery withSince(Instant from) {
        return new RunQuery(workflowId, statuses, from, limit, cursor);
    }

    public RunQuery withLimit(int max) {
        return new RunQuery(workflowId, statuses, since, max, cursor);
    }

    /** The page after the one that returned {@code next} (see {@link RunPage#nextCursor()}). */
    public RunQuery withCursor(String next) {
        return new RunQuery(workflowId, statuses, since, limit, next);
    }

    /** Whether a run passes the filters (not the cursor). */
    public boolean matches(RunSummary run) {
        return (workflowId == null || workflowId.equals(run.workflowId()))
                && (statuses.isEmpty() || statuses.contains(run.status()))
                && (since == null || run.queuedAt() != null && !run.queuedAt().isBefore(since));
    }
}
