package org.assay.cleaners.internal.validate;

/**
 * What breaking a rule does: {@code reject} sends the row to quarantine, {@code warn} keeps it
 * and names the rule in the violations column, {@code fail:<share>} warns and fails the step
 * when more than that share of rows (0 to 1) break the rule.
 */
record Severity(Kind kind, double failShare) {

    enum Kind { REJECT, WARN, FAIL }

    static final String SYNTAX = "\"reject\", \"warn\" or \"fail:<share>\" (e.g. \"fail:0.05\": fail the run when more "
            + "than 5% of rows break it)";

    /** @throws IllegalArgumentException naming the rule and the fix */
    static Severity parse(String rule, String text) {
        String t = text.strip();
        if (t.equals("reject")) {
            return new Severity(Kind.REJECT, 0);
        }
        if (t.equals("warn")) {
            return new Severity(Kind.WARN, 0);
        }
        if (t.startsWith("fail:")) {
            try {
                double share = Double.parseDouble(t.substring(5).strip());
                if (share >= 0 && share <= 1) {
                    return new Severity(Kind.FAIL, share);
                }
            } catch (NumberFormatException e) {
                // worded below
            }
        }
        throw new IllegalArgumentException("rule '" + rule + "': '" + text + "' is not a severity; write " + SYNTAX);
    }

    String display() {
        return kind == Kind.FAIL ? "fail:" + org.assay.api.data.Column.formatDecimal(failShare)
                : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
