package org.assay.api.step;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A step's parameter values for one run, with the descriptor's defaults filled in.
 * Immutable. Values were validated against the descriptor before the run started, so the
 * typed getters only fail on a programming error (asking for an undeclared parameter).
 */
public final class Parameters {

    private final StepDescriptor descriptor;
    private final Map<String, Object> values;

    private Parameters(StepDescriptor descriptor, Map<String, Object> values) {
        this.descriptor = descriptor;
        this.values = values;
    }

    /**
     * Values as parsed from JSON (String, Number, Boolean, List, Map), with defaults added
     * for parameters that were not given.
     */
    public static Parameters of(StepDescriptor descriptor, Map<String, ?> given) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (ParameterSpec p : descriptor.parameters()) {
            Object v = given == null ? null : given.get(p.name());
            if (v == null) {
                v = p.defaultValue();
            }
            if (v != null) {
                all.put(p.name(), v);
            }
        }
        return new Parameters(descriptor, Collections.unmodifiableMap(all));
    }

    /** All values that are set, defaults included. */
    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String name) {
        spec(name);
        return values.containsKey(name);
    }

    public String string(String name) {
        Object v = require(name);
        return v.toString();
    }

    public Optional<String> optionalString(String name) {
        spec(name);
        Object v = values.get(name);
        return v == null ? Optional.empty() : Optional.of(v.toString());
    }

    public long integer(String name) {
        return ((Number) require(name)).longValue();
    }

    public int intValue(String name) {
        return Math.toIntExact(integer(name));
    }

    public double decimal(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public boolean bool(String name) {
        return (Boolean) require(name);
    }

    /** A string-list parameter; empty when not set. */
    public List<String> stringList(String name) {
        spec(name);
        Object v = values.get(name);
        if (v == null) {
            return List.of();
        }
        return ((List<?>) v).stream().map(String::valueOf).toList();
    }

    /** A string-map parameter; empty when not set. Keeps the order of the workflow JSON. */
    public Map<String, String> stringMap(String name) {
        spec(name);
        Object v = values.get(name);
        if (v == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        ((Map<?, ?>) v).forEach((k, x) -> out.put(String.valueOf(k), String.valueOf(x)));
        return Collections.unmodifiableMap(out);
    }

    private ParameterSpec spec(String name) {
        return descriptor.parameter(name).orElseThrow(() -> new IllegalArgumentException(
                descriptor.typeId() + " declares no parameter '" + name + "'"));
    }

    private Object require(String name) {
        spec(name);
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("parameter '" + name + "' of " + descriptor.typeId() + " is not set");
        }
        return v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
