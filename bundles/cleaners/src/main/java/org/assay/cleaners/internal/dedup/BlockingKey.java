package org.assay.cleaners.internal.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assay.cleaners.internal.text.TextForm;

/**
 * One blocking key: parts joined by {@code +}, each a column ({@code postcode}, its key form) or
 * a function of one ({@code soundex(last_name)}, {@code first3(first_name)}, {@code digits(phone)},
 * {@code last7(phone)}, {@code year(birth_date)}). Two rows are compared only when some key gives both the same
 * non-empty value; a row with an empty part has no value for that key.
 */
record BlockingKey(String text, List<Part> parts) {

    static final String SYNTAX = "parts joined by +, each a column or soundex(col), first<N>(col), last<N>(col) "
            + "(the last N characters: last7(phone)), digits(col), year(col); e.g. \"soundex(last_name)+postcode\"";

    private static final Pattern PART = Pattern.compile("([a-z]+)(\\d*)\\(\\s*([^()]+?)\\s*\\)");

    enum Function { KEY, SOUNDEX, FIRST, LAST, DIGITS, YEAR }

    /** One part: a function of a column; {@code n} is the prefix length of {@link Function#FIRST}. */
    record Part(Function function, String column, int n) {

        String apply(String raw) {
            if (raw == null) {
                return null;
            }
            String v = switch (function) {
                case KEY -> TextForm.key(raw);
                case SOUNDEX -> Soundex.of(raw);
                case FIRST -> {
                    String k = TextForm.key(raw).replace(" ", "");
                    yield k.substring(0, Math.min(n, k.length()));
                }
                case LAST -> {
                    String k = TextForm.key(raw).replace(" ", "");
                    yield k.substring(Math.max(0, k.length() - n));
                }
                case DIGITS -> TextForm.digits(raw);
                // The ISO text of a date or timestamp starts with its year.
                case YEAR -> raw.length() >= 4 ? raw.substring(0, 4) : null;
            };
            return v == null || v.isEmpty() ? null : v;
        }
    }

    /** @throws IllegalArgumentException naming the key and the fix */
    static BlockingKey parse(String text) {
        List<Part> parts = new ArrayList<>();
        for (String p : text.split("\\+", -1)) {
            String t = p.strip();
            if (t.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "' has an empty part; write " + SYNTAX);
            }
            Matcher m = PART.matcher(t);
            if (!m.matches()) {
                if (t.contains("(") || t.contains(")")) {
                    throw new IllegalArgumentException("'" + t + "' in '" + text + "' is not a part; write " + SYNTAX);
                }
                parts.add(new Part(Function.KEY, t, 0));
                continue;
            }
            String fn = m.group(1);
            String digits = m.group(2);
            Function f = switch (fn) {
                case "soundex" -> Function.SOUNDEX;
                case "first" -> Function.FIRST;
                case "last" -> Function.LAST;
                case "digits" -> Function.DIGITS;
                case "year" -> Function.YEAR;
                case "key" -> Function.KEY;
                default -> throw new IllegalArgumentException("'" + fn + "' in '" + text
                        + "' is not a blocking function; write " + SYNTAX);
            };
            boolean counted = f == Function.FIRST || f == Function.LAST;
            if (counted == digits.isEmpty() || (!digits.isEmpty() && (digits.length() > 2
                    || Integer.parseInt(digits) < 1))) {
                throw new IllegalArgumentException("'" + t + "' in '" + text + "': write first<N>(col) or last<N>(col) with N"
                        + " from 1 to 99, e.g. first3(last_name), last7(phone)");
            }
            parts.add(new Part(f, m.group(3), digits.isEmpty() ? 0 : Integer.parseInt(digits)));
        }
        return new BlockingKey(text, List.copyOf(parts));
    }

    List<String> columns() {
        return parts.stream().map(Part::column).toList();
    }
}
