package org.assay.rest.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.RunEvent;
import org.assay.engine.RunInfo;
import org.assay.engine.RunSummary;
import org.assay.engine.StepRunInfo;
import org.assay.engine.ValidationProblem;

/**
 * The JSON shapes of the API (REST-API.md, openapi.json), written out field by field so that
 * an engine record gaining a field never changes the API by accident, and no server path
 * (run folders, report files) leaks.
 */
final class Views {

    private Views() {
    }

    static ObjectNode summary(RunSummary r) {
        ObjectNode o = Json.object();
        o.put("runId", r.runId());
        o.put("workflowId", r.workflowId());
        o.put("workflowVersion", r.workflowVersion());
        o.put("status", r.status().name());
        o.put("queuedAt", Json.time(r.queuedAt()));
        o.put("startedAt", Json.time(r.startedAt()));
        o.put("finishedAt", Json.time(r.finishedAt()));
        o.put("activeMillis", r.activeMillis());
        o.put("error", r.error());
        o.put("startedBy", r.startedBy());
        o.put("trigger", r.trigger());
        o.put("cancelledBy", r.cancelledBy());
        o.put("steps", r.steps());
        o.put("stepsSucceeded", r.stepsSucceeded());
        o.put("rowsIn", r.rowsIn());
        o.put("quarantined", r.quarantined());
        return o;
    }

    static ObjectNode run(RunInfo r) {
        ObjectNode o = summary(RunSummary.of(r, Instant.now()));
        o.put("downtimeMillis", r.downtimeMillis());
        o.put("hasReport", r.report() != null);
        ArrayNode events = o.putArray("events");
        r.events().forEach(events::add);
        ArrayNode timeline = o.putArray("timeline");
        r.timeline().forEach(e -> timeline.add(event(e)));
        ArrayNode steps = o.putArray("stepRuns");
        for (StepRunInfo s : r.steps()) {
            steps.add(step(r.runId(), s));
        }
        return o;
    }

    private static ObjectNode step(String runId, StepRunInfo s) {
        ObjectNode o = Json.object();
        o.put("stepId", s.stepId());
        o.put("type", s.type());
        o.put("status", s.status().name());
        o.put("provider", s.provider());
        o.put("rowsIn", s.rowsIn());
        o.put("rowsOut", s.rowsOut());
        o.put("quarantined", s.quarantined());
        o.put("filtered", s.filtered());
        o.put("progress", s.progress());
        o.put("durationMillis", s.durationMillis());
        o.put("attempts", s.attempts());
        o.put("error", s.error());
        ArrayNode artifacts = o.putArray("artifacts");
        for (ArtifactInfo a : s.artifacts()) {
            ObjectNode x = artifacts.addObject();
            x.put("id", a.id());
            x.put("stepId", a.stepId());
            x.put("kind", a.kind().name());
            x.put("title", a.title());
            x.put("fileName", a.path().getFileName().toString());
            x.put("href", "runs/" + runId + "/artifacts/" + a.id());
        }
        return o;
    }

    static ObjectNode event(RunEvent e) {
        ObjectNode o = Json.object();
        o.put("at", Json.time(e.at()));
        o.put("runId", e.runId());
        o.put("stepId", e.stepId());
        o.put("kind", e.kind().name());
        o.put("message", e.message());
        ObjectNode c = o.putObject("counts");
        c.put("rowsIn", e.counts().rowsIn());
        c.put("rowsOut", e.counts().rowsOut());
        c.put("quarantined", e.counts().quarantined());
        c.put("filtered", e.counts().filtered());
        c.put("progress", e.counts().progress());
        return o;
    }

    /** A validation problem; {@code text} is what the shell prints after the origin. */
    static ObjectNode problem(ValidationProblem p) {
        ObjectNode o = Json.object();
        o.put("path", p.path());
        o.put("line", p.line());
        o.put("column", p.column());
        o.put("severity", p.severity().name());
        o.put("message", p.message());
        o.put("text", p.toString());
        return o;
    }

    static ArrayNode problems(List<ValidationProblem> problems) {
        ArrayNode a = Json.array();
        problems.forEach(p -> a.add(problem(p)));
        return a;
    }

    static ObjectNode workflow(DeployedWorkflow d, String scheduleText) {
        ObjectNode o = Json.object();
        o.put("id", d.id());
        o.put("name", d.definition().name());
        o.put("description", d.definition().description());
        o.put("version", d.version());
        o.put("schedule", d.definition().schedule());
        o.put("scheduleText", scheduleText);
        o.put("origin", d.origin());
        o.put("deployedAt", Json.time(d.deployedAt()));
        o.put("deployedBy", d.deployedBy());
        ArrayNode steps = o.putArray("steps");
        d.definition().steps().forEach(s -> steps.addObject().put("id", s.id()).put("type", s.type()));
        o.set("warnings", problems(d.warnings()));
        o.set("lastRejected", problems(d.lastRejected()));
        return o;
    }
}
