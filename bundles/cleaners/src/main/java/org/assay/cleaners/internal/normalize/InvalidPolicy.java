package org.assay.cleaners.internal.normalize;

import java.util.Locale;
import org.assay.api.step.typed.DescribedValue;

/** What happens to a value a rule cannot read (a phone number that is not valid, a date in no listed format). */
enum InvalidPolicy implements DescribedValue {
    QUARANTINE("send the row to quarantine, naming the column and why"),
    SET_NULL("set the value to null and count it in the summary"),
    FLAG("keep the row; the value stays as it was where the column stays text, else becomes null; the column "
            + "invalid_columns lists the columns that could not be read");

    private final String description;

    InvalidPolicy(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
