package org.assay.connectors.jdbc.internal;

import java.util.List;
import org.assay.api.step.typed.DescribedValue;

/**
 * What {@code jdbc-writer} does with pii columns; the values of its {@code pii} parameter. The
 * same policy as {@code csv-writer} (bundles/connectors-file), kept per bundle so a connector
 * bundle updates alone.
 */
enum PiiPolicy implements DescribedValue {
    REFUSE("fail the step, naming the columns"),
    DROP("leave them out of the table"),
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
        return "the input has pii columns " + piiColumns + " and jdbc-writer writes personal data only when told: "
                + "set \"pii\": \"drop\" to leave them out, \"mask\" to write *** instead, or \"write\" to write "
                + "them as they are (or clear them with a privacy step first)";
    }
}
