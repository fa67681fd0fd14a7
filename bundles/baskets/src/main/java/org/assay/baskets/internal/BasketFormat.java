package org.assay.baskets.internal;

import org.assay.api.step.typed.DescribedValue;

/** How the input holds baskets. */
enum BasketFormat implements DescribedValue {
    LONG("one row per order line: a basket column and an item column, as order lines come out of a shop database"),
    WIDE("one row per basket and one 0/1 (or boolean) column per item; non-zero means bought");

    private final String description;

    BasketFormat(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
