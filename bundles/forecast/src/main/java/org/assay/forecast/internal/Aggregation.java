package org.assay.forecast.internal;

import org.assay.api.step.typed.DescribedValue;

/** How the rows of one period become its value. */
enum Aggregation implements DescribedValue {
    SUM("the sum of valueColumn (sales, units)"),
    MEAN("the mean of valueColumn (price, basket size)"),
    COUNT("the number of rows (orders); valueColumn is not needed");

    private final String description;

    Aggregation(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
