package org.assay.forecast.internal;

import org.assay.api.step.typed.DescribedValue;

/** The forecasting method; the seasonal-naive baseline is reported next to either. */
enum Method implements DescribedValue {
    AUTO("chooses among Holt-Winters (additive, multiplicative, damped), WekaForecaster (plain and log scale)"
            + " and seasonal naive by rolling-origin validation inside the data it is fitted on (never the holdout)"),
    HOLT_WINTERS("Holt-Winters exponential smoothing: additive or multiplicative season, no, linear or damped trend,"
            + " chosen by AIC, parameters fitted to the series"),
    WEKA_FORECASTER("Weka's time-series forecasting package (WekaForecaster): linear regression on lags 1 to one"
            + " season, a seasonal periodic feature and a time trend; plain or log scale chosen by validation for"
            + " positive series"),
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
