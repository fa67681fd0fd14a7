package org.assay.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The stored versions of a workflow, read-only, where the engine keeps them
 * ({@code <dataDir>/workflows/<id>/v<N>.json}, dataDir from the engine's own configuration).
 * WorkflowService has no versions call yet; when it gets one this class goes.
 */
@Component(service = WorkflowVersions.class, configurationPid = "org.assay.engine")
public final class WorkflowVersions {

    /** The engine's workflow id rule: nothing else is ever resolved as a folder name. */
    static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9_-]*$");
    private static final Pattern FILE = Pattern.compile("v(\\d{1,9})\\.json");

    @interface Config {
        String dataDir() default "";
    }

    private final Path root;

    @Activate
    public WorkflowVersions(Config config) {
        this(Path.of(config.dataDir().isBlank()
                ? System.getProperty("karaf.data", System.getProperty("karaf.base", ".") + "/data") + "/assay"
                : config.dataDir()).toAbsolutePath().normalize().resolve("workflows"));
    }

    WorkflowVersions(Path root) {
        this.root = root;
    }

    /** One stored version; deployedAt/By only for the active one (the engine keeps no more). */
    record Version(int version, boolean active, String deployedAt, String deployedBy) {
    }

    /** Versions oldest first; empty for an unknown id. */
    List<Version> versions(String id) throws IOException {
        Path dir = dir(id);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        JsonNode active = null;
        Path meta = dir.resolve("active.json");
        if (Files.isRegularFile(meta)) {
            active = Json.MAPPER.readTree(Files.readString(meta, StandardCharsets.UTF_8));
        }
        int activeVersion = active == null ? -1 : active.path("version").asInt(-1);
        JsonNode a = active;
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> FILE.matcher(p.getFileName().toString()))
                    .filter(java.util.regex.Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .sorted()
                    .mapToObj(v -> v == activeVersion
                            ? new Version(v, true, a.path("deployedAt").asText(null), a.path("deployedBy").asText(null))
                            : new Version(v, false, null, null))
                    .toList();
        }
    }

    Optional<String> source(String id, int version) throws IOException {
        Path file = dir(id).resolve("v" + version + ".json");
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }

    private Path dir(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ApiProblem.badRequest("'" + id + "' is not a workflow id: lower case letters, digits, '-' and '_'");
        }
        return root.resolve(id);
    }
}
