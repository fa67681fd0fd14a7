package org.assay.api.step;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a step type describes itself: identity, documentation, parameters and ports.
 * Immutable. Build one with {@link #builder(String)}.
 */
public final class StepDescriptor {

    private static final Pattern TYPE_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final String typeId;
    private final String version;
    private final StepCategory category;
    private final String title;
    private final String description;
    private final Set<String> tags;
    private final List<ParameterSpec> parameters;
    private final List<PortSpec> inputs;
    private final List<PortSpec> outputs;

    private StepDescriptor(Builder b) {
        this.typeId = b.typeId;
        this.version = b.version;
        this.category = Objects.requireNonNull(b.category, "category of " + b.typeId);
        this.title = b.title == null ? b.typeId : b.title;
        this.description = b.description;
        this.tags = Set.copyOf(b.tags);
        this.parameters = List.copyOf(b.parameters);
        this.inputs = List.copyOf(b.inputs);
        this.outputs = List.copyOf(b.outputs);
        Set<String> names = new LinkedHashSet<>();
        for (ParameterSpec p : parameters) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException(typeId + ": parameter '" + p.name() + "' declared twice");
            }
        }
    }

    /** Starts a descriptor for a type id such as {@code csv-reader} (lower case, dash-separated). */
    public static Builder builder(String typeId) {
        return new Builder(typeId);
    }

    public String typeId() {
        return typeId;
    }

    /**
     * The version the step declares for its behaviour and parameters, if any. Most steps
     * declare none: the engine then reports the version of the bundle providing them.
     */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    public StepCategory category() {
        return category;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Set<String> tags() {
        return tags;
    }

    public List<ParameterSpec> parameters() {
        return parameters;
    }

    public Optional<ParameterSpec> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<PortSpec> inputs() {
        return inputs;
    }

    public List<PortSpec> outputs() {
        return outputs;
    }

    public Optional<PortSpec> input(String name) {
        return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<PortSpec> output(String name) {
        return outputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return version == null ? typeId : typeId + " " + version;
    }

    /** Fluent construction of a descriptor. */
    public static final class Builder {
        private final String typeId;
        private String version;
        private StepCategory category;
        private String title;
        private String description = "";
        private final Set<String> tags = new LinkedHashSet<>();
        private final List<ParameterSpec> parameters = new ArrayList<>();
        private final List<PortSpec> inputs = new ArrayList<>();
        private final List<PortSpec> outputs = new ArrayList<>();

        private Builder(String typeId) {
            if (typeId == null || !TYPE_ID.matcher(typeId).matches()) {
                throw new IllegalArgumentException("step type id '" + typeId
                        + "' must be lower case words joined by dashes, e.g. csv-reader");
            }
            this.typeId = typeId;
        }

        public Builder version(String v) {
            this.version = Objects.requireNonNull(v);
            return this;
        }

        public Builder category(StepCategory c) {
            this.category = c;
            return this;
        }

        public Builder title(String t) {
            this.title = t;
            return this;
        }

        public Builder description(String d) {
            this.description = d;
            return this;
        }

        public Builder tags(String... t) {
            this.tags.addAll(List.of(t));
            return this;
        }

        public Builder parameter(ParameterSpec p) {
            this.parameters.add(p);
            return this;
        }

        public Builder input(String name, String description) {
            this.inputs.add(PortSpec.of(name, description));
            return this;
        }

        public Builder output(String name, String description) {
            this.outputs.add(PortSpec.of(name, description));
            return this;
        }

        /** An input with its kind and read mode spelled out. */
        public Builder input(PortSpec port) {
            this.inputs.add(port);
            return this;
        }

        /** An output with its kind spelled out (a model output, say). */
        public Builder output(PortSpec port) {
            this.outputs.add(port);
            return this;
        }

        public StepDescriptor build() {
            return new StepDescriptor(this);
        }
    }
}
