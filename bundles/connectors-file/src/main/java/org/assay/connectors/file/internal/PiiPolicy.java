package org.assay.connectors.file.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code csv-writer} does with pii columns; the values of its {@code pii} parameter. */
enum PiiPolicy {
    REFUSE("fail the step, naming the columns"),
    DROP("leave them out of the file"),
    MASK("write *** for every non-empty value"),
    WRITE("write them as they are");

    private final String effect;

    PiiPolicy(String effect) {
        this.effect = effect;
    }

    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PiiPolicy parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    static String[] names() {
        return Arrays.stream(values()).map(PiiPolicy::jsonName).toArray(String[]::new);
    }

    static String describe() {
        return Arrays.stream(values()).map(p -> "\"" + p.jsonName() + "\" " + p.effect).collect(Collectors.joining(", "));
    }

    /** The message for {@link #REFUSE}: which columns, and the three ways on. */
    static String refusal(List<String> piiColumns) {
        return "the input has pii columns " + piiColumns + " and csv-writer writes personal data only when told: "
                + "set \"pii\": \"drop\" to leave them out, \"mask\" to write *** instead, or \"write\" to write "
                + "them as they are (or clear them with a privacy step first)";
    }
}
