package org.assay.engine.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.assay.engine.RunInfo;
import org.assay.engine.RunPage;
import org.assay.engine.RunQuery;
import org.assay.engine.RunSummary;

/**
 * Answers a {@link RunQuery} over the runs the engine knows. Pure: the same runs and query
 * give the same page.
 *
 * <p>Order is newest first by queue time, then run id (ids grow within a day, so two runs
 * queued in the same instant still have one order). A cursor is the position of the last
 * run of a page in that order, not an offset: the next page holds the runs strictly after
 * it. Runs queued later sort before that position, so they never push a run onto two pages
 * or skip one; a run deleted meanwhile (retention) just no longer appears.
 */
final class RunQueries {

    /** Newest first; a run without a queue time (a damaged record) sorts last. */
    static final Comparator<Position> ORDER = Comparator.comparing(Position::queuedAt).reversed()
            .thenComparing(Comparator.comparing(Position::runId).reversed());
    private static final String CURSOR_VERSION = "1";

    /** Where a run stands in the order. */
    record Position(Instant queuedAt, String runId) {

        static Position of(RunInfo r) {
            return new Position(r.queuedAt() == null ? Instant.EPOCH : r.queuedAt(), r.runId());
        }

        static Position of(RunSummary r) {
            return new Position(r.queuedAt() == null ? Instant.EPOCH : r.queuedAt(), r.runId());
        }
    }

    private RunQueries() {
    }

    /** The page of {@code runs} the query asks for; {@code now} measures runs still going. */
    static RunPage page(Collection<RunInfo> runs, RunQuery query, Instant now) {
        Position after = query.cursor() == null ? null : decode(query.cursor());
        List<RunSummary> matching = new ArrayList<>();
        for (RunInfo r : runs) {
            if (after != null && ORDER.compare(Position.of(r), after) <= 0) {
                continue;
            }
            RunSummary s = RunSummary.of(r, now);
            if (query.matches(s)) {
                matching.add(s);
            }
        }
        matching.sort(Comparator.comparing(Position::of, ORDER));
        if (matching.size() <= query.limit()) {
            return new RunPage(matching, null);
        }
        List<RunSummary> page = matching.subList(0, query.limit());
        return new RunPage(page, encode(Position.of(page.get(page.size() - 1))));
    }

    /** Opaque to clients, URL-safe: base64url of "1|queued-at|run-id". */
    static String encode(Position p) {
        String raw = CURSOR_VERSION + "|" + p.queuedAt() + "|" + p.runId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 3);
            if (parts.length == 3 && parts[0].equals(CURSOR_VERSION) && !parts[2].isEmpty()) {
                return new Position(Instant.parse(parts[1]), parts[2]);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // Falls through to the message below: the caller's mistake, not ours.
        }
        throw new IllegalArgumentException("cursor '" + abbreviate(cursor)
                + "' was not given out by this engine; pass the nextCursor of the previous page, or none for the first");
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 39) + "…";
    }
}
