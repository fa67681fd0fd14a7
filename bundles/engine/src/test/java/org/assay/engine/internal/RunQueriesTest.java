package org.assay.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assay.engine.RunInfo;
import org.assay.engine.RunPage;
import org.assay.engine.RunQuery;
import org.assay.engine.RunStatus;
import org.assay.engine.RunSummary;
import org.junit.jupiter.api.Test;

/** Filters, order and cursors of run queries. */
class RunQueriesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant NOW = T0.plusSeconds(10_000);

    private static RunInfo run(int n, String workflow, RunStatus status) {
        return run(n, workflow, status, T0.plusSeconds(n));
    }

    private static RunInfo run(int n, String workflow, RunStatus status, Instant queued) {
        String id = "20261201-" + String.format("%04d", n);
        return new RunInfo(id, workflow, 1, status, queued, queued, status.isFinished() ? queued.plusSeconds(1) : null,
                null, Path.of("runs", id), null, List.of(), List.of(), 0, "user" + n % 2, "on demand", null, List.of());
    }

    private static List<String> ids(RunPage page) {
        return page.runs().stream().map(RunSummary::runId).toList();
    }

    /** Every run id of every page, following cursors. */
    private static List<String> allPages(List<RunInfo> runs, RunQuery query) {
        List<String> out = new ArrayList<>();
        RunPage page = RunQueries.page(runs, query, NOW);
        out.addAll(ids(page));
        while (page.next().isPresent()) {
            page = RunQueries.page(runs, query.withCursor(page.nextCursor()), NOW);
            out.addAll(ids(page));
        }
        return out;
    }

    @Test
    void pagesAreNewestFirstAndFollowTheirCursorsToTheEnd() {
        List<RunInfo> runs = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            runs.add(run(i, "wf", RunStatus.SUCCEEDED));
        }
        Collections.shuffle(runs, new java.util.Random(7));
        RunPage first = RunQueries.page(runs, RunQuery.all().withLimit(10), NOW);
        assertEquals(10, first.runs().size());
        assertEquals("20261201-0025", first.runs().get(0).runId());
        assertEquals("20261201-0016", first.runs().get(9).runId());
        assertTrue(first.next().isPresent());
        List<String> all = allPages(runs, RunQuery.all().withLimit(10));
        assertEquals(25, all.size());
        assertEquals(25, new HashSet<>(all).size(), "no run on two pages");
        assertEquals("20261201-0001", all.get(24));
    }

    @Test
    void theLastPageHasNoCursorAndAnEmptyQueryOnePage() {
        RunPage page = RunQueries.page(List.of(run(1, "wf", RunStatus.FAILED)), RunQuery.all(), NOW);
        assertEquals(1, page.runs().size());
        assertNull(page.nextCursor());
        RunPage exact = RunQueries.page(List.of(run(1, "wf", RunStatus.FAILED), run(2, "wf", RunStatus.FAILED)),
                RunQuery.all().withLimit(2), NOW);
        assertNull(exact.nextCursor(), "a full last page says there is no more");
        assertTrue(RunQueries.page(List.of(), RunQuery.all(), NOW).runs().isEmpty());
    }

    /** Runs queued while a client pages through do not shift its pages: no run twice, none skipped. */
    @Test
    void runsQueuedBetweenPagesNeitherRepeatNorHideOlderRuns() {
        List<RunInfo> runs = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            runs.add(run(i, "wf", RunStatus.SUCCEEDED));
        }
        RunPage first = RunQueries.page(runs, RunQuery.all().withLimit(4), NOW);
        assertEquals(List.of("20261201-0009", "20261201-0008", "20261201-0007", "20261201-0006"), ids(first));
        for (int i = 10; i <= 15; i++) {
            runs.add(run(i, "wf", RunStatus.RUNNING));
        }
        RunPage second = RunQueries.page(runs, RunQuery.all().withLimit(4).withCursor(first.nextCursor()), NOW);
        assertEquals(List.of("20261201-0005", "20261201-0004", "20261201-0003", "20261201-0002"), ids(second));
        RunPage third = RunQueries.page(runs, RunQuery.all().withLimit(4).withCursor(second.nextCursor()), NOW);
        assertEquals(List.of("20261201-0001"), ids(third));
        assertNull(third.nextCursor());
    }

    /** Two runs queued in the same instant still have one order (by id), and a cursor between them works. */
    @Test
    void runsQueuedAtTheSameInstantAreOrderedByIdAcrossPages() {
        List<RunInfo> runs = List.of(run(1, "wf", RunStatus.SUCCEEDED, T0), run(2, "wf", RunStatus.SUCCEEDED, T0),
                run(3, "wf", RunStatus.SUCCEEDED, T0));
        assertEquals(List.of("20261201-0003", "20261201-0002", "20261201-0001"), allPages(runs, RunQuery.all().withLimit(1)));
    }

    @Test
    void filtersByWorkflowStatusAndSinceTogether() {
        List<RunInfo> runs = List.of(run(1, "a", RunStatus.SUCCEEDED), run(2, "b", RunStatus.FAILED),
                run(3, "a", RunStatus.FAILED), run(4, "a", RunStatus.RUNNING), run(5, "a", RunStatus.FAILED),
                run(6, "a", RunStatus.CANCELLED));
        assertEquals(List.of("20261201-0006", "20261201-0005", "20261201-0004", "20261201-0003", "20261201-0001"),
                allPages(runs, RunQuery.all().withWorkflow("a")));
        assertEquals(List.of("20261201-0005", "20261201-0003", "20261201-0002"),
                allPages(runs, RunQuery.all().withStatuses(Set.of(RunStatus.FAILED))));
        assertEquals(List.of("20261201-0006", "20261201-0005", "20261201-0003"), allPages(runs, RunQuery.all()
                .withWorkflow("a").withStatuses(EnumSet.of(RunStatus.FAILED, RunStatus.CANCELLED)).withLimit(1)));
        assertEquals(List.of("20261201-0005", "20261201-0004"), allPages(runs,
                RunQuery.all().withWorkflow("a").withSince(T0.plusSeconds(4)).withStatuses(
                        EnumSet.of(RunStatus.FAILED, RunStatus.RUNNING))), "since is inclusive");
        assertTrue(RunQueries.page(runs, RunQuery.all().withWorkflow("c"), NOW).runs().isEmpty());
    }

    @Test
    void summariesCarryWhoStartedTheRunAndItsCounts() {
        RunSummary s = RunQueries.page(List.of(run(3, "wf", RunStatus.SUCCEEDED)), RunQuery.all(), NOW).runs().get(0);
        assertEquals("user1", s.startedBy());
        assertEquals("on demand", s.trigger());
        assertEquals(1000, s.activeMillis());
        assertEquals(RunStatus.SUCCEEDED, s.status());
    }

    @Test
    void aCursorNotGivenOutIsRefusedWithTheFix() {
        List<RunInfo> runs = List.of(run(1, "wf", RunStatus.SUCCEEDED));
        for (String bad : List.of("nonsense!", "MXxub3RhdGltZXwx", "", "Mnx4")) {
            if (bad.isEmpty()) {
                assertEquals(1, RunQueries.page(runs, RunQuery.all().withCursor(bad), NOW).runs().size(),
                        "a blank cursor is the first page");
                continue;
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RunQueries.page(runs, RunQuery.all().withCursor(bad), NOW));
            assertTrue(e.getMessage().contains("nextCursor of the previous page"), e.getMessage());
        }
        String good = RunQueries.encode(new RunQueries.Position(T0, "20261201-0001"));
        assertFalse(good.contains("/") || good.contains("+") || good.contains("="), "URL-safe: " + good);
        assertEquals(new RunQueries.Position(T0, "20261201-0001"), RunQueries.decode(good));
    }

    @Test
    void limitsOutsideTheBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RunQuery.all().withLimit(0));
        assertThrows(IllegalArgumentException.class, () -> RunQuery.all().withLimit(RunQuery.MAX_LIMIT + 1));
        assertEquals(RunQuery.MAX_LIMIT, RunQuery.all().withLimit(RunQuery.MAX_LIMIT).limit());
    }
}
