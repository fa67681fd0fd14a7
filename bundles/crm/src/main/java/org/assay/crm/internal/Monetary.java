package org.assay.crm.internal;

import org.assay.api.step.typed.DescribedValue;

/** What the monetary value of a customer is. */
enum Monetary implements DescribedValue {
    TOTAL("the customer's total spend"),
    MEAN("the customer's mean spend per order");

    private final String description;

    Monetary(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
