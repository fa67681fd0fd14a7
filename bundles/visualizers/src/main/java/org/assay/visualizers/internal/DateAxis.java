package org.assay.visualizers.internal;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.function.Function;

/**
 * A date axis with calendar ticks. XChart places ticks at round numbers of the plotted value and
 * keeps only as many as fit without overlapping labels; it cannot be told where a month starts.
 * So dates are plotted in a calendar unit chosen from the span (days, weeks from a Monday,
 * months, quarters or years, each period start a whole number) and XChart's round numbers land
 * on period starts: every day or second day, every Monday, the first of a month, a quarter or a
 * year. The unit is never finer than the period
 * the data were grouped by, so a monthly line never has a tick mid-month.
 */
final class DateAxis {

    /** The calendar units, finest first. */
    enum Unit {
        DAY, WEEK, MONTH, QUARTER, YEAR
    }

    /**
     * About this many labels fit on the default 900-pixel chart; a unit is used while the span
     * holds at most this many of it, so XChart's step is one or two units, not five.
     */
    private static final int MOST_TICKS = 8;
    /** 1970-01-05 was a Monday: week numbers count from it, so Mondays are whole numbers. */
    private static final long FIRST_MONDAY = 4;

    private final Unit unit;

    private DateAxis(Unit unit) {
        this.unit = unit;
    }

    /**
     * The axis for dates from {@code firstDay} to {@code lastDay} (epoch days), not finer than
     * {@code finest}.
     */
    static DateAxis of(double firstDay, double lastDay, Unit finest) {
        double days = Math.max(0, lastDay - firstDay);
        Unit unit;
        if (days <= 2 * MOST_TICKS) {
            unit = Unit.DAY;
        } else if (days <= 7 * 2 * MOST_TICKS) {
            unit = Unit.WEEK;
        } else if (days <= 30.5 * 2 * MOST_TICKS) {
            unit = Unit.MONTH;
        } else if (days <= 91.3 * 2 * MOST_TICKS) {
            unit = Unit.QUARTER;
        } else {
            unit = Unit.YEAR;
        }
        return new DateAxis(unit.compareTo(finest) < 0 ? finest : unit);
    }

    Unit unit() {
        return unit;
    }

    /** The plotted value of a (possibly fractional) epoch day. */
    double plotted(double epochDay) {
        long day = (long) Math.floor(epochDay);
        double part = epochDay - day;
        LocalDate d = LocalDate.ofEpochDay(day);
        return switch (unit) {
            case DAY -> epochDay;
            case WEEK -> (epochDay - FIRST_MONDAY) / 7;
            case MONTH -> months(d) + (d.getDayOfMonth() - 1 + part) / d.lengthOfMonth();
            case QUARTER -> {
                LocalDate start = d.withDayOfMonth(1).withMonth((d.getMonthValue() - 1) / 3 * 3 + 1);
                double length = start.plusMonths(3).toEpochDay() - start.toEpochDay();
                yield months(start) / 3.0 + (day - start.toEpochDay() + part) / length;
            }
            case YEAR -> d.getYear() + (d.getDayOfYear() - 1 + part) / d.lengthOfYear();
        };
    }

    /** The epoch day of a plotted value (the inverse of {@link #plotted}, to the day). */
    long day(double plotted) {
        return switch (unit) {
            case DAY -> (long) Math.floor(plotted);
            case WEEK -> (long) Math.floor(plotted * 7 + FIRST_MONDAY + 1e-9);
            case MONTH -> monthStart((long) Math.floor(plotted + 1e-9)).toEpochDay();
            case QUARTER -> monthStart((long) Math.floor(plotted + 1e-9) * 3).toEpochDay();
            case YEAR -> LocalDate.of((int) Math.floor(plotted + 1e-9), 1, 1).toEpochDay();
        };
    }

    /**
     * Tick labels: a period start reads as its period ("Mar 2024", "Q3 2023", "2020"). XChart
     * puts ticks on data points when they are equally spaced (a daily line), and those need not
     * be period starts: such a tick reads as its day, or month for quarters and years.
     */
    Function<Double, String> ticks() {
        return v -> {
            boolean start = Math.abs(v - Math.rint(v)) < 1e-6;
            LocalDate d = LocalDate.ofEpochDay(start ? day(Math.rint(v)) : dayWithin(v));
            Unit as = start ? unit : unit == Unit.QUARTER || unit == Unit.YEAR ? Unit.MONTH : Unit.DAY;
            return switch (as) {
                case DAY, WEEK -> d.getDayOfMonth() + " " + month(d) + " " + d.getYear();
                case MONTH -> month(d) + " " + d.getYear();
                case QUARTER -> "Q" + ((d.getMonthValue() - 1) / 3 + 1) + " " + d.getYear();
                case YEAR -> Integer.toString(d.getYear());
            };
        };
    }

    /** The day at a plotted value between two period starts. */
    private long dayWithin(double v) {
        long from = day(Math.floor(v));
        long to = day(Math.floor(v) + 1);
        return unit == Unit.DAY ? (long) Math.floor(v) : from + Math.round((to - from) * (v - Math.floor(v)));
    }

    private static String month(LocalDate d) {
        return d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    private static long months(LocalDate d) {
        return (d.getYear() - 1970L) * 12 + d.getMonthValue() - 1;
    }

    private static LocalDate monthStart(long months) {
        return LocalDate.of(1970, 1, 1).plusMonths(months);
    }
}
