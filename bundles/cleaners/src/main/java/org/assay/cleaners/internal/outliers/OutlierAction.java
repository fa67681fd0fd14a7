package org.assay.cleaners.internal.outliers;

import java.util.Locale;
import org.assay.api.step.typed.DescribedValue;

/** What is done to an outlier. */
enum OutlierAction implements DescribedValue {
    FLAG("keep the row and add the boolean column outlier and the decimal outlier_score (the largest score "
            + "over the columns)"),
    QUARANTINE("send the row to quarantine with the column, the value (unless pii) and the fence"),
    CAP("set the value to the fence it crossed (winsorise); integers to the nearest whole number inside"),
    SET_NULL("set the value to null, for an impute step after this one");

    private final String description;

    OutlierAction(String description) {
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
