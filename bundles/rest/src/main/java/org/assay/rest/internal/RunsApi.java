package org.assay.rest.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.assay.engine.QuarantineFile;
import org.assay.engine.RunContent;
import org.assay.engine.RunInfo;
import org.assay.engine.RunPage;
import org.assay.engine.RunQuery;
import org.assay.engine.RunService;
import org.assay.engine.RunStatus;

/** /runs: start, query, get, cancel, the files of a run and its quarantine. Events: {@link RunEvents}. */
final class RunsApi {

    private final RunService runs;
    private final RunEvents events;
    private final ReadAudit audit;

    RunsApi(RunService runs, RunEventHub hub, ReadAudit audit, int maxStreams) {
        this.runs = runs;
        this.audit = audit;
        this.events = new RunEvents(runs, hub, maxStreams);
    }

    void register(Routes r) {
        r.add("GET", "/runs", Role.VIEWER, this::query);
        r.add("POST", "/runs", Role.OPERATOR, this::start);
        r.add("GET", "/runs/{runId}", Role.VIEWER, ex -> ex.json(Views.run(run(ex))));
        r.add("POST", "/runs/{runId}/cancel", Role.OPERATOR, this::cancel);
        r.add("GET", "/runs/{runId}/events", Role.VIEWER, events::stream);
        r.add("GET", "/runs/{runId}/quarantine", Role.VIEWER, this::quarantine);
        r.add("GET", "/runs/{runId}/quarantine/summary", Role.VIEWER, this::quarantineSummary);
        r.add("GET", "/runs/{runId}/artifacts/{stepId}/{fileName}", Role.VIEWER, this::artifact);
        r.add("GET", "/runs/{runId}/report", Role.VIEWER, this::report);
        r.add("GET", "/runs/{runId}/log", Role.VIEWER, this::log);
    }

    private RunInfo run(Exchange ex) {
        String id = ex.param("runId");
        return runs.get(id).orElseThrow(() -> ApiProblem.notFound("no run '" + id + "'; see GET /runs"));
    }

