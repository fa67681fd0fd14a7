package org.assay.transforms.internal.table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.BitSet;
import java.util.Locale;
import java.util.regex.Pattern;
import org.assay.api.data.Column;
import org.assay.api.data.FieldType;

/**
 * Casts a column to another type, value by value. Text parses strictly (ISO dates and
 * timestamps, plain numbers, true/false/yes/no/1/0), blank text becomes null; a decimal
 * becomes an integer only when whole; a date becomes midnight UTC, a timestamp its UTC date;
 * booleans are 0/1 as numbers. Stateless.
 */
final class Cast {

    private static final long DAY_MS = 86_400_000L;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");

    private Cast() {
    }

    /** Whether some values of {@code from} can become {@code to}. */
    static boolean possible(FieldType from, FieldType to) {
        if (from == to || to == FieldType.STRING || to == FieldType.CATEGORICAL
                || from.storage() == FieldType.Storage.TEXT) {
            return true;
        }
        return switch (from) {
            case INTEGER, DECIMAL, BOOLEAN -> to == FieldType.INTEGER || to == FieldType.DECIMAL
                    || to == FieldType.BOOLEAN;
            case DATE, TIMESTAMP -> to == FieldType.DATE || to == FieldType.TIMESTAMP;
            default -> false;
        };
    }

    static String advice(FieldType from) {
        return switch (from) {
            case DATE, TIMESTAMP -> "a " + from.jsonName() + " casts to date, timestamp, string or categorical";
            default -> "a " + from.jsonName() + " casts to integer, decimal, boolean, string or categorical";
        };
    }

    /**
     * The column cast to {@code to}. A value that does not cast leaves a null in the result and
     * its reason in {@code reasons[row]} (the first one, when several columns fail).
     *
     * @param showValues whether a reason may quote the value (false for pii)
     */
    static Column apply(Column c, FieldType to, String column, boolean showValues, String[] reasons) {
        int n = c.size();
        BitSet nulls = new BitSet();
        long[] longs = to.storage() == FieldType.Storage.LONG ? new long[n] : null;
        double[] doubles = to.storage() == FieldType.Storage.DOUBLE ? new double[n] : null;
        String[] texts = to.storage() == FieldType.Storage.TEXT ? new String[n] : null;
        for (int r = 0; r < n; r++) {
            if (c.isNull(r)) {
                nulls.set(r);
                continue;
            }
            if (texts != null) {
                texts[r] = c.getString(r);
                continue;
            }
            try {
                if (c.type().storage() == FieldType.Storage.TEXT) {
                    String s = c.texts()[r].trim();
                    if (s.isEmpty()) {
                        nulls.set(r);
                    } else if (longs != null) {
                        longs[r] = parseLong(s, to);
                    } else {
                        doubles[r] = parseDecimal(s);
                    }
                } else if (longs != null) {
                    longs[r] = convertLong(c, r, to);
                } else {
                    doubles[r] = c.getDouble(r);
                }
            } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException bad) {
                nulls.set(r);
                if (reasons[r] == null) {
                    reasons[r] = "column " + column + ": " + (showValues ? "'" + c.getString(r) + "'" : "the value")
                            + " is not " + article(to) + " " + to.jsonName() + example(to);
                }
            }
        }
        return switch (to.storage()) {
            case LONG -> Column.ofLongs(to, longs, n, nulls);
            case DOUBLE -> Column.ofDoubles(to, doubles, n, nulls);
            case TEXT -> Column.ofTexts(to, texts, n);
        };
    }

    private static long parseLong(String s, FieldType to) {
        return switch (to) {
            case INTEGER -> {
                if (!WHOLE.matcher(s).matches()) {
                    throw new IllegalArgumentException("not whole");
                }
                yield Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
            }
            case BOOLEAN -> switch (s.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> 1L;
                case "false", "no", "0" -> 0L;
                default -> throw new IllegalArgumentException("not a boolean");
            };
            case DATE -> LocalDate.parse(s).toEpochDay();
            case TIMESTAMP -> parseTimestamp(s);
            default -> throw new IllegalStateException(to + " is not stored as long");
        };
    }

    private static long parseTimestamp(String s) {
        if (s.length() == 10) {
            return LocalDate.parse(s).toEpochDay() * DAY_MS;
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException noZone) {
            // An ISO date-time without an offset is read as UTC, as csv-reader reads it.
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
    }

    private static double parseDecimal(String s) {
        if (!NUMBER.matcher(s).matches()) {
            throw new IllegalArgumentException("not a number");
        }
        return Double.parseDouble(s);
    }

    private static long convertLong(Column c, int r, FieldType to) {
        FieldType from = c.type();
        if (from == FieldType.DECIMAL) {
            double d = c.doubles()[r];
            if (d != Math.rint(d) || Math.abs(d) >= 0x1p63) {
                throw new ArithmeticException("not whole");
            }
            long v = (long) d;
            return to == FieldType.BOOLEAN ? bit(v) : v;
        }
        long v = c.longs()[r];
        return switch (to) {
            case INTEGER -> v;
            case BOOLEAN -> bit(v);
            case DATE -> from == FieldType.TIMESTAMP ? Math.floorDiv(v, DAY_MS) : v;
            case TIMESTAMP -> from == FieldType.DATE ? Math.multiplyExact(v, DAY_MS) : v;
            default -> throw new IllegalStateException(to + " is not stored as long");
        };
    }

    private static long bit(long v) {
        if (v != 0 && v != 1) {
            throw new IllegalArgumentException("not 0 or 1");
        }
        return v;
    }

    private static String article(FieldType t) {
        return t == FieldType.INTEGER ? "an" : "a";
    }

    private static String example(FieldType t) {
        return switch (t) {
            case INTEGER -> " (a whole number such as 42)";
            case DECIMAL -> " (a number such as 4.5)";
            case BOOLEAN -> " (true, false, yes, no, 1 or 0)";
            case DATE -> " (an ISO date such as 2024-01-31)";
            case TIMESTAMP -> " (an ISO timestamp such as 2024-01-31T12:00:00Z)";
            case STRING, CATEGORICAL -> "";
        };
    }
}
