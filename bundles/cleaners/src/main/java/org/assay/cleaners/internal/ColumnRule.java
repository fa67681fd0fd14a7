package org.assay.cleaners.internal;

/**
 * One entry of the {@code columns} parameter: {@code mean}, {@code median}, {@code mode},
 * {@code constant:<value>} or {@code leave} (keep the column's missing values) (everything after the first colon is the value, so
 * {@code constant:} with nothing after it means an empty string).
 *
 * @param strategy the strategy
 * @param constant the constant's text for {@link Strategy#CONSTANT}, else null
 */
record ColumnRule(Strategy strategy, String constant) {

    static final String SYNTAX = "\"mean\", \"median\", \"mode\", \"interpolate\", \"constant:<value>\" or \"leave\" (keep missing)";

    /** @throws IllegalArgumentException with a message naming the parameter and column */
    static ColumnRule parse(String column, String text) {
        String t = text.strip();
        if (t.startsWith("constant:")) {
            return new ColumnRule(Strategy.CONSTANT, t.substring("constant:".length()));
        }
        if (t.equals("constant")) {
            throw new IllegalArgumentException("column '" + column
                    + "': write the value after a colon, e.g. \"constant:0\"");
        }
        try {
            Strategy s = Strategy.parse(t);
            return new ColumnRule(s, null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column '" + column + "': '" + text
                    + "' is not a strategy; use " + SYNTAX);
        }
    }
}
