package org.assay.connectors.file.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;

/**
 * The columns of {@code json-reader} and how each is read from a record: a pointer into the
 * record, or into the element of the exploded array. Types not declared are inferred from a
 * sample: integer when every value is a whole JSON number, decimal for numbers, boolean for
 * true/false, else string. Immutable.
 */
final class JsonColumns {

    /** One column: where it comes from and what it holds. */
    record Column(String name, JsonPointer pointer, boolean inElement, FieldType type) { }

    private final List<Column> columns;
    private final Schema schema;
    private final JsonPointer explode;

    private JsonColumns(List<Column> columns, Schema schema, JsonPointer explode) {
        this.columns = columns;
        this.schema = schema;
        this.explode = explode;
    }

    /** Decides the columns from the parameters and the sample of records. */
    static JsonColumns plan(JsonReaderParameters p, List<JsonNode> sample) {
        JsonPointer explode = p.explode().map(JsonRecords::pointer).orElse(null);
        Map<String, JsonPointer> recordPaths = new LinkedHashMap<>();
        Map<String, JsonPointer> elementPaths = new LinkedHashMap<>();
        if (!p.paths().isEmpty()) {
            p.paths().forEach((name, path) -> {
                JsonPointer ptr = JsonRecords.pointer(path);
                if (explode != null && ptr.toString().startsWith(explode + "/")) {
                    elementPaths.put(name, JsonPointer.compile(ptr.toString().substring(explode.toString().length())));
                } else {
                    recordPaths.put(name, ptr);
                }
            });
        } else {
            for (JsonNode record : sample) {
                flatten(record, "", "", recordPaths, explode == null ? null : explode.toString());
                if (explode != null) {
                    for (JsonNode element : record.at(explode)) {
                        flatten(element, explode.toString().substring(1).replace('/', '.') + ".", "", elementPaths,
                                null);
                    }
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        addColumns(p, sample, recordPaths, false, explode, columns, fields);
        addColumns(p, sample, elementPaths, true, explode, columns, fields);
        return new JsonColumns(List.copyOf(columns), Schema.of(fields), explode);
    }

    private static void addColumns(JsonReaderParameters p, List<JsonNode> sample, Map<String, JsonPointer> paths,
            boolean inElement, JsonPointer explode, List<Column> columns, List<Field> fields) {
        for (Map.Entry<String, JsonPointer> e : paths.entrySet()) {
            String name = e.getKey();
            Optional<ColumnSpec> spec = Optional.ofNullable(p.columns().get(name)).map(t -> ColumnSpec.parse(name, t));
            FieldType type = spec.map(ColumnSpec::type).orElse(null);
            if (type == null) {
                type = infer(sample, e.getValue(), inElement ? explode : null);
            }
            columns.add(new Column(name, e.getValue(), inElement, type));
            Field f = Field.of(name, type);
            fields.add(spec.map(s -> new Field(name, f.type(), true, s.tags(), List.of())).orElse(f));
        }
    }

    /** Adds a pointer for every leaf of {@code node}, named by its dotted path; the exploded array is skipped. */
    private static void flatten(JsonNode node, String prefix, String pointer, Map<String, JsonPointer> into,
            String skip) {
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String ptr = pointer + "/" + f.getKey().replace("~", "~0").replace("/", "~1");
            if (ptr.equals(skip)) {
                continue;
            }
            if (f.getValue().isObject()) {
                flatten(f.getValue(), prefix + f.getKey() + ".", ptr, into, skip);
            } else {
                into.putIfAbsent(prefix + f.getKey(), JsonPointer.compile(ptr));
            }
        }
    }

    private static FieldType infer(List<JsonNode> sample, JsonPointer ptr, JsonPointer explode) {
        boolean any = false;
        boolean integral = true;
        boolean numeric = true;
        boolean bool = true;
        for (JsonNode record : sample) {
            Iterable<JsonNode> sources = explode == null ? List.of(record) : record.at(explode);
            for (JsonNode source : sources) {
                JsonNode v = source.at(ptr);
                if (v.isMissingNode() || v.isNull()) {
                    continue;
                }
                any = true;
                integral &= v.isIntegralNumber() && v.canConvertToLong();
                numeric &= v.isNumber();
                bool &= v.isBoolean();
            }
        }
        if (!any) {
            return FieldType.STRING;
        }
        return integral ? FieldType.INTEGER : numeric ? FieldType.DECIMAL : bool ? FieldType.BOOLEAN : FieldType.STRING;
    }

    Schema schema() {
        return schema;
    }

    /** The elements to make rows of: the record itself, or the exploded array's elements. */
    Iterable<JsonNode> elements(JsonNode record) {
        if (explode == null) {
            return List.of(record);
        }
        JsonNode array = record.at(explode);
        return array.isArray() ? array : List.of();
    }

    /**
     * Fills {@code row} with the values of one row.
     *
     * @return null, or why a value does not fit its column (naming the column)
     */
    String values(JsonNode record, JsonNode element, Object[] row) {
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            JsonNode v = (col.inElement() ? element : record).at(col.pointer());
            if (v.isMissingNode() || v.isNull()) {
                row[c] = null;
                continue;
            }
            Object value = convert(col.type(), v);
            if (value == null) {
                return "column " + col.name() + ": " + kind(v) + " is not " + article(col.type());
            }
            row[c] = value;
        }
        return null;
    }

    /** The row's values as text, for the quarantine (which masks pii cells). */
    static List<String> cells(Object[] row) {
        List<String> cells = new ArrayList<>(row.length);
        for (Object o : row) {
            cells.add(o == null ? "" : o.toString());
        }
        return cells;
    }

    private static Object convert(FieldType type, JsonNode v) {
        String text = v.isValueNode() ? v.asText() : v.toString();
        return switch (type) {
            case STRING, CATEGORICAL -> text;
            case INTEGER -> v.isIntegralNumber() && v.canConvertToLong() ? Long.valueOf(v.longValue())
                    : v.isTextual() && CellParser.isInteger(text.strip()) ? Long.valueOf(text.strip()) : null;
            case DECIMAL -> v.isNumber() ? Double.valueOf(v.doubleValue()) : v.isTextual()
                    && !Double.isNaN(CellParser.decimal(text.strip())) ? CellParser.decimal(text.strip()) : null;
            case BOOLEAN -> v.isBoolean() ? Boolean.valueOf(v.booleanValue())
                    : v.isTextual() && CellParser.bool(text.strip(), false) >= 0 ? CellParser.bool(text.strip(), false) == 1
                    : null;
            case DATE -> v.isTextual() ? date(text.strip()) : null;
            case TIMESTAMP -> v.isTextual() ? CellParser.timestamp(text.strip())
                    : v.isIntegralNumber() ? Instant.ofEpochMilli(v.longValue()) : null;
        };
    }

    private static LocalDate date(String t) {
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String kind(JsonNode v) {
        return v.isTextual() ? "text" : v.isNumber() ? "a number" : v.isBoolean() ? "a boolean"
                : v.isArray() ? "an array" : "an object";
    }

    private static String article(FieldType t) {
        return switch (t) {
            case INTEGER -> "an integer";
            default -> "a " + t.jsonName();
        };
    }
}
