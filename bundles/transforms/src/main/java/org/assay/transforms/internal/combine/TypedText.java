package org.assay.transforms.internal.combine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.assay.api.data.FieldType;

/** A value given as text in a workflow (a default), read as a field type. Stateless. */
final class TypedText {

    private TypedText() {
    }

    /**
     * The value boxed as {@link org.assay.api.data.BatchBuilder#set} takes it.
     *
     * @throws IllegalArgumentException saying which type was expected, with an example
     */
    static Object parse(FieldType type, String text) {
        try {
            return switch (type) {
                case STRING, CATEGORICAL -> text;
                case INTEGER -> Long.parseLong(text.trim());
                case DECIMAL -> Double.parseDouble(text.trim());
                case BOOLEAN -> switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException();
                };
                case DATE -> LocalDate.parse(text.trim());
                case TIMESTAMP -> Instant.parse(text.trim());
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(wrong(type, text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(wrong(type, text));
        }
    }

    private static String wrong(FieldType type, String text) {
        String example = switch (type) {
            case STRING, CATEGORICAL -> "\"unknown\"";
            case INTEGER -> "\"0\"";
            case DECIMAL -> "\"0.5\"";
            case BOOLEAN -> "\"true\" or \"false\"";
            case DATE -> "\"2024-01-31\"";
            case TIMESTAMP -> "\"2024-01-31T12:00:00Z\"";
        };
        return "'" + text + "' is not " + (type == FieldType.INTEGER ? "an " : "a ") + type.jsonName()
                + ", e.g. " + example;
    }
}
