package org.assay.cleaners.internal;

import org.assay.api.step.typed.DescribedValue;

/** What {@code interpolate} does before the first and after the last known value of a series. */
enum Edge implements DescribedValue {
    NEAREST("fill with the nearest known value of the series"),
    LEAVE("leave the value missing");

    private final String description;

    Edge(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
