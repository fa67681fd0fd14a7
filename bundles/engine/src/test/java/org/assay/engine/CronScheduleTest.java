package org.assay.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @Test
    void nextFiringsFollowTheExpression() {
        CronSchedule s = CronSchedule.parse("0 30 2 ? * MON-FRI");
        // Friday 2026-11-20 10:00: next are Monday 23rd and Tuesday 24th at 02:30.
        List<ZonedDateTime> next = s.next(ZonedDateTime.of(2026, 11, 20, 10, 0, 0, 0, ZONE), 2);
        assertEquals(List.of(ZonedDateTime.of(2026, 11, 23, 2, 30, 0, 0, ZONE),
                ZonedDateTime.of(2026, 11, 24, 2, 30, 0, 0, ZONE)), next);
    }

    @Test
    void describesItselfInWords() {
        String d = CronSchedule.parse("0 0 2 * * ?").description();
        assertTrue(d.contains("02:00") || d.contains("2:00"), d);
    }

    @Test
    void aYearFieldCanEndTheSchedule() {
        CronSchedule s = CronSchedule.parse("0 0 12 1 1 ? 2025");
        assertTrue(s.next(ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZONE)).isEmpty());
    }

    @Test
    void rejectsWithAPlainMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CronSchedule.parse("0 61 * * * ?"));
        assertTrue(e.getMessage().startsWith("'0 61 * * * ?' is not a valid Quartz cron expression: "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("  "));
        // Quartz needs '?' in one of the day fields.
        assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("0 0 2 * * MON"));
    }
}
