package org.assay.crm.internal;

import java.time.LocalDate;
import org.assay.api.step.typed.DescribedValue;

/** The period satisfaction is aggregated by. */
enum Period implements DescribedValue {
    MONTH("calendar month, labelled 2025-03"),
    QUARTER("calendar quarter, labelled 2025-Q1"),
    YEAR("calendar year, labelled 2025");

    private final String description;

    Period(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    /** The label of the period holding an epoch day; labels sort in time order. */
    String label(long epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return switch (this) {
            case MONTH -> String.format("%04d-%02d", d.getYear(), d.getMonthValue());
            case QUARTER -> d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(d.getYear());
        };
    }
}
