package org.assay.cleaners.internal.dedup;

import org.assay.api.step.typed.DescribedValue;

/** How fuzzy dedup picks the pairs it compares, so the work grows with the rows, not their square. */
enum BlockingMethod implements DescribedValue {
    BLOCKS("every pair within a block (rows with the same key value); a block larger than maxBlockSize is "
            + "compared by a sliding window over its rows sorted by the compared fields"),
    SORTED_NEIGHBOURHOOD("rows sorted by each key, each compared with the next window - 1 rows: catches keys that "
            + "differ by a typo late in the key");

    private final String description;

    BlockingMethod(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
