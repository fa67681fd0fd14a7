package org.assay.connectors.file.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.FieldType;

/**
 * Turns the text of one CSV cell into a typed value. The common case (a valid value) throws
 * no exception and boxes nothing: values go straight into a {@link BatchBuilder}.
 *
 * <p>Accepted text: integers as optional sign and digits; decimals in plain or scientific
 * notation with a dot (no NaN, Infinity, hex or thousands separators); booleans
 * true/false/yes/no/y/n/1/0 in any case; dates in the {@code dateFormat} pattern, resolved
 * strictly (2023-02-30 is an error, not March 2); timestamps as ISO-8601 with an offset
 * ({@code 2024-05-01T10:15:30Z}, {@code +02:00}) or without one ({@code 2024-05-01T10:15:30}
 * or with a space instead of T), the latter read as UTC. Surrounding spaces are ignored for
 * every type but string and categorical, and a cell of spaces only in a column of another
 * type is no value (null): exports such as the Telco churn file write " " for a missing
 * number. Not thread-safe.
 */
final class CellParser {

    static final String ISO_DATE = "yyyy-MM-dd";

    private final String datePattern;
    private final DateTimeFormatter dateFormat;

    /** @throws IllegalArgumentException if {@code datePattern} is not a valid pattern */
    CellParser(String datePattern) {
        this.datePattern = datePattern;
        this.dateFormat = dateFormatter(datePattern);
    }

