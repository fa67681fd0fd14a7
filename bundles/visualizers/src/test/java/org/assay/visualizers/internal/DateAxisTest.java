package org.assay.visualizers.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** Calendar ticks on date axes, and the forecast line joined to its history. */
class DateAxisTest {

    private static double day(int y, int m, int d) {
        return LocalDate.of(y, m, d).toEpochDay();
    }

    @Test
    void theUnitFollowsTheSpanAndIsNeverFinerThanThePeriod() {
        assertEquals(DateAxis.Unit.DAY, DateAxis.of(day(2024, 3, 1), day(2024, 3, 10), DateAxis.Unit.DAY).unit());
        assertEquals(DateAxis.Unit.WEEK, DateAxis.of(day(2024, 3, 1), day(2024, 4, 30), DateAxis.Unit.DAY).unit());
        assertEquals(DateAxis.Unit.MONTH, DateAxis.of(day(2024, 1, 1), day(2024, 12, 31), DateAxis.Unit.DAY).unit());
        assertEquals(DateAxis.Unit.QUARTER, DateAxis.of(day(2022, 1, 1), day(2024, 12, 1), DateAxis.Unit.DAY).unit());
        assertEquals(DateAxis.Unit.YEAR, DateAxis.of(day(2015, 1, 1), day(2024, 12, 1), DateAxis.Unit.DAY).unit());
        // Monthly points over ten days still get month ticks, not days between the months.
        assertEquals(DateAxis.Unit.MONTH, DateAxis.of(day(2024, 1, 1), day(2024, 2, 1), DateAxis.Unit.MONTH).unit());
    }

    @Test
    void periodStartsAreWholeNumbersAndReadAsTheirPeriod() {
        DateAxis weeks = DateAxis.of(day(2024, 3, 1), day(2024, 4, 30), DateAxis.Unit.DAY);
        double monday = weeks.plotted(day(2024, 3, 4));
        assertEquals(Math.rint(monday), monday, 1e-9);
        assertEquals("4 Mar 2024", weeks.ticks().apply(monday));
        assertTrue(weeks.plotted(day(2024, 3, 5)) > monday && weeks.plotted(day(2024, 3, 5)) < monday + 1);

        DateAxis months = DateAxis.of(day(2024, 1, 1), day(2024, 12, 31), DateAxis.Unit.DAY);
        double march = months.plotted(day(2024, 3, 1));
        assertEquals(Math.rint(march), march, 1e-9);
        assertEquals(march + 1, months.plotted(day(2024, 4, 1)), 1e-9);
        assertEquals(march + 15.0 / 31, months.plotted(day(2024, 3, 16)), 1e-9);
        Function<Double, String> ticks = months.ticks();
        assertEquals("Mar 2024", ticks.apply(march));
        // A tick between two month starts (on a data point) reads as its day.
        assertEquals("16 Mar 2024", ticks.apply(march + 15.0 / 31));

        DateAxis quarters = DateAxis.of(day(2022, 1, 1), day(2024, 12, 1), DateAxis.Unit.DAY);
        assertEquals("Q3 2023", quarters.ticks().apply(quarters.plotted(day(2023, 7, 1))));
        DateAxis years = DateAxis.of(day(2015, 1, 1), day(2024, 12, 1), DateAxis.Unit.DAY);
        assertEquals(2020.0, years.plotted(day(2020, 1, 1)), 1e-9);
        assertEquals("2020", years.ticks().apply(2020.0));
        assertEquals(day(2020, 1, 1), years.day(2020.0));
    }

    @Test
    void theForecastStartsAtTheLastHistoryPoint() {
        Map<String, NavigableMap<Double, Double>> lines = new LinkedHashMap<>();
        lines.put("history", new TreeMap<>(Map.of(1.0, 10.0, 2.0, 12.0, 3.0, 11.0)));
        lines.put("forecast", new TreeMap<>(Map.of(4.0, 13.0, 5.0, 14.0)));
        Map<String, double[]> joins = LineChartStep.joins(lines, Set.of("forecast"));
        assertEquals(Set.of("forecast"), joins.keySet());
        assertArrayEquals(new double[] {3.0, 11.0}, joins.get("forecast"));
        // Overlapping lines (two regions over the same months) are not joined, nor lines without an interval.
        lines.put("forecast", new TreeMap<>(Map.of(3.0, 13.0, 5.0, 14.0)));
        assertTrue(LineChartStep.joins(lines, Set.of("forecast")).isEmpty());
        lines.put("forecast", new TreeMap<>(Map.of(4.0, 13.0, 5.0, 14.0)));
        assertTrue(LineChartStep.joins(lines, Set.of()).isEmpty());
    }
}
