package org.assay.baskets.internal;

import java.util.Locale;
import org.assay.api.step.typed.DescribedValue;

/** A measure of an association rule A => C over N baskets. */
enum RuleMeasure implements DescribedValue {
    SUPPORT("share of baskets holding A and C", -1),
    CONFIDENCE("share of baskets with A that also hold C: P(C|A)", 0),
    LIFT("confidence divided by the share of baskets with C; above 1 means A makes C more likely", 1),
    LEVERAGE("P(A and C) - P(A) P(C): how many more baskets hold both than if A and C were unrelated", 2),
    CONVICTION("(1 - P(C)) / (1 - confidence); infinite (empty) when the rule never fails", 3);

    private final String description;
    private final int wekaType;

    RuleMeasure(String description, int wekaType) {
        this.description = description;
        this.wekaType = wekaType;
    }

    @Override
    public String description() {
        return description;
    }

    /** The value of Weka's {@code -T} option (DefaultAssociationRule.METRIC_TYPE), or -1 when Weka has none. */
    int wekaType() {
        return wekaType;
    }

    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
