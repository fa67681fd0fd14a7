package org.assay.forecast.internal;

import org.assay.api.step.typed.DescribedValue;

/** The forecasting method; the seasonal-naive baseline is reported next to either. */
enum Method implements DescribedValue {
    HOLT_WINTERS("Holt-Winters exponential smoothing: additive or multiplicative season, no, linear or damped trend,"
            + " chosen by AIC, parameters fitted to the series"),
    SEASONAL_NAIVE("each period repeats the same period one season earlier (the baseline itself)");

    private final String description;

    Method(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
