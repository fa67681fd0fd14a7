package org.assay.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.impl.action.command.DefaultActionPreparator;
import org.assay.engine.RunInfo;
import org.assay.engine.RunPage;
import org.assay.engine.RunQuery;
import org.assay.engine.RunService;
import org.assay.engine.RunStatus;
import org.assay.engine.RunSummary;
import org.junit.jupiter.api.Test;

/** assay:run-list hands its options to the engine's run query; the acting user comes from the session's Subject. */
class RunListCommandTest {

    private static final Instant T = Instant.parse("2026-12-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);

    private final AtomicReference<RunQuery> asked = new AtomicReference<>();
    private final AtomicReference<String> principal = new AtomicReference<>();

    private RunService runs(String nextCursor) {
        RunSummary s = new RunSummary("20261201-0002", "wf", 3, RunStatus.FAILED, T, T, T.plusSeconds(2), 2000, "boom",
                "ann", "on demand", null, 2, 1, 10, 1);
        return (RunService) Proxy.newProxyInstance(RunService.class.getClassLoader(), new Class<?>[] {RunService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "query" -> {
                        asked.set((RunQuery) args[0]);
                        yield new RunPage(List.of(s), nextCursor);
                    }
                    case "start" -> {
                        principal.set((String) args[2]);
                        yield new RunInfo("20261201-0003", "wf", 3, RunStatus.QUEUED, T, null, null, null, null, null,
                                List.of(), List.of(), 0, (String) args[2], (String) args[1], null, List.of());
                    }
                    case "cancel" -> {
                        principal.set((String) args[1]);
                        yield true;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String run(Action command, String... words) throws Exception {
        assertTrue(new DefaultActionPreparator().prepare(command, null, List.<Object>of(words)));
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(console);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theOptionsBecomeTheQueryAndTheNextPageKeepsThem() throws Exception {
        String out = run(new RunListCommand(runs("abc")), "--workflow", "wf", "-s", "failed,running", "--status",
                "waiting", "-n", "2", "--since", "2026-11-30T00:00:00Z");
        RunQuery q = asked.get();
        assertEquals("wf", q.workflowId());
        assertEquals(EnumSet.of(RunStatus.FAILED, RunStatus.RUNNING, RunStatus.WAITING_FOR_STEPS), q.statuses());
        assertEquals(2, q.limit());
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"), q.since());
        assertNull(q.cursor());
        assertTrue(out.contains("20261201-0002") && out.contains("ann") && out.contains("failed"), out);
        assertTrue(out.contains("More runs: assay:run-list --limit 2 --workflow wf --status failed,running,waiting"
                + " --since 2026-11-30T00:00:00Z --cursor abc"), out);
        run(new RunListCommand(runs(null)), "--cursor", "abc");
        assertEquals("abc", asked.get().cursor());
        assertEquals(20, asked.get().limit());
        assertEquals(RunQuery.all().withLimit(20).withCursor("abc"), asked.get(), "no filter unless asked");
    }

    @Test
    void theLastPageSaysNoMore() throws Exception {
        String out = run(new RunListCommand(runs(null)));
        assertTrue(!out.contains("More runs"), out);
    }

    @Test
    void statusesReadAsTheShellPrintsThem() {
        assertEquals(EnumSet.of(RunStatus.WAITING_FOR_STEPS), RunFilter.statuses(List.of("waiting-for-steps")));
        assertEquals(EnumSet.of(RunStatus.WAITING_FOR_STEPS), RunFilter.statuses(List.of("WAITING_FOR_STEPS")));
        assertEquals(EnumSet.of(RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.CANCELLED),
                RunFilter.statuses(List.of("finished")));
        assertEquals(EnumSet.noneOf(RunStatus.class), RunFilter.statuses(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunFilter.statuses(List.of("ok,sucess")));
        assertEquals("--status ok is not a run status; use queued, waiting-for-steps, running, succeeded, failed,"
                + " cancelled (or waiting, finished), several separated by commas", e.getMessage());
    }

    @Test
    void sinceTakesAnInstantADateATimeOrAnAge() {
        assertEquals(T.minusSeconds(2 * 3600), RunFilter.since("2h", CLOCK));
        assertEquals(T.minusSeconds(30 * 60), RunFilter.since("30m", CLOCK));
        assertEquals(T.minusSeconds(7 * 86400), RunFilter.since("7d", CLOCK));
        assertEquals(T.minusSeconds(14 * 86400), RunFilter.since("2w", CLOCK));
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"), RunFilter.since("2026-11-30", CLOCK));
        assertEquals(Instant.parse("2026-11-30T06:30:00Z"), RunFilter.since("2026-11-30T06:30", CLOCK));
        assertEquals(Instant.parse("2026-11-30T06:30:00Z"), RunFilter.since("2026-11-30T06:30:00Z", CLOCK));
        assertNull(RunFilter.since(" ", CLOCK));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunFilter.since("yesterday", CLOCK));
        assertTrue(e.getMessage().startsWith("--since yesterday is not a time; give a date (2026-12-01)"), e.getMessage());
    }

    /** Karaf runs each command of a logged-in session inside Subject.doAs: the user is its UserPrincipal. */
    @Test
    void runAndCancelActAsTheSessionsUser() throws Exception {
        Subject ann = new Subject();
        ann.getPrincipals().add(new UserPrincipal("ann"));
        String out = Subject.doAs(ann, (PrivilegedExceptionAction<String>) () -> run(new RunCommand(runs(null)), "wf"));
        assertEquals("ann", principal.get());
        assertTrue(out.contains("as ann"), out);
        run(new RunCommand(runs(null)), "wf");
        assertEquals(RunService.SYSTEM, principal.get(), "no Subject: a script inside the container");
        Subject bob = new Subject();
        bob.getPrincipals().add(new UserPrincipal("bob"));
        RunCancelCommand cancel = new RunCancelCommand(runs(null));
        Subject.doAs(bob, (PrivilegedExceptionAction<String>) () -> run(cancel, "20261201-0003"));
        assertEquals("bob", principal.get());
    }
}
