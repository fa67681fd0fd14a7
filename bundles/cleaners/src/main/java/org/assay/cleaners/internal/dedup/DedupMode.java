package org.assay.cleaners.internal.dedup;

import org.assay.api.step.typed.DescribedValue;

/** How dedup decides that two rows are the same entity. */
enum DedupMode implements DescribedValue {
    EXACT("rows whose keys are equal after normalisation (unicode NFKC, case, accents, punctuation, spaces)"),
    FUZZY("rows that share a blocking key and whose weighted field similarity reaches threshold");

    private final String description;

    DedupMode(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