    private void query(Exchange ex) throws IOException {
        RunQuery q = RunQuery.all()
                .withWorkflow(ex.query("workflow"))
                .withStatuses(statuses(ex.query("status")))
                .withSince(since(ex.query("since")))
                .withLimit(ex.intQuery("limit", RunQuery.DEFAULT_LIMIT, 1, RunQuery.MAX_LIMIT))
                .withCursor(ex.query("cursor"));
        RunPage page;
        try {
            page = runs.query(q);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage() + "; start again without cursor");
        }
        ObjectNode o = Json.object();
        var list = o.putArray("runs");
        page.runs().forEach(s -> list.add(Views.summary(s)));
        o.put("nextCursor", page.nextCursor());
        ex.json(o);
    }

    static Set<RunStatus> statuses(String list) {
        Set<RunStatus> out = EnumSet.noneOf(RunStatus.class);
        if (list == null) {
            return out;
        }
        for (String s : list.split(",")) {
            String name = s.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
            try {
                out.add(RunStatus.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("unknown status '" + s.trim() + "'; one of " + EnumSet.allOf(RunStatus.class));
            }
        }
        return out;
    }

    private static Instant since(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("since must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, not '" + text + "'");
        }
    }

    private void start(Exchange ex) throws IOException {
        Bodies.StartRun body = ex.jsonBody(Bodies.StartRun.class);
        if (body.workflowId() == null || body.workflowId().isBlank()) {
            throw ApiProblem.badRequest("workflowId is required, e.g. {\"workflowId\":\"customer-segments\"}");
        }
        RunInfo run = runs.start(body.workflowId(), "on demand", ex.principal());
        ex.response().setHeader("Location", ApiContext.PATH + "/runs/" + run.runId());
        ex.json(202, Views.run(run));
    }

    private void cancel(Exchange ex) throws IOException {
        RunInfo run = run(ex);
        if (run.status().isFinished()) {
            throw ApiProblem.conflict("run " + run.runId() + " has already finished (" + run.status().label() + ")");
        }
        if (!runs.cancel(run.runId(), ex.principal())) {
            throw ApiProblem.conflict("run " + run.runId() + " finished before it could be cancelled");
        }
        ex.json(202, Views.run(runs.get(run.runId()).orElse(run)));
    }

    private void quarantine(Exchange ex) throws IOException {
        RunInfo run = run(ex);
        int offset = ex.intQuery("offset", 0, 0, Integer.MAX_VALUE);
        int limit = ex.intQuery("limit", 100, 1, 1000);
        ObjectNode o = Json.object();
        var rows = o.putArray("rows");
        long total = 0;
        Optional<RunContent> content = runs.openQuarantine(run.runId());
        if (content.isPresent()) {
            try (RunContent c = content.get()) {
                total = QuarantineFile.page(c.stream(), offset, limit, row -> rows.addObject()
                        .put("step", row.get(0)).put("row", row.get(1))
                        .put("reason", row.get(2)).put("record", row.get(3)));
            }
        }
        o.put("offset", offset);
        o.put("limit", limit);
        o.put("total", total);
        if (content.isPresent()) {
            audit.read(ex.principal(), run.runId(), "quarantine", "offset " + offset + ", limit " + limit);
        }
        ex.json(o);
    }

    /** Counted over every row, streaming; see {@link QuarantineFile#summarize}. */
    private void quarantineSummary(Exchange ex) throws IOException {
        RunInfo run = run(ex);
        QuarantineFile.Summary summary = QuarantineFile.Summary.EMPTY;
        Optional<RunContent> content = runs.openQuarantine(run.runId());
        if (content.isPresent()) {
            try (RunContent c = content.get()) {
                summary = QuarantineFile.summarize(c.stream());
            }
            audit.read(ex.principal(), run.runId(), "quarantine-summary", null);
        }
        ObjectNode o = Json.object();
        o.put("total", summary.total());
        var groups = o.putArray("groups");
        for (QuarantineFile.Group g : summary.groups()) {
            var e = groups.addObject().put("step", g.stepId()).put("reason", g.reason()).put("rows", g.rows());
            g.examples().forEach(e.putArray("examples")::add);
        }
        o.put("otherRows", summary.otherRows());
        ex.json(o);
    }

    private void log(Exchange ex) throws IOException {
        RunInfo run = run(ex);
        Optional<RunContent> content = runs.openLog(run.runId());
        if (content.isPresent()) {
            audit.read(ex.principal(), run.runId(), "log", content.get().id());
        }
        file(ex, content, "log");
    }

    private void artifact(Exchange ex) throws IOException {
        RunInfo run = run(ex);
        String id = ex.param("stepId") + "/" + ex.param("fileName");
        Optional<RunContent> content = runs.openArtifact(run.runId(), id);
        if (content.isPresent()) {
            audit.read(ex.principal(), run.runId(), "artifact", id);
        }
        file(ex, content, "artifact " + id);
    }

    /**
     * The HTML report. Its links are relative to the run folder ({@code <step id>/<file>}, the
     * artifact ids), so a {@code <base>} pointing at the run's artifacts makes its charts and
     * downloads work when it is read through the API.
     */
    private void report(Exchange ex) throws IOException {
        RunInfo run = run(ex);
        RunContent c = runs.openReport(run.runId()).orElseThrow(() -> ApiProblem.notFound(
                "run " + run.runId() + " has no report yet" + (run.status().isFinished() ? "" : "; it is written when the run ends")));
        audit.read(ex.principal(), run.runId(), "report", c.id());
        if (c.size() > MAX_REWRITTEN_REPORT) {
            file(ex, Optional.of(c), "report");
            return;
        }
        String html;
        try (c) {
            html = new String(c.stream().readNBytes((int) c.size()), StandardCharsets.UTF_8);
        }
        String base = "<base href=\"artifacts/\">";
        int head = html.indexOf("<head>");
        html = head < 0 ? base + html : html.substring(0, head + 6) + base + html.substring(head + 6);
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        file(ex, Optional.of(new RunContent(c.runId(), c.id(), c.fileName(), c.contentType(), bytes.length,
                new java.io.ByteArrayInputStream(bytes))), "report");
    }

    /** Reports larger than this are sent as they are (without the base link). */
    static final long MAX_REWRITTEN_REPORT = 32L << 20;

    /** Streams a run's file with its content type; an HTML file may not run scripts on the API's origin. */
    private static void file(Exchange ex, Optional<RunContent> content, String what) throws IOException {
        RunContent c = content.orElseThrow(() -> ApiProblem.notFound("run " + ex.param("runId") + " has no " + what));
        try (c; InputStream in = c.stream()) {
            var resp = ex.response();
            resp.setStatus(200);
            resp.setContentType(c.contentType());
            resp.setContentLengthLong(c.size());
            resp.setHeader("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self' data:; "
                    + "style-src 'unsafe-inline'");
            String disposition = c.contentType().startsWith("image/") || c.contentType().startsWith("text/html")
                    ? "inline" : "attachment";
            resp.setHeader("Content-Disposition", disposition + "; filename*=UTF-8''"
                    + URLEncoder.encode(c.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
            try (OutputStream out = resp.getOutputStream()) {
                // The size when opened: a log still being written grows past it.
                byte[] buf = new byte[16384];
                long left = c.size();
                for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; left -= n) {
                    out.write(buf, 0, n);
                }
            }
        }
    }
}
