package org.assay.api.step;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One typed parameter of a step type. The engine validates workflow JSON against it, and
 * generates the JSON schema and the {@code assay:step-show} documentation from it.
 *
 * @param name          JSON key, lower camel case
 * @param type          JSON shape
 * @param description   one or two sentences for the docs
 * @param required      whether a workflow must give it (a parameter with a default never is)
 * @param defaultValue  JSON-compatible default (String, Long, Double, Boolean, List, Map) or null
 * @param allowedValues for {@link ParameterType#ENUM}, the values allowed; else empty
 * @param minimum       inclusive lower bound for numbers, or null
 * @param maximum       inclusive upper bound for numbers, or null
 * @param column        for parameters that name columns of an input: which, and what they
 *                      may be; null otherwise
 */
public record ParameterSpec(String name, ParameterType type, String description, boolean required,
        Object defaultValue, List<String> allowedValues, Double minimum, Double maximum, ColumnRule column) {

    /** A parameter that names no columns. */
    public ParameterSpec(String name, ParameterType type, String description, boolean required,
            Object defaultValue, List<String> allowedValues, Double minimum, Double maximum) {
        this(name, type, description, required, defaultValue, allowedValues, minimum, maximum, null);
    }

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        if (type == ParameterType.ENUM && allowedValues.isEmpty()) {
            throw new IllegalArgumentException("enum parameter '" + name + "' needs allowed values");
        }
        if (defaultValue instanceof Integer i) {
            defaultValue = i.longValue();
        }
        if (defaultValue instanceof Map<?, ?> m) {
            defaultValue = Map.copyOf(m);
        } else if (defaultValue instanceof List<?> l) {
            defaultValue = List.copyOf(l);
        }
        if (defaultValue != null) {
            required = false;
        }
        if (column != null && type != ParameterType.STRING && type != ParameterType.STRING_LIST
                && type != ParameterType.STRING_MAP) {
            throw new IllegalArgumentException("parameter '" + name + "' names columns, so it must be a string, "
                    + "a string list or a string map, not " + type.jsonName());
        }
    }

    public static Builder builder(String name, ParameterType type) {
        return new Builder(name, type);
    }

    /** Fluent construction, so step code reads like documentation. */
    public static final class Builder {
        private final String name;
        private final ParameterType type;
        private String description = "";
        private boolean required;
        private Object defaultValue;
        private List<String> allowed = List.of();
        private Double min;
        private Double max;
        private ColumnRule column;

        private Builder(String name, ParameterType type) {
            this.name = name;
            this.type = type;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder defaultValue(Object value) {
            this.defaultValue = value;
            return this;
        }

        public Builder allowed(String... values) {
            this.allowed = List.of(values);
            return this;
        }

        public Builder range(double minimum, double maximum) {
            this.min = minimum;
            this.max = maximum;
            return this;
        }

        public Builder minimum(double minimum) {
            this.min = minimum;
            return this;
        }

        public Builder maximum(double maximum) {
            this.max = maximum;
            return this;
        }

        /** The parameter names columns of an input; see {@link ColumnRule}. */
        public Builder columns(ColumnRule rule) {
            this.column = rule;
            return this;
        }

        public ParameterSpec build() {
            return new ParameterSpec(name, type, description, required, defaultValue, allowed, min, max, column);
        }
    }
}
