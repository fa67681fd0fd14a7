package org.assay.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between Jackson nodes and the plain Java values parameters are held as. */
final class JsonValues {

    private JsonValues() {
    }

    /** String, Long, Double, Boolean, List, Map or null. */
    static Object toJava(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(toJava(x)));
            return l;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), toJava(e.getValue())));
        return m;
    }

    static JsonNode toNode(Object v) {
        JsonNodeFactory nf = JsonNodeFactory.instance;
        if (v == null) {
            return nf.nullNode();
        }
        if (v instanceof String s) {
            return nf.textNode(s);
        }
        if (v instanceof Integer || v instanceof Long) {
            return nf.numberNode(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            return nf.numberNode(n.doubleValue());
        }
        if (v instanceof Boolean b) {
            return nf.booleanNode(b);
        }
        if (v instanceof List<?> l) {
            ArrayNode a = nf.arrayNode();
            l.forEach(x -> a.add(toNode(x)));
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = nf.objectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), toNode(x)));
            return o;
        }
        return nf.textNode(v.toString());
    }
}
