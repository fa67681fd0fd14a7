package org.assay.connectors.file.internal;

/** Reads the {@code delimiter} parameter: one character, or {@code \t} / {@code tab} for a tab. */
final class Delimiter {

    static final String DESCRIPTION = "Field separator: one character such as \",\" \";\" or \"|\"; "
            + "write \"\\t\" or \"tab\" for a tab.";

    private Delimiter() {
    }

    /** The delimiter character, or -1 when the text is not a valid delimiter. */
    static int parse(String text) {
        if ("\\t".equals(text) || "tab".equalsIgnoreCase(text)) {
            return '\t';
        }
        if (text.length() != 1) {
            return -1;
        }
        char c = text.charAt(0);
        // These would make every field ambiguous with the quoting or the line structure.
        if (c == '"' || c == '\r' || c == '\n') {
            return -1;
        }
        return c;
    }

    static String problem(String text) {
        return "parameter delimiter: '" + text + "' is not a single character; use e.g. \",\", \";\" or \"\\t\"";
    }
}
