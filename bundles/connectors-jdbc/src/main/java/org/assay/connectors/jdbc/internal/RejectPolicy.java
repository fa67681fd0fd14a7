package org.assay.connectors.jdbc.internal;

import org.assay.api.step.typed.DescribedValue;

/** What {@code jdbc-writer} does with a row the database refuses; its {@code onReject} parameter. */
enum RejectPolicy implements DescribedValue {
    FAIL("fail the run and roll back: the table is left as it was"),
    QUARANTINE("put the row in quarantine with the database's reason (a constraint or a value that does not fit) "
            + "and write the others");

    private final String effect;

    RejectPolicy(String effect) {
        this.effect = effect;
    }

    @Override
    public String description() {
        return effect;
    }
}
