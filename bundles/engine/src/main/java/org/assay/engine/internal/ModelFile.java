package org.assay.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.model.TrainedModel;

/**
 * The stored form of a model output: {@code <name>.model.json} (format, header, metadata and
 * the name of the content file) beside {@code <name>.model.bin} (the content, byte for byte
 * as the step gave it). Plain JSON and an opaque file, so any tool (or a Spark driver that
 * broadcasts the file) can read them. The JSON file is the one the spool index names.
 * Stateless.
 */
final class ModelFile {

    /** Ends the name of the file the spool index records for a model output. */
    static final String SUFFIX = ".model.json";
    private static final String CONTENT_SUFFIX = ".model.bin";
    private static final int LAYOUT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFile() {
    }

    /**
     * Writes the model's content and description under {@code dir}, reading the content once.
     *
     * @return the description file
     */
    static Path write(Path dir, String baseName, TrainedModel model) throws IOException {
        Path content = dir.resolve(baseName + CONTENT_SUFFIX);
        try (InputStream in = model.openContent(); OutputStream out = Files.newOutputStream(content)) {
            in.transferTo(out);
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("layout", LAYOUT);
        root.put("format", model.format());
        root.put("algorithm", model.algorithm());
        root.put("options", model.options());
        root.put("trainedRows", model.trainedRows());
        root.put("createdAt", model.createdAt().toString());
        ObjectNode props = root.putObject("properties");
        model.properties().forEach(props::put);
        root.set("header", header(model.header()));
        root.put("content", content.getFileName().toString());
        Path description = dir.resolve(baseName + SUFFIX);
        Files.writeString(description, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root),
                StandardCharsets.UTF_8);
        return description;
    }

    /** The model a description file stores; its content is opened from the file on each read. */
    static TrainedModel read(Path description) throws IOException {
        JsonNode root = JSON.readTree(description.toFile());
        if (root.path("layout").asInt() != LAYOUT) {
            throw new IOException(description + " is not a model file of layout " + LAYOUT);
        }
        Path content = description.resolveSibling(root.path("content").asText());
        if (!Files.isRegularFile(content)) {
            throw new NoSuchFileException(content.toString(), null, "the model's content file is missing");
        }
        TrainedModel.Builder b = TrainedModel.builder(root.path("format").asText(), header(root.path("header")))
                .algorithm(root.path("algorithm").asText())
                .options(root.path("options").asText())
                .trainedRows(root.path("trainedRows").asLong())
                .createdAt(Instant.parse(root.path("createdAt").asText()))
                .content(() -> Files.newInputStream(content));
        root.path("properties").fields().forEachRemaining(e -> b.property(e.getKey(), e.getValue().asText()));
        return b.build();
    }

    /** Whether the file is a model description (and not a dataset spool). */
    static boolean isModel(Path file) {
        return file.getFileName().toString().endsWith(SUFFIX);
    }

    /** Deletes the description and its content; missing files are fine. */
    static void delete(Path description) throws IOException {
        String name = description.getFileName().toString();
        Files.deleteIfExists(description.resolveSibling(
                name.substring(0, name.length() - SUFFIX.length()) + CONTENT_SUFFIX));
        Files.deleteIfExists(description);
    }

    private static ArrayNode header(Schema schema) {
        ArrayNode fields = JSON.createArrayNode();
        for (Field f : schema) {
            ObjectNode n = fields.addObject();
            n.put("name", f.name());
            n.put("type", f.type().jsonName());
            n.put("nullable", f.nullable());
            ArrayNode tags = n.putArray("tags");
            f.tags().stream().sorted().forEach(t -> tags.add(t.name().toLowerCase(java.util.Locale.ROOT)));
            ArrayNode categories = n.putArray("categories");
            f.categories().forEach(categories::add);
        }
        return fields;
    }

    private static Schema header(JsonNode fields) {
        List<Field> out = new ArrayList<>();
        for (JsonNode n : fields) {
            Set<FieldTag> tags = EnumSet.noneOf(FieldTag.class);
            n.path("tags").forEach(t -> tags.add(FieldTag.parse(t.asText())));
            List<String> categories = new ArrayList<>();
            n.path("categories").forEach(c -> categories.add(c.asText()));
            out.add(new Field(n.path("name").asText(), FieldType.parse(n.path("type").asText()),
                    n.path("nullable").asBoolean(true), tags, categories));
        }
        return Schema.of(out);
    }
}
