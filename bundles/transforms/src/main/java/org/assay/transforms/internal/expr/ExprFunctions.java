package org.assay.transforms.internal.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The only code an expression can call: static functions reached without a prefix
 * ({@code lower(name)}) or under the {@code fn:} namespace ({@code fn:lower(name)}). The
 * sandbox's permissions allow this class's public methods and nothing else.
 * <p>Every function but {@code coalesce} and {@code today} returns null when an argument is
 * null. A wrong argument type throws {@link IllegalArgumentException}, so the row goes to
 * quarantine with that message. Public only because JEXL's introspection needs it.
 */
public final class ExprFunctions {

    private ExprFunctions() {
    }

    // ---- dates: DATE columns are LocalDate, TIMESTAMP columns Instant (read in UTC)

    public static Long year(Object d) {
        return d == null ? null : (long) date(d, "year").getYear();
    }

    public static Long month(Object d) {
        return d == null ? null : (long) date(d, "month").getMonthValue();
    }

    public static Long day(Object d) {
        return d == null ? null : (long) date(d, "day").getDayOfMonth();
    }

    /** Days from {@code from} to {@code to}: positive when {@code to} is later. */
    public static Long days_between(Object from, Object to) {
        if (from == null || to == null) {
            return null;
        }
        return ChronoUnit.DAYS.between(date(from, "days_between"), date(to, "days_between"));
    }

    /** Today's date in UTC, read once per call. */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** An ISO date (yyyy-MM-dd) from text, for comparisons: {@code signup > date('2024-01-01')}. */
    public static LocalDate date(Object text) {
        if (text == null) {
            return null;
        }
        if (text instanceof LocalDate d) {
            return d;
        }
        try {
            return LocalDate.parse(text(text, "date"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date: the text is not an ISO date like 2024-01-31");
        }
    }

    // ---- text

    public static String lower(Object s) {
        return s == null ? null : text(s, "lower").toLowerCase(java.util.Locale.ROOT);
    }

    public static String upper(Object s) {
        return s == null ? null : text(s, "upper").toUpperCase(java.util.Locale.ROOT);
    }

    public static String trim(Object s) {
        return s == null ? null : text(s, "trim").strip();
    }

    public static Long length(Object s) {
        return s == null ? null : (long) text(s, "length").length();
    }

    public static Boolean contains(Object s, Object part) {
        return s == null || part == null ? null : text(s, "contains").contains(text(part, "contains"));
    }

    public static Boolean starts_with(Object s, Object prefix) {
        return s == null || prefix == null ? null : text(s, "starts_with").startsWith(text(prefix, "starts_with"));
    }

    public static Boolean ends_with(Object s, Object suffix) {
        return s == null || suffix == null ? null : text(s, "ends_with").endsWith(text(suffix, "ends_with"));
    }

    /** Whether the regular expression finds a match anywhere in s; see {@link BoundedRegex} for the limits. */
    public static Boolean matches(Object s, Object regex) {
        return s == null || regex == null ? null
                : BoundedRegex.find(text(s, "matches"), text(regex, "matches"));
    }

    /** The text from {@code start} (0-based) to the end; positions outside the text are clamped. */
    public static String substring(Object s, Object start) {
        if (s == null || start == null) {
            return null;
        }
        String t = text(s, "substring");
        int from = clamp(whole(start, "substring"), t.length());
        return t.substring(from);
    }

    /** At most {@code count} characters from {@code start} (0-based); positions outside the text are clamped. */
    public static String substring(Object s, Object start, Object count) {
        if (s == null || start == null || count == null) {
            return null;
        }
        String t = text(s, "substring");
        int from = clamp(whole(start, "substring"), t.length());
        long n = Math.max(0, whole(count, "substring"));
        return t.substring(from, (int) Math.min(t.length(), from + n));
    }

    // ---- numbers

    /** Rounded half up to a whole number (integer). */
    public static Long round(Object x) {
        if (x == null) {
            return null;
        }
        Number n = number(x, "round");
        if (n instanceof Long l) {
            return l;
        }
        double d = finite(n.doubleValue(), "round");
        return BigDecimal.valueOf(d).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Rounded half up to {@code digits} decimals (decimal). */
    public static Double round(Object x, Object digits) {
        if (x == null || digits == null) {
            return null;
        }
        long places = whole(digits, "round");
        if (places < 0 || places > 15) {
            throw new IllegalArgumentException("round: digits must be 0 to 15, got " + places);
        }
        double d = finite(number(x, "round").doubleValue(), "round");
        return BigDecimal.valueOf(d).setScale((int) places, RoundingMode.HALF_UP).doubleValue();
    }

    public static Number abs(Object x) {
        if (x == null) {
            return null;
        }
        Number n = number(x, "abs");
        if (n instanceof Long l) {
            return Math.abs(l);
        }
        return Math.abs(n.doubleValue());
    }

    /** The first argument that is not null, or null when all are. */
    public static Object coalesce(Object... values) {
        for (Object v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    public static Number min(Object a, Object b) {
        return a == null || b == null ? null : pick(a, b, true);
    }

    public static Number max(Object a, Object b) {
        return a == null || b == null ? null : pick(a, b, false);
    }

    private static Number pick(Object a, Object b, boolean least) {
        Number x = number(a, least ? "min" : "max");
        Number y = number(b, least ? "min" : "max");
        if (x instanceof Long l && y instanceof Long m) {
            return least ? Math.min(l, m) : Math.max(l, m);
        }
        return least ? Math.min(x.doubleValue(), y.doubleValue()) : Math.max(x.doubleValue(), y.doubleValue());
    }

    // ---- argument checks, shared with the arithmetic

    /** Integers as Long, everything else numeric as Double. */
    static Number number(Object v, String fn) {
        if (v instanceof Long || v instanceof Double) {
            return (Number) v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof java.math.BigInteger b) {
            return b.longValueExact();
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(fn + ": expected a number, got " + describe(v));
    }

    private static long whole(Object v, String fn) {
        Number n = number(v, fn);
        if (n instanceof Long l) {
            return l;
        }
        throw new IllegalArgumentException(fn + ": expected a whole number, got a decimal");
    }

    private static double finite(double d, String fn) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(fn + ": " + d + " is not a finite number");
        }
        return d;
    }

    private static int clamp(long position, int length) {
        return (int) Math.max(0, Math.min(length, position));
    }

    private static String text(Object v, String fn) {
        if (v instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(fn + ": expected text, got " + describe(v));
    }

    private static LocalDate date(Object v, String fn) {
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof Instant i) {
            return LocalDate.ofInstant(i, ZoneOffset.UTC);
        }
        throw new IllegalArgumentException(fn + ": expected a date or timestamp, got " + describe(v));
    }

    /**
     * A value's kind in the words of the schema, for quarantine reasons: never the value itself
     * (it may be a person's data, and the reason is not masked) nor its Java class name.
     */
    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return "text";
        }
        if (v instanceof Number) {
            return "a number";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof LocalDate) {
            return "a date";
        }
        if (v instanceof Instant) {
            return "a timestamp";
        }
        return "a " + v.getClass().getSimpleName();
    }
}
