package org.assay.baskets.internal;

import org.assay.api.step.typed.DescribedValue;

/** Which categories a recommended item may be in, relative to the items of the rule that fired. */
enum CategoryRule implements DescribedValue {
    ANY("any category"),
    SAME("only a category of one of the rule's antecedent items (accessories for what was bought)"),
    OTHER("only categories none of the rule's antecedent items is in (cross-category sales)");

    private final String description;

    CategoryRule(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
