package org.assay.connectors.file.internal;

import java.util.List;
import org.assay.api.step.typed.DescribedValue;

/** What {@code csv-writer} does with pii columns; the values of its {@code pii} parameter. */
enum PiiPolicy implements DescribedValue {
    REFUSE("fail the step, naming the columns"),
    DROP("leave them out of the file"),
    MASK("write *** for every non-empty value"),
    WRITE("write them as they are");

    private final String effect;

    PiiPolicy(String effect) {
        this.effect = effect;
    }

    @Override
    public String description() {
        return effect;
    }

    /** The message for {@link #REFUSE}: which columns, and the three ways on. */
    static String refusal(List<String> piiColumns) {
        return "the input has pii columns " + piiColumns + " and csv-writer writes personal data only when told: "
                + "set \"pii\": \"drop\" to leave them out, \"mask\" to write *** instead, or \"write\" to write "
                + "them as they are (or clear them with a privacy step first)";
    }
}
