package org.assay.engine.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.assay.engine.ValidationProblem;

/**
 * A workflow JSON document parsed into a tree, remembering where each value starts so
 * that every problem can name its line and column. Jackson's tree model drops locations,
 * hence this small streaming reader.
 */
final class SourceDocument {

    /** Far deeper than any workflow needs; the tree below is built by recursion. */
    static final int MAX_NESTING = 100;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private final JsonNode root;
    private final Map<String, int[]> locations;

    private SourceDocument(JsonNode root, Map<String, int[]> locations) {
        this.root = root;
        this.locations = locations;
    }

    /**
     * Parses the text.
     *
     * @throws SyntaxError with line and column of the first syntax error
     */
    static SourceDocument parse(String json) throws SyntaxError {
        Map<String, int[]> locations = new HashMap<>();
        JsonParser parser;
        try {
            parser = FACTORY.createParser(json);
        } catch (IOException e) {
            throw new SyntaxError(new ValidationProblem("$", 0, 0, "cannot read the document: " + e.getMessage()));
        }
        try (JsonParser p = parser) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new SyntaxError(new ValidationProblem("$", 1, 1, "the file is empty; a workflow is a JSON object"));
            }
            JsonNode root = read(p, "$", locations);
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new SyntaxError(new ValidationProblem("$", l.getLineNr(), l.getColumnNr(),
                        "unexpected text after the end of the workflow object"));
            }
            return new SourceDocument(root, locations);
        } catch (StreamConstraintsException e) {
            // Jackson names its own setting ("StreamReadConstraints.getMaxNestingDepth()"); say where instead.
            JsonLocation l = parser.currentLocation();
            String path = pathOf(parser);
            throw new SyntaxError(new ValidationProblem(path.length() > 60 ? path.substring(0, 60) + "..." : path,
                    l.getLineNr(), l.getColumnNr(), "nesting deeper than " + MAX_NESTING + " levels at line "
                            + l.getLineNr() + ", column " + l.getColumnNr()
                            + "; a workflow needs only a few levels of objects and arrays"));
        } catch (JsonParseException e) {
            JsonLocation l = e.getLocation();
            throw new SyntaxError(new ValidationProblem(pathOf(e),
                    l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    "JSON syntax error: " + plain(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new SyntaxError(new ValidationProblem("$", 0, 0, "cannot read the document: " + e.getMessage()));
        }
    }

    private static String pathOf(JsonParseException e) {
        return e.getProcessor() == null ? "$" : pathOf(e.getProcessor());
    }

    private static String pathOf(JsonParser p) {
        try {
            return pointerToPath(p.getParsingContext().pathAsPointer().toString());
        } catch (RuntimeException ignored) {
            return "$";
        }
    }

    private static String pointerToPath(String pointer) {
        if (pointer.isEmpty()) {
            return "$";
        }
        StringBuilder b = new StringBuilder("$");
        for (String part : pointer.substring(1).split("/")) {
            if (part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
                b.append('[').append(part).append(']');
            } else {
                b.append('.').append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return b.toString();
    }

    /** Jackson's messages carry Java-isms; keep the part a user understands. */
    private static String plain(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        String m = message.replaceAll("\\s*\\(code \\d+\\)", "")
                .replace("Unexpected character", "unexpected character")
                .replace("Unexpected close marker", "unexpected close marker")
                .replace("Unexpected end-of-input", "the file ends too early")
                .replace("was expecting double-quote to start field name", "expected a quoted field name (is there a trailing comma?)")
                .replace("was expecting comma to separate Object entries", "expected a comma between fields")
                .replace("was expecting comma to separate Array entries", "expected a comma between array items")
                .replace("Duplicate field", "duplicate field")
                // "(for Array starting at [Source: (String)"<the whole document>"; line: 1, column: 39])"
                .replaceAll("\\s*\\(for (Array|Object) starting at \\[Source:.*", "");
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl).trim() : m.trim();
    }

    private static JsonNode read(JsonParser p, String path, Map<String, int[]> locations) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        locations.put(path, new int[] {start.getLineNr(), start.getColumnNr()});
        JsonNodeFactory nf = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = nf.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonLocation nameAt = p.currentTokenLocation();
                    p.nextToken();
                    String child = path + "." + name;
                    o.set(name, read(p, child, locations));
                    // Problems about a key (unknown parameter) point at the key itself.
                    locations.put(child + "#key", new int[] {nameAt.getLineNr(), nameAt.getColumnNr()});
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = nf.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p, path + "[" + i++ + "]", locations));
                }
                return a;
            }
            case VALUE_STRING -> {
                return nf.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return nf.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return nf.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return nf.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return nf.booleanNode(false);
            }
            case VALUE_NULL -> {
                return nf.nullNode();
            }
            default -> throw new JsonParseException(p, "unexpected " + p.currentToken());
        }
    }

    JsonNode root() {
        return root;
    }

    /** A problem located at the value at {@code path} (or its nearest located parent). */
    ValidationProblem problem(String path, String message) {
        return problem(path, message, ValidationProblem.Severity.ERROR);
    }

    ValidationProblem problem(String path, String message, ValidationProblem.Severity severity) {
        int[] at = locate(path);
        return new ValidationProblem(path, at[0], at[1], message, severity);
    }

    /** A problem located at the key of the member at {@code path}. */
    ValidationProblem keyProblem(String path, String message) {
        int[] at = locations.get(path + "#key");
        if (at == null) {
            return problem(path, message);
        }
        return new ValidationProblem(path, at[0], at[1], message);
    }

    private int[] locate(String path) {
        String p = path;
        while (true) {
            int[] at = locations.get(p);
            if (at != null) {
                return at;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return locations.getOrDefault("$", new int[] {1, 1});
            }
            p = p.substring(0, cut);
        }
    }

    /** A document that is not JSON at all. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ValidationProblem problem;

        SyntaxError(ValidationProblem problem) {
            super(problem.toString());
            this.problem = problem;
        }

        ValidationProblem problem() {
            return problem;
        }
    }
}
