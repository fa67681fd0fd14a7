package org.assay.forecast.internal;

import org.assay.api.step.typed.DescribedValue;

/** What a period without rows becomes; either way its history row has filled = true. */
enum MissingPeriods implements DescribedValue {
    ZERO("0: no orders in the period means no sales (right for sums and counts)"),
    INTERPOLATE("the straight line between the neighbouring periods (right when data is missing, not zero)"),
    FAIL("stop with the missing periods named, so a gap in the data is looked at first");

    private final String description;

    MissingPeriods(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
