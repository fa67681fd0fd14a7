package org.assay.miners.internal;

import org.assay.api.step.typed.DescribedValue;

/** How {@code weka-classify} measures a model before it trains the final one on all rows. */
enum EvaluationMode implements DescribedValue {
    CROSS_VALIDATION("k-fold cross-validation ('folds', 'seed'), stratified for a categorical target, with Weka's"
            + " Evaluation.crossValidateModel, so the figures equal the Weka command line's -x folds -s seed"),
    HOLDOUT("shuffle the rows with 'seed', train on 'trainPercent' of them and measure on the rest, as the Weka"
            + " Explorer's percentage split"),
    TEST_INPUT("train on input 'in' and measure on input 'test' (the same columns)");

    private final String description;

    EvaluationMode(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
