package org.assay.api.step.typed;

import java.util.List;
import org.assay.api.data.DataStream;
import org.assay.api.step.StepFailure;

/**
 * What a sink does with columns tagged pii: the values of a {@code pii} parameter, shared so
 * every step that writes data out of Assay (csv-writer, jdbc-writer, ...) offers the same choice
 * with the same default. Use it as the type of a record component with
 * {@code defaultValue = "refuse"} and wrap the sink's input with {@link #apply}.
 *
 * @since 1.1
 */
public enum PiiPolicy implements DescribedValue {
    REFUSE("fail the step, naming the columns"),
    DROP("leave them out of what is written"),
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

    /**
     * The input as this policy lets it leave: unchanged when it has no pii columns or for
     * {@link #WRITE}; pii columns dropped for {@link #DROP}; for {@link #MASK} pii columns become
     * text columns holding {@value org.assay.api.data.PiiMask#MASK} for every non-null value. The
     * returned stream does not close {@code in}.
     *
     * @param in the sink's input
     * @param step the step type's name, e.g. {@code "csv-writer"}, for the refusal message
     * @throws StepFailure for {@link #REFUSE} when the input has pii columns; the message names
     *     them and the ways on
     */
    public DataStream apply(DataStream in, String step) throws StepFailure {
        return PiiColumns.apply(in, this, step);
    }

    /** The message for {@link #REFUSE}: which columns, and the three ways on. */
    static String refusal(String step, List<String> piiColumns) {
        return "the input has pii columns " + piiColumns + " and " + step + " writes personal data only when told: "
                + "set \"pii\": \"drop\" to leave them out, \"mask\" to write *** instead, or \"write\" to write "
                + "them as they are (or clear them with a privacy step first)";
    }
}
