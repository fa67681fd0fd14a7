package org.assay.forecast.internal;

import org.assay.api.step.typed.DescribedValue;

/** Which seasonal forms the Holt-Winters choice may consider. */
enum Seasonality implements DescribedValue {
    AUTO("additive or multiplicative (positive series only), whichever has the lower AIC"),
    ADDITIVE("the season adds the same amount each year"),
    MULTIPLICATIVE("the season scales with the level (usual for growing sales)"),
    NONE("no season: Holt's trend method");

    private final String description;

    Seasonality(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
