package org.assay.connectors.jdbc.internal;

import org.assay.api.step.typed.DescribedValue;

/** How {@code jdbc-writer} treats the rows already in the table; its {@code mode} parameter. */
enum WriteMode implements DescribedValue {
    APPEND("insert the rows; the table's rows stay"),
    REPLACE("delete the table's rows, then insert, in the same transaction"),
    UPSERT("update the row with the same keys, or insert it when there is none");

    private final String effect;

    WriteMode(String effect) {
        this.effect = effect;
    }

    @Override
    public String description() {
        return effect;
    }
}
