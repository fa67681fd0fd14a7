package org.assay.connectors.file.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;

/**
 * The header of a Weka ARFF file: {@code @relation}, one {@code @attribute} per column, up to
 * {@code @data}. numeric and real become decimal, integer integer, a {value,...} list a
 * categorical column with those categories, string string, and date a timestamp (a date when
 * its format has no time of day). Relational attributes are refused.
 *
 * @param relation   the relation's name
 * @param schema     the columns
 * @param dateFormats per column, the formatter of a date attribute, else null
 * @param dataLine   the line number of {@code @data}
 */
record ArffHeader(String relation, Schema schema, List<DateTimeFormatter> dateFormats, long dataLine) {

    /** Weka's default date format. */
    static final String DEFAULT_DATE = "yyyy-MM-dd'T'HH:mm:ss";

    /**
     * Reads the header, leaving the reader at the first line after {@code @data}.
     *
     * @param target the attribute to tag target, or null
     * @throws IllegalArgumentException naming the line and what is wrong
     */
    static ArffHeader read(BufferedReader r, String target) throws IOException {
        String relation = null;
        List<Field> fields = new ArrayList<>();
        List<DateTimeFormatter> formats = new ArrayList<>();
        long line = 0;
        for (String text = r.readLine(); text != null; text = r.readLine()) {
            line++;
            String t = text.strip();
            if (t.isEmpty() || t.startsWith("%")) {
                continue;
            }
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.startsWith("@relation")) {
                relation = ArffValues.split(t.substring(9).strip(), ' ', line).get(0);
            } else if (lower.startsWith("@attribute")) {
                attribute(t.substring(10).strip(), line, target, fields, formats);
            } else if (lower.startsWith("@data")) {
                if (fields.isEmpty()) {
                    throw new IllegalArgumentException("line " + line + ": @data before any @attribute");
                }
                if (target != null && fields.stream().noneMatch(f -> f.name().equals(target))) {
                    throw new IllegalArgumentException("parameter target: the file has no attribute '" + target
                            + "'; its attributes are " + fields.stream().map(Field::name).toList());
                }
                return new ArffHeader(relation, Schema.of(fields), formats, line);
            } else {
                throw new IllegalArgumentException("line " + line + ": expected @relation, @attribute or @data, found '"
                        + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "'");
            }
        }
        throw new IllegalArgumentException("the file has no @data line: is it an ARFF file?");
    }

    private static void attribute(String rest, long line, String target, List<Field> fields,
            List<DateTimeFormatter> formats) {
        String name;
        String type;
        if (rest.startsWith("'") || rest.startsWith("\"")) {
            int close = ArffValues.closingQuote(rest, 0);
            if (close < 0) {
                throw new IllegalArgumentException("line " + line + ": the attribute name's quote is never closed");
            }
            name = ArffValues.unquote(rest.substring(0, close + 1));
            type = rest.substring(close + 1).strip();
        } else {
            int sp = indexOfBlank(rest);
            if (sp < 0) {
                throw new IllegalArgumentException("line " + line + ": @attribute needs a name and a type");
            }
            name = rest.substring(0, sp);
            type = rest.substring(sp).strip();
        }
        String lower = type.toLowerCase(Locale.ROOT);
        Field f;
        DateTimeFormatter format = null;
        if (type.startsWith("{")) {
            int close = type.lastIndexOf('}');
            if (close < 0) {
                throw new IllegalArgumentException("line " + line + ": the value list of " + name + " is never closed");
            }
            List<String> values = ArffValues.split(type.substring(1, close), ',', line);
            f = Field.of(name, FieldType.CATEGORICAL).withCategories(values);
        } else if (lower.equals("numeric") || lower.equals("real")) {
            f = Field.of(name, FieldType.DECIMAL);
        } else if (lower.equals("integer")) {
            f = Field.of(name, FieldType.INTEGER);
        } else if (lower.equals("string")) {
            f = Field.of(name, FieldType.STRING);
        } else if (lower.startsWith("date")) {
            String pattern = type.length() > 4 ? ArffValues.unquote(type.substring(4).strip()) : DEFAULT_DATE;
            pattern = pattern.isEmpty() ? DEFAULT_DATE : pattern;
            try {
                format = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + line + ": '" + pattern + "' is not a date format");
            }
            boolean time = pattern.replaceAll("'[^']*'", "").matches(".*[HhmsSkK].*");
            f = Field.of(name, time ? FieldType.TIMESTAMP : FieldType.DATE);
        } else {
            throw new IllegalArgumentException("line " + line + ": attribute " + name + " has type '" + type
                    + "', which Assay reads not (numeric, integer, real, string, date and {value lists} are read)");
        }
        if (fields.stream().anyMatch(x -> x.name().equals(name))) {
            throw new IllegalArgumentException("line " + line + ": a second attribute named " + name);
        }
        fields.add(name.equals(target) ? f.withTags(FieldTag.TARGET) : f);
        formats.add(format);
    }

    private static int indexOfBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
