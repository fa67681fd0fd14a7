package org.assay.transforms.internal.combine;

import org.assay.api.step.typed.DescribedValue;

/** Which rows a {@code join} keeps. */
enum JoinKind implements DescribedValue {
    INNER("rows whose key is on both sides, one output row per matching pair", true, false, false),
    LEFT("every left row; right columns are null where the right side has no match", true, true, false),
    RIGHT("every right row; left columns (except the keys) are null where the left side has no match",
            true, false, true),
    FULL("every row of both sides, matched where the keys are equal", true, true, true),
    SEMI("left rows that have a match on the right, once each and with the left columns only", false, false,
            false),
    ANTI("left rows that have no match on the right, with the left columns only", false, false, false);

    private final String description;
    /** Whether the output carries the right side's columns. */
    final boolean widens;
    /** Whether left rows without a match are kept. */
    final boolean keepsUnmatchedLeft;
    /** Whether right rows without a match are kept. */
    final boolean keepsUnmatchedRight;

    JoinKind(String description, boolean widens, boolean keepsUnmatchedLeft, boolean keepsUnmatchedRight) {
        this.description = description;
        this.widens = widens;
        this.keepsUnmatchedLeft = keepsUnmatchedLeft;
        this.keepsUnmatchedRight = keepsUnmatchedRight;
    }

    @Override
    public String description() {
        return description;
    }
}
