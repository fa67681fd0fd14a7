package org.assay.connectors.web.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionizeStepTest {

    @TempDir
    Path dir;

    static final Schema REQUESTS = Schema.of(Field.of("visitor", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("time", FieldType.TIMESTAMP), Field.of("path", FieldType.STRING), Field.of("is_bot", FieldType.BOOLEAN));

    static Instant at(String hhmm) {
        return Instant.parse("2024-10-10T" + hhmm + ":00Z");
    }

    private StepTestRunner sessionize(Object[]... rows) {
        return new StepTestRunner(new SessionizeStepType(), dir).input("in", REQUESTS, rows);
    }

    @Test
    void anInactivityGapStartsANewSession() throws Exception {
        StepTestRunner r = sessionize(
                row("a", at("10:00"), "/", false),
                row("b", at("10:05"), "/shop", false),
                row("a", at("10:20"), "/shop", false),
                row("a", at("10:20"), "/style.css", false),
                row("a", at("10:49"), "/checkout/done", false),
                row("b", at("10:30"), "/late-but-within", false),
                row("a", at("11:20"), "/again", false),
                row("g", at("11:21"), "/", true)).param("goal", "/checkout/*").run();
        List<Object[]> s = r.output("out");
        assertEquals(3, s.size());
        // Both close when a's 11:20 arrives, in the order they were last active (b's 10:30 came
        // after a's 10:49 in the log: lines are written when a request ends).
        assertArrayEquals(row(1L, "a", at("10:00"), at("10:49"), LocalDate.of(2024, 10, 10), 2940L, 3L, "/",
                "/checkout/done", true), s.get(0));
        assertArrayEquals(row(2L, "b", at("10:05"), at("10:30"), LocalDate.of(2024, 10, 10), 1500L, 2L, "/shop",
                "/late-but-within", false), s.get(1));
        assertArrayEquals(row(3L, "a", at("11:20"), at("11:20"), LocalDate.of(2024, 10, 10), 0L, 1L, "/again", "/again",
                false), s.get(2));
        assertTrue(r.outputSchema("out").field("visitor").has(FieldTag.PII), "the visitor keeps its tags");
        // 8 rows: 3 sessions out, the css and the bot left out, 3 requests merged into sessions.
        assertEquals(5, r.filtered());
        r.assertRowsAccountedFor();
    }

    @Test
    void theTimeoutIsAParameterAndRowsWithoutTimeGoToQuarantine() throws Exception {
        StepTestRunner r = sessionize(row("a", at("10:00"), "/", false), row("a", at("10:06"), "/x", false),
                row("a", null, "/y", false)).param("timeoutMinutes", 5).run();
        assertEquals(2, r.output("out").size());
        assertEquals(1, r.quarantined().size());
        assertTrue(r.quarantined().get(0).reason().startsWith("no time"));
        assertTrue(!r.quarantined().get(0).record().contains("a,"), "the pii visitor is masked");
        r.assertRowsAccountedFor();
        new StepTestRunner(new SessionizeStepType(), dir).param("timeoutMinutes", 0).assertInvalid("timeoutMinutes", "");
        new StepTestRunner(new SessionizeStepType(), dir).param("goal", "checkout").assertInvalid("goal", "starting with /");
    }

    @Test
    void memoryFollowsOpenSessionsNotTheLog() throws Exception {
        // 50,000 requests of 10,000 visitors over a day, each visiting five times an hour apart.
        List<Object[]> rows = new ArrayList<>();
        Instant start = Instant.parse("2024-10-10T00:00:00Z");
        for (int visit = 0; visit < 5; visit++) {
            for (int v = 0; v < 10_000; v++) {
                rows.add(row("v" + v, start.plusSeconds(visit * 3600L + v / 10), "/p" + visit, false));
            }
        }
        StepTestRunner r = new StepTestRunner(new SessionizeStepType(), dir).input("in", REQUESTS, rows, 4096).run();
        assertEquals(50_000, r.output("out").size(), "an hour apart is five sessions each");
        r.assertRowsAccountedFor();
    }

    @Test
    void emptyInputAndTheDesignTimeSchema() throws Exception {
        StepTestRunner r = sessionize().run();
        assertEquals(0, r.output("out").size());
        SessionizeStepType type = new SessionizeStepType();
        Schema out = type.outputSchemas(Parameters.of(type.descriptor(), Map.of()), Map.of("in", REQUESTS)).orElseThrow()
                .get("out");
        assertEquals(List.of("session_id", "visitor", "start", "end", "day", "duration_seconds", "pages", "landing", "exit",
                "converted"), out.names());
        new StepTestRunner(new SessionizeStepType(), dir).param("time", "path").input("in", REQUESTS)
                .assertInvalid("time", "");
    }
}
