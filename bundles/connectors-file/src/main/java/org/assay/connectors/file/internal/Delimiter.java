package org.assay.connectors.file.internal;

/**
 * Reads the {@code delimiter} parameter: one character, or {@code \t} / {@code tab} for a
 * tab; for {@code csv-reader} also {@code auto}.
 */
final class Delimiter {

    static final String AUTO = "auto";

    static final String DESCRIPTION = "Field separator: one character such as \",\" \";\" or \"|\"; "
            + "write \"\\t\" or \"tab\" for a tab.";

    static final String READER_DESCRIPTION = "Field separator: auto, or one character such as \",\" \";\" or "
            + "\"|\"; write \"\\t\" or \"tab\" for a tab. auto looks at the first " + DelimiterDetection.SAMPLE_RECORDS
            + " records (quoted fields respected) and picks the one of , ; tab | that splits the first record into "
            + "more than one field and the others (all but one in ten) into as many; with several, the one giving "
            + "the most fields. When none does it reads \",\", and fails if the lines look separated by another of "
            + "them. The log says which was detected and why. A delimiter given here is always used as it is.";

    private Delimiter() {
    }

    static boolean isAuto(String text) {
        return AUTO.equalsIgnoreCase(text);
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

    /**
     * Why {@code text} is not a delimiter, for the {@code delimiter} parameter (the engine names
     * it); only for a text {@link #parse} refused.
     */
    static String problem(String text) {
        String shown = show(text);
        if (isLineBreak(text)) {
            return shown + " is a line break, and line breaks end records, so they "
                    + "cannot separate fields; use e.g. \",\", \";\" or \"\\t\"";
        }
        if ("\"".equals(text)) {
            return "'\"' is the quote character and cannot also separate fields; use e.g. "
                    + "\",\", \";\" or \"\\t\"";
        }
        if (text.isEmpty()) {
            return "it is empty; give one character, e.g. \",\", \";\" or \"\\t\"";
        }
        return shown + " is not a single character; use e.g. \",\", \";\" or \"\\t\"";
    }

    /** The delimiter as a workflow would write it, for messages: {@code ","}, {@code "\t"}. */
    static String display(char c) {
        return c == '\t' ? "\"\\t\"" : "\"" + c + "\"";
    }

    private static boolean isLineBreak(String text) {
        return text.matches("(\r|\n|\\\\r|\\\\n)+");
    }

    /** A parameter text in quotes, with line breaks written as escapes so the message stays on one line. */
    private static String show(String text) {
        return "'" + text.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }
}
