package org.assay.rest.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.stream.Collectors;

/** The one ObjectMapper of the API: strict on input (unknown fields, trailing tokens), plain on output. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private static final JsonNodeFactory NF = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode object() {
        return NF.objectNode();
    }

    static ArrayNode array() {
        return NF.arrayNode();
    }

    static String time(Instant i) {
        return i == null ? null : i.toString();
    }

    /** Reads a request body as {@code type}, naming the line, column or field that is wrong. */
    static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new ApiProblem(400, "malformed-json", "Malformed JSON",
                    "the request needs a JSON object body, e.g. " + example(type));
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new ApiProblem(400, "malformed-json", "Malformed JSON", "the body is null, not a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            ApiProblem p = new ApiProblem(400, "unknown-field", "Unknown field",
                    "unknown field '" + e.getPropertyName() + "'; allowed: " + known);
            p.extra().put("field", e.getPropertyName());
            throw p;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (java.io.IOException e) {
            throw new ApiProblem(400, "malformed-json", "Malformed JSON", "the body cannot be read");
        }
    }

    /** Parses a body as a tree (syntax only). */
    static JsonNode tree(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (java.io.IOException e) {
            throw new ApiProblem(400, "malformed-json", "Malformed JSON", "the body cannot be read");
        }
    }

    private static ApiProblem malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        ApiProblem p = new ApiProblem(400, "malformed-json", "Malformed JSON", where + e.getOriginalMessage());
        if (at != null) {
            p.extra().put("line", at.getLineNr());
            p.extra().put("column", at.getColumnNr());
        }
        return p;
    }

    private static String example(Class<?> type) {
        if (type == Bodies.StartRun.class) {
            return "{\"workflowId\":\"customer-segments\"}";
        }
        if (type == Bodies.Promote.class) {
            return "{\"version\":3}";
        }
        return "{}";
    }
}
