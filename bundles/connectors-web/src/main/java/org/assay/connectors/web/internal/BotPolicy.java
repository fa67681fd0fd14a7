package org.assay.connectors.web.internal;

import org.assay.api.step.typed.DescribedValue;

/** What {@code access-log-reader} does with requests from robots; its {@code bots} parameter. */
enum BotPolicy implements DescribedValue {
    FLAG("keep them, with is_bot true"),
    DROP("leave them out (counted as filtered)");

    private final String effect;

    BotPolicy(String effect) {
        this.effect = effect;
    }

    @Override
    public String description() {
        return effect;
    }
}
