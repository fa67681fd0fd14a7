package org.assay.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessLogGeneratorTest {

    @Test
    void committedSampleIsTheGeneratorsOutput() throws Exception {
        assertEquals(AccessLogGenerator.sample(), Files.readString(Path.of("data/access.log"), StandardCharsets.UTF_8),
                "data/access.log differs from the generator; regenerate it with AccessLogGenerator.main");
    }

    /** The figures ConnectorSamplesIT asserts for the web-sessions sample. */
    @Test
    void sessionsPerDayAreTheItestsFigures() {
        Map<java.time.LocalDate, Integer> perDay = AccessLogGenerator.sessionsPerDay();
        assertEquals(AccessLogGenerator.DAYS, perDay.size());
        assertEquals(EXPECTED_SESSIONS, perDay.values().stream().mapToInt(Integer::intValue).sum(), perDay.toString());
        assertEquals(EXPECTED_FIRST_DAY, perDay.get(AccessLogGenerator.FIRST_DAY));
    }

    @Test
    void linesAreInTimeOrderWithBotsAssetsAndGarbage() {
        List<String> lines = AccessLogGenerator.sample().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("Googlebot")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("/static/app.css")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("/checkout/done")));
        assertEquals(AccessLogGenerator.GARBAGE_LINES, lines.stream().filter(l -> !l.endsWith("\"")).count());
    }

    static final int EXPECTED_SESSIONS = 569;
    static final Integer EXPECTED_FIRST_DAY = 34;
}