    /**
     * A strict formatter for a user's pattern. {@code yyyy} is year-of-era, which strict
     * resolution rejects without an era; defaulting the era to AD makes the usual patterns work.
     *
     * @throws IllegalArgumentException if the pattern is invalid
     */
    static DateTimeFormatter dateFormatter(String pattern) {
        if (ISO_DATE.equals(pattern)) {
            return DateTimeFormatter.ISO_LOCAL_DATE;
        }
        return new DateTimeFormatterBuilder()
                .appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * Parses {@code text} as {@code type} into column {@code col} of the builder's current row.
     *
     * @return null on success, else why the text is not a value of that type
     */
    String parseInto(FieldType type, String text, BatchBuilder b, int col) {
        if (type != FieldType.STRING && type != FieldType.CATEGORICAL && text.isBlank()) {
            b.setNull(col);
            return null;
        }
        switch (type) {
            case STRING, CATEGORICAL -> {
                b.setString(col, text);
                return null;
            }
            case INTEGER -> {
                String t = text.strip();
                if (!isInteger(t)) {
                    return "'" + text + "' is not an integer";
                }
                b.setLong(col, Long.parseLong(t));
                return null;
            }
            case DECIMAL -> {
                double d = decimal(text.strip());
                if (Double.isNaN(d)) {
                    return "'" + text + "' is not a decimal number";
                }
                b.setDouble(col, d);
                return null;
            }
            case BOOLEAN -> {
                int v = bool(text.strip(), true);
                if (v < 0) {
                    return "'" + text + "' is not a boolean (true/false, yes/no, 1/0)";
                }
                b.setLong(col, v);
                return null;
            }
            case DATE -> {
                LocalDate d = date(text.strip());
                if (d == null) {
                    return "'" + text + "' is not a date in the format " + datePattern;
                }
                b.setLong(col, d.toEpochDay());
                return null;
            }
            case TIMESTAMP -> {
                Instant i = timestamp(text.strip());
                if (i == null) {
                    return "'" + text + "' is not an ISO-8601 timestamp such as 2024-05-01T10:15:30Z";
                }
                b.setLong(col, i.toEpochMilli());
                return null;
            }
            default -> throw new IllegalStateException("unhandled type " + type);
        }
    }

    /**
     * Whether {@code text} (already stripped) is a value of {@code type} as type inference
     * sees it: stricter than {@link #parseInto} for booleans (only true/false), so a 0/1
     * column is inferred as integer.
     */
    boolean fits(FieldType type, String text) {
        return switch (type) {
            case STRING, CATEGORICAL -> true;
            case INTEGER -> isInteger(text);
            case DECIMAL -> !Double.isNaN(decimal(text));
            case BOOLEAN -> bool(text, false) >= 0;
            case DATE -> date(text) != null;
            case TIMESTAMP -> timestamp(text) != null;
        };
    }

    /** What {@link #plainLong} answers for text it leaves to the general path. */
    static final long NOT_PLAIN = Long.MIN_VALUE;

    /** Powers of ten a double holds exactly. */
    private static final double[] EXACT_POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < EXACT_POWERS_OF_TEN.length; i++) {
            EXACT_POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    /**
     * The common integer cell {@code t[from, to)} (optional minus, 1 to 18 digits, no
     * spaces) in one pass; {@link #NOT_PLAIN} for anything else, which the general path
     * then decides on.
     */
    static long plainLong(char[] t, int from, int to) {
        boolean negative = from < to && t[from] == '-';
        int i = negative ? from + 1 : from;
        if (i == to || to - i > 18) {
            return NOT_PLAIN;
        }
        long v = 0;
        for (; i < to; i++) {
            int d = t[i] - '0';
            if (d < 0 || d > 9) {
                return NOT_PLAIN;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    /**
     * The common decimal cell {@code t[from, to)} (optional minus, digits with at most one
     * dot, at most 15 digits, no exponent or spaces) in one pass; NaN for anything else. The
     * digits form an integer below 2^53 and the divisor a power of ten below 10^23, both
     * exact as doubles, so the one correctly rounded division gives the same double as
     * {@link Double#parseDouble}.
     */
    static double plainDecimal(char[] t, int from, int to) {
        boolean negative = from < to && t[from] == '-';
        int i = negative ? from + 1 : from;
        long m = 0;
        int digits = 0;
        int dot = -1;
        for (; i < to; i++) {
            char c = t[i];
            if (c >= '0' && c <= '9') {
                if (++digits > 15) {
                    return Double.NaN;
                }
                m = m * 10 + (c - '0');
            } else if (c == '.' && dot < 0) {
                dot = i;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        double v = dot < 0 ? m : m / EXACT_POWERS_OF_TEN[to - 1 - dot];
        return negative ? -v : v;
    }

    /** Whether dates are read as yyyy-MM-dd, so {@link #isoEpochDay} applies. */
    boolean isoDates() {
        return dateFormat == DateTimeFormatter.ISO_LOCAL_DATE;
    }

    /**
     * The epoch day of a valid yyyy-MM-dd date {@code t[from, to)}, computed without
     * LocalDate; {@link #NOT_PLAIN} for anything else (the general path then explains).
     */
    static long isoEpochDay(char[] t, int from, int to) {
        if (to - from != 10 || t[from + 4] != '-' || t[from + 7] != '-') {
            return NOT_PLAIN;
        }
        int year = digits(t, from, from + 4);
        int month = digits(t, from + 5, from + 7);
        int day = digits(t, from + 8, from + 10);
        if (year < 0 || month < 1 || month > 12 || day < 1) {
            return NOT_PLAIN;
        }
        boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        int length = month == 2 ? (leap ? 29 : 28) : month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        if (day > length) {
            return NOT_PLAIN;
        }
        // As LocalDate.toEpochDay, for years 0 to 9999.
        long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total -= leap ? 1 : 2;
        }
        return total - DAYS_0000_TO_1970;
    }

    private static final long DAYS_0000_TO_1970 = 719_528L;

    private static int digits(char[] t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Optional sign, 1 to 19 digits, within the range of a long. */
    static boolean isInteger(String t) {
        int n = t.length();
        int i = n > 0 && (t.charAt(0) == '-' || t.charAt(0) == '+') ? 1 : 0;
        if (i == n || n - i > 19) {
            return false;
        }
        for (int k = i; k < n; k++) {
            char c = t.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        if (n - i == 19) {
            try {
                Long.parseLong(t);
            } catch (NumberFormatException overflow) {
                return false;
            }
        }
        return true;
    }

    /** A code such as a zip or a phone number: a number whose leading zero would be lost. */
    static boolean hasLeadingZero(String t) {
        int i = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
        return t.length() > i + 1 && t.charAt(i) == '0' && Character.isDigit(t.charAt(i + 1));
    }

    /** The number, or NaN when the text is not a plain or scientific decimal. */
    static double decimal(String t) {
        if (t.isEmpty()) {
            return Double.NaN;
        }
        // Double.parseDouble also takes "NaN", "Infinity", "1d" and hex; only digits,
        // sign, dot and exponent are numbers in a CSV.
        boolean digit = false;
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return Double.NaN;
            }
        }
        if (!digit) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** 1, 0, or -1 when not a boolean. */
    static int bool(String t, boolean lenient) {
        if (t.equalsIgnoreCase("true")) {
            return 1;
        }
        if (t.equalsIgnoreCase("false")) {
            return 0;
        }
        if (lenient) {
            switch (t.toLowerCase(Locale.ROOT)) {
                case "yes", "y", "1" -> {
                    return 1;
                }
                case "no", "n", "0" -> {
                    return 0;
                }
                default -> {
                    return -1;
                }
            }
        }
        return -1;
    }

    private LocalDate date(String t) {
        if (dateFormat == DateTimeFormatter.ISO_LOCAL_DATE) {
            return isoDate(t);
        }
        try {
            return LocalDate.parse(t, dateFormat);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * yyyy-MM-dd without the formatter machinery, which costs about a microsecond a value:
     * a third of the time of reading a typical customer file.
     */
    private static LocalDate isoDate(String t) {
        if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static Instant timestamp(String t) {
        if (t.length() < 16 || t.charAt(4) != '-') {
            return null;
        }
        String iso = t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
