package org.assay.transforms.internal.combine;

import org.assay.api.step.typed.DescribedValue;

/** What {@code lookup} does with a reference key held by several rows. */
enum DuplicateKeys implements DescribedValue {
    FAIL("the step fails, naming how many keys are duplicated: a reference table should have one row per key"),
    FIRST("the first row with the key wins; the others are ignored and counted in the log");

    private final String description;

    DuplicateKeys(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
