package org.assay.visualizers.internal;

import org.assay.api.step.typed.DescribedValue;

/** How a scatter chart plots an axis's values (parameters {@code xTransform}, {@code yTransform}). */
enum AxisTransform implements DescribedValue {
    NONE("values as they are; dates as dates"),
    DAYS_AGO("for a date or timestamp column, days between each value and the latest value in the data,"
            + " e.g. recency from a last-purchase date");

    private final String description;

    AxisTransform(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
