package org.assay.engine.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.assay.api.step.ArtifactKind;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunEvent;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;

/**
 * Reads and writes {@code run.json}, the record of a run in its folder. Written atomically
 * (temp file + move) so a crash never leaves half a record; messages in it are bounded.
 * {@link RunRecordWriter} decides when.
 */
final class RunRecords {

    static final String FILE_NAME = "run.json";
    /** Longest message (error, event, title) kept in a record. */
    static final int MAX_TEXT = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunRecords() {
    }

    static void write(RunInfo r) throws IOException {
        Path file = r.folder().resolve(FILE_NAME);
        // Its own temporary file per write: a write on the stopping thread never meets the writer thread's.
        Path tmp = Files.createTempFile(r.folder(), FILE_NAME + ".", ".tmp");
        try {
            writeTo(tmp, r);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Streamed, not built as a tree first: the record of a big run is written often. */
    private static void writeTo(Path tmp, RunInfo r) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp));
                JsonGenerator g = JSON.getFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("runId", r.runId());
            g.writeStringField("workflowId", r.workflowId());
            g.writeNumberField("workflowVersion", r.workflowVersion());
            g.writeStringField("status", r.status().name());
            g.writeStringField("queuedAt", str(r.queuedAt()));
            g.writeStringField("startedAt", str(r.startedAt()));
            g.writeStringField("finishedAt", str(r.finishedAt()));
            g.writeNumberField("downtimeMillis", r.downtimeMillis());
            g.writeStringField("error", bounded(r.error()));
            g.writeStringField("folder", r.folder().toString());
            g.writeStringField("report", r.report() == null ? null : r.report().toString());
            g.writeStringField("startedBy", r.startedBy());
            g.writeStringField("trigger", r.trigger());
            g.writeStringField("cancelledBy", r.cancelledBy());
            g.writeArrayFieldStart("timeline");
            for (RunEvent e : r.timeline()) {
                writeEvent(g, e);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("steps");
            for (StepRunInfo st : r.steps()) {
                writeStep(g, st);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void writeEvent(JsonGenerator g, RunEvent e) throws IOException {
        g.writeStartObject();
        g.writeStringField("at", e.at().toString());
        g.writeStringField("kind", e.kind().name());
        if (e.stepId() != null) {
            g.writeStringField("step", e.stepId());
        }
        g.writeStringField("message", bounded(e.message()));
        RunEvent.Counts c = e.counts();
        g.writeArrayFieldStart("counts");
        g.writeNumber(c.rowsIn());
        g.writeNumber(c.rowsOut());
        g.writeNumber(c.quarantined());
        g.writeNumber(c.filtered());
        g.writeNumber(c.progress());
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeStep(JsonGenerator g, StepRunInfo s) throws IOException {
        g.writeStartObject();
        g.writeStringField("stepId", s.stepId());
        g.writeStringField("type", s.type());
        g.writeStringField("status", s.status().name());
        g.writeStringField("provider", s.provider());
        g.writeNumberField("rowsIn", s.rowsIn());
        g.writeNumberField("rowsOut", s.rowsOut());
        g.writeNumberField("quarantined", s.quarantined());
        g.writeNumberField("filtered", s.filtered());
        g.writeNumberField("progress", s.progress());
        g.writeNumberField("durationMillis", s.durationMillis());
        g.writeNumberField("attempts", s.attempts());
        g.writeStringField("error", bounded(s.error()));
        g.writeArrayFieldStart("artifacts");
        for (ArtifactInfo a : s.artifacts()) {
            g.writeStartObject();
            g.writeStringField("path", a.path().toString());
            g.writeStringField("kind", a.kind().name());
            g.writeStringField("title", bounded(a.title()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** A step's message may quote whole input lines; the record keeps the start of it. */
    static String bounded(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    /**
     * When the engine last vouched for the record: its writer rewrites it on changes and
     * touches it while the run is in flight, so after a crash this is about when the engine died.
     */
    static Instant lastAlive(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toInstant();
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
        String runId = o.path("runId").asText();
        Instant queuedAt = instant(o.path("queuedAt"));
        List<RunEvent> timeline = new ArrayList<>();
        for (JsonNode e : o.path("timeline")) {
            timeline.add(readEvent(runId, e));
        }
        List<String> events = new ArrayList<>();
        if (o.has("timeline")) {
            timeline.forEach(e -> events.add(RunState.line(e)));
        } else {
            // A record from before structured events: the lines stay as they were written, and
            // become notes at their time of the day the run was queued.
            o.path("events").forEach(e -> events.add(e.asText()));
            events.forEach(line -> timeline.add(oldEvent(runId, queuedAt, line)));
        }
        return new RunInfo(runId, o.path("workflowId").asText(), o.path("workflowVersion").asInt(),
                RunStatus.valueOf(o.path("status").asText()), queuedAt, instant(o.path("startedAt")),
                instant(o.path("finishedAt")), text(o.path("error")), Path.of(o.path("folder").asText()),
                o.path("report").isTextual() ? Path.of(o.path("report").asText()) : null, steps, events,
                o.path("downtimeMillis").asLong(), text(o.path("startedBy")), text(o.path("trigger")),
                text(o.path("cancelledBy")), timeline);
    }

    private static RunEvent oldEvent(String runId, Instant queuedAt, String line) {
        Instant at = queuedAt == null ? Instant.EPOCH : queuedAt;
        String text = line;
        if (line.length() > 9 && line.charAt(8) == ' ' && queuedAt != null) {
            try {
                ZoneId zone = ZoneId.systemDefault();
                at = LocalTime.parse(line.substring(0, 8)).atDate(LocalDate.ofInstant(queuedAt, zone)).atZone(zone)
                        .toInstant();
                text = line.substring(9);
            } catch (DateTimeParseException notATime) {
                // Kept whole, at the queue time.
            }
        }
        return new RunEvent(at, runId, null, RunEvent.Kind.NOTE, text, null);
    }

    private static RunEvent readEvent(String runId, JsonNode e) {
        RunEvent.Kind kind;
        try {
            kind = RunEvent.Kind.valueOf(e.path("kind").asText());
        } catch (IllegalArgumentException unknown) {
            // Written by a newer engine: still shown, as a note.
            kind = RunEvent.Kind.NOTE;
        }
        JsonNode c = e.path("counts");
        return new RunEvent(Instant.parse(e.path("at").asText()), runId, text(e.path("step")), kind,
                e.path("message").asText(), new RunEvent.Counts(c.path(0).asLong(), c.path(1).asLong(),
                        c.path(2).asLong(), c.path(3).asLong(), c.path(4).asDouble()));
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
