package org.assay.privacy.internal.dp;

import org.assay.api.step.typed.DescribedValue;

/** The noise of {@code dp-aggregate}. */
enum DpMechanism implements DescribedValue {
    LAPLACE("discrete Laplace (two-sided geometric), scale sensitivity / epsilon: pure epsilon-DP, delta 0"),
    GAUSSIAN("discrete Gaussian with sigma calibrated exactly for (epsilon, delta): lighter tails, fits many "
            + "queries better; needs delta");

    private final String description;

    DpMechanism(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
