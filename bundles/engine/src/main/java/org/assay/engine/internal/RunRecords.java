package org.assay.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assay.api.step.ArtifactKind;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;

/**
 * Reads and writes {@code run.json}, the record of a run in its folder. Written atomically
 * (temp file + move) so a crash never leaves half a record.
 */
final class RunRecords {

    static final String FILE_NAME = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunRecords() {
    }

    static void write(RunInfo r) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("runId", r.runId());
        o.put("workflowId", r.workflowId());
        o.put("workflowVersion", r.workflowVersion());
        o.put("status", r.status().name());
        o.put("queuedAt", str(r.queuedAt()));
        o.put("startedAt", str(r.startedAt()));
        o.put("finishedAt", str(r.finishedAt()));
        o.put("error", r.error());
        o.put("folder", r.folder().toString());
        o.put("report", r.report() == null ? null : r.report().toString());
        ArrayNode events = o.putArray("events");
        r.events().forEach(events::add);
        ArrayNode steps = o.putArray("steps");
        for (StepRunInfo s : r.steps()) {
            ObjectNode so = steps.addObject();
            so.put("stepId", s.stepId());
            so.put("type", s.type());
            so.put("status", s.status().name());
            so.put("provider", s.provider());
            so.put("rowsIn", s.rowsIn());
            so.put("rowsOut", s.rowsOut());
            so.put("quarantined", s.quarantined());
            so.put("filtered", s.filtered());
            so.put("progress", s.progress());
            so.put("durationMillis", s.durationMillis());
            so.put("attempts", s.attempts());
            so.put("error", s.error());
            ArrayNode arts = so.putArray("artifacts");
            for (ArtifactInfo a : s.artifacts()) {
                arts.addObject().put("path", a.path().toString()).put("kind", a.kind().name()).put("title", a.title());
            }
        }
        Path file = r.folder().resolve(FILE_NAME);
        Path tmp = r.folder().resolve(FILE_NAME + ".tmp");
        Files.writeString(tmp, o.toPrettyString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static RunInfo read(Path file) throws IOException {
        JsonNode o = JSON.readTree(file.toFile());
        List<StepRunInfo> steps = new ArrayList<>();
        for (JsonNode s : o.path("steps")) {
            List<ArtifactInfo> arts = new ArrayList<>();
            for (JsonNode a : s.path("artifacts")) {
                arts.add(new ArtifactInfo(s.path("stepId").asText(), Path.of(a.path("path").asText()),
                        ArtifactKind.valueOf(a.path("kind").asText()), a.path("title").asText()));
            }
            steps.add(new StepRunInfo(s.path("stepId").asText(), s.path("type").asText(),
                    RunStatus.valueOf(s.path("status").asText()), s.path("provider").asText(),
                    s.path("rowsIn").asLong(), s.path("rowsOut").asLong(), s.path("quarantined").asLong(),
                    s.path("filtered").asLong(), s.path("progress").asDouble(), s.path("durationMillis").asLong(),
                    s.path("attempts").asInt(), text(s.path("error")), arts));
        }
        List<String> events = new ArrayList<>();
        o.path("events").forEach(e -> events.add(e.asText()));
        return new RunInfo(o.path("runId").asText(), o.path("workflowId").asText(), o.path("workflowVersion").asInt(),
                RunStatus.valueOf(o.path("status").asText()), instant(o.path("queuedAt")), instant(o.path("startedAt")),
                instant(o.path("finishedAt")), text(o.path("error")), Path.of(o.path("folder").asText()),
                o.path("report").isTextual() ? Path.of(o.path("report").asText()) : null, steps, events);
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }

    private static Instant instant(JsonNode n) {
        return n.isTextual() ? Instant.parse(n.asText()) : null;
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }
}
