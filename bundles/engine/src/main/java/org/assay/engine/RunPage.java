package org.assay.engine;

import java.util.List;
import java.util.Optional;

/**
 * One page of a {@link RunService#query}: summaries newest first (by queue time, then run id).
 *
 * @param runs       at most the query's limit
 * @param nextCursor pass it to {@link RunQuery#withCursor} for the next, older page; null on the
 *                   last page. A cursor names a position in the order, not an offset: runs queued
 *                   after the first page was read never shift later pages, nor repeat a run.
 */
public record RunPage(List<RunSummary> runs, String nextCursor) {

    public RunPage {
        runs = List.copyOf(runs);
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }
}
