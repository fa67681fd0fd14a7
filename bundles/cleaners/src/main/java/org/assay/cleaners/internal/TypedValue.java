package org.assay.cleaners.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.assay.api.data.Column;
import org.assay.api.data.FieldType;

/**
 * A fill value in a column's storage form: a long (integer, boolean, date as epoch day,
 * timestamp as epoch ms), a double, or a string.
 */
record TypedValue(FieldType type, long longValue, double doubleValue, String text) {

    static TypedValue ofLong(FieldType type, long v) {
        return new TypedValue(type, v, 0, null);
    }

    static TypedValue ofDouble(double v) {
        return new TypedValue(FieldType.DECIMAL, 0, v, null);
    }

    static TypedValue ofText(FieldType type, String v) {
        return new TypedValue(type, 0, 0, v);
    }

    /** A statistic as a value of a numeric column: integers are rounded half up. */
    static TypedValue ofNumber(FieldType type, double v) {
        return type == FieldType.INTEGER ? ofLong(type, Math.round(v)) : ofDouble(v);
    }

    /**
     * Parses a constant for a column type: integers and decimals as plain numbers, booleans
     * true/false, dates yyyy-MM-dd, timestamps ISO-8601 with Z or an offset, text as it is.
     *
     * @return null when the text is not a value of that type
     */
    static TypedValue parse(FieldType type, String text) {
        String t = text.strip();
        try {
            return switch (type) {
                case STRING, CATEGORICAL -> ofText(type, text);
                case INTEGER -> ofLong(type, Long.parseLong(t));
                case DECIMAL -> {
                    double d = Double.parseDouble(t);
                    yield Double.isFinite(d) && !t.matches(".*[a-zA-Z&&[^eE]].*") ? ofDouble(d) : null;
                }
                case BOOLEAN -> t.equalsIgnoreCase("true") ? ofLong(type, 1)
                        : t.equalsIgnoreCase("false") ? ofLong(type, 0) : null;
                case DATE -> ofLong(type, LocalDate.parse(t).toEpochDay());
                case TIMESTAMP -> ofLong(type, Instant.parse(t).toEpochMilli());
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    /** How the value reads in the summary: as csv-writer would write it. */
    String display() {
        return switch (type) {
            case STRING, CATEGORICAL -> text;
            case INTEGER -> Long.toString(longValue);
            case DECIMAL -> Column.formatDecimal(doubleValue);
            case BOOLEAN -> longValue != 0 ? "true" : "false";
            case DATE -> LocalDate.ofEpochDay(longValue).toString();
            case TIMESTAMP -> Instant.ofEpochMilli(longValue).toString();
        };
    }
}
