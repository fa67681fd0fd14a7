package org.assay.api.model;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.assay.api.data.Schema;

/**
 * A trained model on a model port: what it is ({@link #format()}), the columns it was trained
 * on ({@link #header()}), how it was made (algorithm, options, rows, time, free-form
 * properties) and its serialized {@link #content()}.
 *
 * <p>A step writes one with {@link org.assay.api.step.StepContext#outputModel} and a later
 * step reads it with {@link org.assay.api.step.StepContext#inputModel}. The engine stores the
 * content as a file in the run folder, beside a JSON description of the rest, so the model
 * outlives an engine restart and can be copied to other machines; it never keeps the content
 * in memory.
 *
 * <p>The format id tells a reader how to decode the content. It is named by the step family
 * that writes it, e.g. {@code weka.clusterers.Clusterer}: Weka's
 * {@code SerializationHelper.writeAll} of the clusterer followed by its training header
 * ({@code Instances} with no rows). A reader refuses formats it does not know with a message
 * naming the format it needs.
 *
 * <p>Immutable and safe to share between threads. Build one with {@link #builder(String, Schema)}.
 */
public final class TrainedModel {

    private final String format;
    private final Schema header;
    private final String algorithm;
    private final String options;
    private final long trainedRows;
    private final Instant createdAt;
    private final Map<String, String> properties;
    private final ModelContent content;

    private TrainedModel(Builder b) {
        this.format = b.format;
        this.header = b.header;
        this.algorithm = b.algorithm;
        this.options = b.options;
        this.trainedRows = b.trainedRows;
        this.createdAt = b.createdAt;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
        this.content = Objects.requireNonNull(b.content, "content: give the model's serialized form");
    }

    /**
     * @param format what the content is, so a reader knows how to decode it; not blank
     * @param header the schema of the rows the model was trained on, in training order
     */
    public static Builder builder(String format, Schema header) {
        return new Builder(format, header);
    }

    /** How to decode {@link #content()}, e.g. {@code weka.clusterers.Clusterer}. */
    public String format() {
        return format;
    }

    /** The columns the model was trained on, with their types, tags and categories. */
    public Schema header() {
        return header;
    }

    /** The algorithm as the user named it (a Weka class name, say); empty if not given. */
    public String algorithm() {
        return algorithm;
    }

    /** The algorithm's options as the user gave them; empty if none. */
    public String options() {
        return options;
    }

    /** Rows the model was trained on; 0 if not known. */
    public long trainedRows() {
        return trainedRows;
    }

    /** When the model was trained. */
    public Instant createdAt() {
        return createdAt;
    }

    /** Further facts about the model, by name (e.g. "clusters" = "4"); never null. */
    public Map<String, String> properties() {
        return properties;
    }

    /** One property, if set. */
    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /** The serialized model. */
    public ModelContent content() {
        return content;
    }

    /** Opens {@link #content()} from its first byte; the caller closes the stream. */
    public InputStream openContent() throws IOException {
        return content.open();
    }

    /** The same model with its content somewhere else (a file the engine stored, say). */
    public TrainedModel withContent(ModelContent newContent) {
        return toBuilder().content(newContent).build();
    }

    private Builder toBuilder() {
        Builder b = new Builder(format, header).algorithm(algorithm).options(options).trainedRows(trainedRows)
                .createdAt(createdAt);
        b.properties.putAll(properties);
        b.content = content;
        return b;
    }

    @Override
    public String toString() {
        return format + (algorithm.isEmpty() ? "" : " (" + algorithm + (options.isEmpty() ? "" : " " + options) + ")")
                + " trained on " + trainedRows + " rows of " + header.names();
    }

    /** Builds a {@link TrainedModel}. Not thread-safe. */
    public static final class Builder {
        private final String format;
        private final Schema header;
        private String algorithm = "";
        private String options = "";
        private long trainedRows;
        private Instant createdAt = Instant.now();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private ModelContent content;

        private Builder(String format, Schema header) {
            if (format == null || format.isBlank()) {
                throw new IllegalArgumentException("a model needs a format id, e.g. weka.clusterers.Clusterer");
            }
            this.format = format;
            this.header = Objects.requireNonNull(header, "header");
        }

        public Builder algorithm(String value) {
            this.algorithm = value == null ? "" : value;
            return this;
        }

        public Builder options(String value) {
            this.options = value == null ? "" : value;
            return this;
        }

        /** @throws IllegalArgumentException if negative */
        public Builder trainedRows(long rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("trainedRows must not be negative: " + rows);
            }
            this.trainedRows = rows;
            return this;
        }

        /** Defaults to the moment the builder was made. */
        public Builder createdAt(Instant value) {
            this.createdAt = Objects.requireNonNull(value, "createdAt");
            return this;
        }

        public Builder property(String name, String value) {
            properties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder content(ModelContent value) {
            this.content = Objects.requireNonNull(value, "content");
            return this;
        }

        /** Content held in memory (a copy of {@code bytes}). */
        public Builder content(byte[] bytes) {
            return content(ModelContent.of(bytes));
        }

        /** @throws NullPointerException if no content was given */
        public TrainedModel build() {
            return new TrainedModel(this);
        }
    }
}
