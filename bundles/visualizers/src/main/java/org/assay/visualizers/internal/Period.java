package org.assay.visualizers.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import org.assay.api.step.typed.DescribedValue;

/** The period a date axis is grouped by (parameter {@code period} of {@code line-chart}). */
enum Period implements DescribedValue {
    NONE("each distinct x value is a point (numbers, or dates as they are)"),
    DAY("calendar day"),
    WEEK("ISO week, starting Monday"),
    MONTH("calendar month"),
    QUARTER("calendar quarter"),
    YEAR("calendar year");

    private final String description;

    Period(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    /** The first day of the period holding {@code day} (epoch days in and out). */
    long start(long day) {
        LocalDate d = LocalDate.ofEpochDay(day);
        LocalDate s = switch (this) {
            case NONE, DAY -> d;
            case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> d.withDayOfMonth(1);
            case QUARTER -> d.withDayOfMonth(1).withMonth((d.getMonthValue() - 1) / 3 * 3 + 1);
            case YEAR -> d.withDayOfYear(1);
        };
        return s.toEpochDay();
    }

    /** How a period start reads on the axis and in the table. */
    String format(long day) {
        LocalDate d = LocalDate.ofEpochDay(day);
        return switch (this) {
            case MONTH -> d.toString().substring(0, 7);
            case QUARTER -> d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(d.getYear());
            default -> d.toString();
        };
    }
}
