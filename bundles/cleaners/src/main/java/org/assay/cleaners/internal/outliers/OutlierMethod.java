package org.assay.cleaners.internal.outliers;

import java.util.Locale;
import org.assay.api.step.typed.DescribedValue;

/** How outliers are found; the first three per column (and per group), the last over the columns together. */
enum OutlierMethod implements DescribedValue {
    Z_SCORE("|value - mean| / standard deviation above threshold (default 3); sensitive to the outliers "
            + "themselves, best on roughly normal columns", 3),
    ROBUST_Z("|value - median| / (1.4826 * MAD) above threshold (default 3.5, Iglewicz and Hoaglin); the "
            + "median absolute deviation is not pulled by the outliers", 3.5),
    IQR("below Q1 - threshold * IQR or above Q3 + threshold * IQR (default 1.5, Tukey's fences)", 1.5),
    ISOLATION_FOREST("multivariate: the isolation-forest anomaly score (Liu, Ting and Zhou 2008) of the row over "
            + "all columns together, above threshold (default 0.65); finds rows whose combination of values "
            + "is rare even when each value alone is ordinary", 0.65);

    private final String description;
    private final double defaultThreshold;

    OutlierMethod(String description, double defaultThreshold) {
        this.description = description;
        this.defaultThreshold = defaultThreshold;
    }

    @Override
    public String description() {
        return description;
    }

    double defaultThreshold() {
        return defaultThreshold;
    }

    boolean univariate() {
        return this != ISOLATION_FOREST;
    }

    String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
