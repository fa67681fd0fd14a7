package org.assay.sequences.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assay.api.data.FieldType;

/**
 * A time span written in a workflow ("30d", "2w", "12h", "15m", "90s", or a plain number), as a
 * number in the unit of the order column: days for a date, milliseconds for a timestamp, the
 * column's own unit for a number, and events when there is no order column.
 */
final class Gap {

    private static final Pattern SPAN = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)");

    private Gap() {
    }

    /** The span in the order column's unit, or an explanation of why it cannot be read. */
    static double parse(String text, FieldType orderType) {
        Matcher m = SPAN.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a span; write e.g. 30d, 2w, 12h, 15m, 90s or a"
                    + " number");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        double seconds = switch (unit) {
            case "" -> Double.NaN;
            case "w" -> value * 7 * 86400;
            case "d" -> value * 86400;
            case "h" -> value * 3600;
            case "m", "min" -> value * 60;
            case "s" -> value;
            default -> throw new IllegalArgumentException("unknown unit '" + unit + "' in '" + text + "'; use w, d, h,"
                    + " m or s");
        };
        if (orderType == FieldType.DATE) {
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("the order column is a date: write the span in days or weeks,"
                        + " e.g. 30d");
            }
            double days = seconds / 86400;
            if (days != Math.rint(days)) {
                throw new IllegalArgumentException("the order column is a date: '" + text + "' is not a whole number"
                        + " of days");
            }
            return days;
        }
        if (orderType == FieldType.TIMESTAMP) {
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("the order column is a timestamp: give the span a unit, e.g. 30m"
                        + " or 2d");
            }
            return seconds * 1000;
        }
        if (!unit.isEmpty()) {
            throw new IllegalArgumentException(orderType == null
                    ? "without an order column spans count events: write a plain number"
                    : "the order column is a number: write the span as a plain number in its unit");
        }
        return value;
    }
}
