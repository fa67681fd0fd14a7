package org.assay.forecast.internal;

import java.time.LocalDate;
import org.assay.api.step.typed.DescribedValue;

/** The length of one forecast period, with its usual season. */
enum Period implements DescribedValue {
    DAY("calendar days (UTC); season 7, the week", 7),
    WEEK("ISO weeks starting on Monday; season 52, the year", 52),
    MONTH("calendar months; season 12, the year", 12);

    private final String description;
    private final int season;

    Period(String description, int season) {
        this.description = description;
        this.season = season;
    }

    @Override
    public String description() {
        return description;
    }

    int season() {
        return season;
    }

    /** A consecutive number for the period holding epoch day {@code day}. */
    long index(long day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> Math.floorDiv(day + 3, 7);
            case MONTH -> {
                LocalDate d = LocalDate.ofEpochDay(day);
                yield d.getYear() * 12L + d.getMonthValue() - 1;
            }
        };
    }

    /** The first day of period {@code index}. */
    LocalDate start(long index) {
        return switch (this) {
            case DAY -> LocalDate.ofEpochDay(index);
            case WEEK -> LocalDate.ofEpochDay(index * 7 - 3);
            case MONTH -> LocalDate.of((int) Math.floorDiv(index, 12), (int) Math.floorMod(index, 12) + 1, 1);
        };
    }
}
