package org.assay.rest.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.assay.engine.RunEvent;
import org.assay.engine.RunInfo;
import org.assay.engine.RunService;

/**
 * GET /runs/{runId}/events: Server-Sent Events. A snapshot of the run first, then every
 * RunEvent as it happens, until the run ends. The snapshot is taken after subscribing, so
 * nothing between the two is lost (an event may repeat what the snapshot shows).
 */
final class RunEvents {

    /** Comment line sent when nothing happened for this long, so proxies keep the stream open. */
    static final long KEEP_ALIVE_SECONDS = 15;

    private final RunService runs;
    private final RunEventHub hub;
    private final int maxStreams;

    RunEvents(RunService runs, RunEventHub hub, int maxStreams) {
        this.runs = runs;
        this.hub = hub;
        this.maxStreams = maxStreams;
    }

    void stream(Exchange ex) throws IOException, InterruptedException {
        String runId = ex.param("runId");
        runs.get(runId).orElseThrow(() -> ApiProblem.notFound("no run '" + runId + "'; see GET /runs"));
        if (hub.open() >= maxStreams) {
            throw new ApiProblem(503, "too-many-streams", "Too many event streams", maxStreams
                    + " event streams are open; close one or raise maxEventStreams in etc/org.assay.rest.cfg")
                    .header("Retry-After", "5");
        }
        try (RunEventHub.Subscription sub = hub.subscribe(runId)) {
            RunInfo snapshot = runs.get(runId).orElseThrow();
            var resp = ex.response();
            resp.setStatus(200);
            resp.setContentType("text/event-stream");
            resp.setCharacterEncoding("UTF-8");
            resp.setHeader("X-Accel-Buffering", "no");
            OutputStream out = resp.getOutputStream();
            send(out, "snapshot", Json.MAPPER.writeValueAsString(Views.run(snapshot)));
            if (snapshot.status().isFinished()) {
                send(out, "end", end(snapshot));
                return;
            }
            while (true) {
                RunEvent e = sub.queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                if (sub.overflowed) {
                    send(out, "overflow", "{\"detail\":\"this stream fell behind; read GET /runs/" + runId
                            + " and open a new stream\"}");
                    return;
                }
                if (e == null) {
                    // Nothing for a while: a comment keeps the connection; an ended run whose last
                    // event this stream missed (engine restart) still ends the stream.
                    write(out, ": keep-alive\n\n");
                    RunInfo now = runs.get(runId).orElse(null);
                    if (now == null || now.status().isFinished()) {
                        send(out, "end", now == null ? "{}" : end(now));
                        return;
                    }
                    continue;
                }
                send(out, e.kind().name(), Json.MAPPER.writeValueAsString(Views.event(e)));
                if (e.kind().endsRun()) {
                    send(out, "end", end(runs.get(runId).orElse(snapshot)));
                    return;
                }
            }
        }
    }

    private static String end(RunInfo run) throws IOException {
        return Json.MAPPER.writeValueAsString(Views.run(run));
    }

    /** One event; the JSON has no line breaks, so it is one data line. */
    private static void send(OutputStream out, String event, String json) throws IOException {
        write(out, "event: " + event + "\ndata: " + json + "\n\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
