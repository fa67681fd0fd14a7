package org.assay.crm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence with placeholders {@code {column}} or {@code {column:format}} filled in from one
 * row; {@code {rows}} is the number of input rows. Plain text: nothing is evaluated.
 */
final class HeadlineTemplate {

    static final String SYNTAX = "Placeholders: {column} (its value as it is: ids stay ids), {column:int} (rounded, with thousands "
            + "separators), {column:1} or {column:2} (decimals), {column:money} (rounded, separators), {column:%} "
            + "and {column:%1} (a share 0-1 as a percentage, 0 or 1 decimal), and {rows} (rows in the input). A "
            + "missing value shows as -.";

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}:]+)(?::([^{}]+))?}");
    static final List<String> FORMATS = List.of("int", "1", "2", "money", "%", "%1");
    static final String ROWS = "rows";

    private HeadlineTemplate() {
    }

    /** The column names a template reads, {@code rows} left out. */
    static List<String> columns(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!m.group(1).equals(ROWS)) {
                names.add(m.group(1).strip());
            }
        }
        return names;
    }

    /** What is wrong with a template, if anything. */
    static Optional<String> problem(String template) {
        if (template.length() > 1000) {
            return Optional.of("a sentence is at most 1,000 characters");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (m.group(2) != null && !FORMATS.contains(m.group(2).strip())) {
                return Optional.of("'{" + m.group(1) + ":" + m.group(2) + "}' has an unknown format; use one of "
                        + FORMATS);
            }
        }
        String rest = PLACEHOLDER.matcher(template).replaceAll("");
        if (rest.contains("{") || rest.contains("}")) {
            return Optional.of("'" + template + "' has an unmatched { or }; write placeholders as {column} or "
                    + "{column:format}");
        }
        return Optional.empty();
    }

    /** The template with the row's values; values are numbers (Long, Double), text or null. */
    static String fill(String template, Map<String, Object> row, long rows) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).strip();
            String format = m.group(2) == null ? null : m.group(2).strip();
            Object v = name.equals(ROWS) && !row.containsKey(ROWS) ? (Object) rows : row.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(format(v, format)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String format(Object v, String format) {
        if (v == null) {
            return "-";
        }
        if (format == null) {
            if (v instanceof Double d) {
                return String.format(Locale.ROOT, Math.abs(d) >= 100 ? "%,.0f" : "%.2f", d);
            }
            return v.toString();
        }
        if (!(v instanceof Number n)) {
            return v.toString();
        }
        double d = n.doubleValue();
        return switch (format) {
            case "int", "money" -> String.format(Locale.ROOT, "%,.0f", d);
            case "1" -> String.format(Locale.ROOT, "%,.1f", d);
            case "2" -> String.format(Locale.ROOT, "%,.2f", d);
            case "%" -> String.format(Locale.ROOT, "%.0f%%", d * 100);
            case "%1" -> String.format(Locale.ROOT, "%.1f%%", d * 100);
            default -> v.toString();
        };
    }
}
