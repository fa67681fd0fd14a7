package org.assay.cleaners.internal.dedup;

import java.util.Locale;
import org.assay.api.step.typed.DescribedValue;

/** Which value of a cluster's rows the golden record keeps for a column. Nulls are never chosen over a value. */
enum Survivorship implements DescribedValue {
    MOST_COMPLETE("the value of the row with the most non-missing cells (ties: the earlier row)"),
    MOST_FREQUENT("the value most rows have (ties: the one seen first)"),
    MOST_RECENT("the value of the row with the latest recencyColumn (rows without one count as oldest)"),
    MAX("the largest value (numbers, dates; text in code-point order)"),
    MIN("the smallest value"),
    PREFERRED_SOURCE("the value of the row whose sourceColumn comes first in sourcePriority (other sources after "
            + "them, in row order)"),
    FIRST("the value of the earliest row that has one");

    private final String description;

    Survivorship(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Survivorship parse(String text) {
        for (Survivorship s : values()) {
            if (s.jsonName().equals(text.strip())) {
                return s;
            }
        }
        return null;
    }

    static String names() {
        StringBuilder b = new StringBuilder();
        for (Survivorship s : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(s.jsonName());
        }
        return b.toString();
    }
}
