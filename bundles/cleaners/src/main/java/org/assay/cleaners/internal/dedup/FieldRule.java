package org.assay.cleaners.internal.dedup;

/**
 * One entry of dedup's {@code fields}: a column compared with a comparator, its weight in the
 * score, and for numeric and date comparators the difference at which similarity reaches 0.
 * Written {@code <comparator>[:<weight>[:<range>]]}, e.g. {@code "jaro-winkler:3"} or
 * {@code "date:2:30"}.
 */
record FieldRule(String column, FieldComparator comparator, double weight, double range) {

    static final String SYNTAX = "\"<comparator>[:<weight>[:<range>]]\", e.g. \"jaro-winkler:3\" or \"date:2:30\"";

    /** @throws IllegalArgumentException naming the column and the fix */
    static FieldRule parse(String column, String text) {
        String[] parts = text.strip().split(":", -1);
        FieldComparator c = FieldComparator.parse(parts[0].strip());
        if (c == null) {
            throw new IllegalArgumentException("column '" + column + "': '" + parts[0].strip()
                    + "' is not a comparator; use one of " + FieldComparator.names());
        }
        if (parts.length > 3) {
            throw new IllegalArgumentException("column '" + column + "': write " + SYNTAX);
        }
        double weight = parts.length > 1 ? number(column, parts[1], "weight") : 1;
        double range = parts.length > 2 ? number(column, parts[2], "range") : c.defaultRange();
        if (parts.length > 2 && !c.numeric()) {
            throw new IllegalArgumentException("column '" + column + "': only numeric and date take a range");
        }
        return new FieldRule(column, c, weight, range);
    }

    private static double number(String column, String text, String what) {
        try {
            double v = Double.parseDouble(text.strip());
            if (v > 0 && !Double.isInfinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw new IllegalArgumentException("column '" + column + "': the " + what + " '" + text.strip()
                + "' must be a number above 0; write " + SYNTAX);
    }
}
