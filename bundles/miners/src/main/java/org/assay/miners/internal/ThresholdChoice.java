package org.assay.miners.internal;

import org.assay.api.step.typed.DescribedValue;

/**
 * How {@code weka-classify} picks the probability cut for the positive class of a two-class
 * target. With a rare class (churners) the most probable class is nearly always "no", so the
 * cut that maximises F1, or the highest cut that still finds a required share of the positives,
 * is what a campaign wants.
 */
enum ThresholdChoice implements DescribedValue {
    MOST_PROBABLE("predict the most probable class (a cut of 0.5 for two classes), as Weka does"),
    MAX_F1("the cut on the positive class's probability with the highest F1 in the evaluation"),
    RECALL("the highest cut whose recall in the evaluation reaches 'minRecall' (the most precise such cut)");

    private final String description;

    ThresholdChoice(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
