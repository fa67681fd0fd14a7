package org.assay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditEntry;
import org.assay.api.audit.AuditLog;
import org.assay.api.audit.AuditQuery;
import org.assay.api.model.ModelStore;
import org.junit.Before;
import org.junit.Test;

/**
 * The REST API on the real distribution: logins and the role table over the OpenAPI document,
 * bad input (path traversal, oversized and malformed bodies), a deploy with the shell's
 * line/column message, and the sample run followed to its end over Server-Sent Events.
 */
public class RestApiIT extends AssayKarafTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE = "customer-segmentation";
    /** The shipped limit on request bodies (etc/org.assay.rest.cfg). */
    private static final int MAX_BODY_KIB = 1024;
    /** Users of each role; the suite's configuration is shared (PerSuite), so they are added at run time. */
    private static final String USERS = "adm = adm-pw,_g_:admingroup\nops = ops-pw,_g_:operatorgroup\n"
            + "viv = viv-pw,_g_:viewergroup\nnob = nob-pw,ssh\n";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String base;

    @Before
    public void awaitApi() throws Exception {
        // Karaf's properties login module reads the file at every login: no restart needed.
        Path users = Paths.get(System.getProperty("karaf.etc"), "users.properties");
        synchronized (RestApiIT.class) {
            if (!Files.readString(users).contains("\nviv = ") && !Files.readString(users).contains("\nviv=")) {
                Files.writeString(users, "\n" + USERS, java.nio.file.StandardOpenOption.APPEND);
            }
        }
        Properties web = new Properties();
        try (InputStream in = Files.newInputStream(Paths.get(System.getProperty("karaf.etc"), "org.ops4j.pax.web.cfg"))) {
            web.load(in);
        }
        base = "http://127.0.0.1:" + web.getProperty("org.osgi.service.http.port").trim() + "/assay/api/v1";
        // Up, and the realm has read the users (it notices a changed file after a moment).
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                if (send("GET", "/me", "viv", null).statusCode() == 200 && send("GET", "/me", "nob", null).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the REST API did not let the test users in at " + base);
            }
            Thread.sleep(250);
        }
    }

    /** Safe by default, like SSH: the web server answers on localhost only. */
    @Test
    public void httpListensOnLocalhostOnly() throws Exception {
        Properties web = new Properties();
        try (InputStream in = Files.newInputStream(Paths.get(System.getProperty("karaf.etc"), "org.ops4j.pax.web.cfg"))) {
            web.load(in);
        }
        assertEquals("127.0.0.1", web.getProperty("org.ops4j.pax.web.listening.addresses").trim());
        int port = Integer.parseInt(web.getProperty("org.osgi.service.http.port").trim());
        assertTrue(Sockets.accepts(java.net.InetAddress.getLoopbackAddress(), port));
        java.net.InetAddress external = Sockets.nonLoopbackAddress();
        org.junit.Assume.assumeTrue("this machine has no non-loopback address to try", external != null);
        assertFalse("HTTP port " + port + " answers on " + external, Sockets.accepts(external, port));
    }

    private HttpResponse<String> send(String method, String path, String user, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (user != null) {
            b.header("Authorization", basic(user));
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    /** A refusal: the status, and a problem document (never HTML). */
    private static JsonNode problem(HttpResponse<String> r, int status, String what) throws Exception {
        assertEquals(what + ": " + r.body(), status, r.statusCode());
        assertEquals(what, "application/problem+json", r.headers().firstValue("Content-Type").orElse("")
                .split(";")[0]);
        JsonNode p = json(r);
        assertTrue(what + ": " + p, p.path("type").asText().startsWith("https://assay.org/problems/"));
        assertFalse(what + ": a stack trace leaked: " + r.body(), r.body().contains("\tat ") || r.body().contains("Exception"));
        return p;
    }

    @Test
    public void meNamesTheUserAndRolesAndLoginsAreChecked() throws Exception {
        JsonNode me = json(send("GET", "/me", "adm", null));
        assertEquals("adm", me.path("user").asText());
        assertEquals("[\"admin\",\"operator\",\"viewer\"]", me.path("roles").toString());
        assertEquals("[\"viewer\"]", json(send("GET", "/me", "viv", null)).path("roles").toString());
        assertEquals("[]", json(send("GET", "/me", "nob", null)).path("roles").toString());

        HttpResponse<String> anonymous = send("GET", "/me", null, null);
        problem(anonymous, 401, "no login");
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        HttpResponse<String> script = send("GET", "/me", null, null, "X-Requested-With", "XMLHttpRequest");
        problem(script, 401, "no login from a script");
        assertTrue("a script's own login form gets no browser dialog",
                script.headers().firstValue("WWW-Authenticate").isEmpty());
        problem(send("GET", "/me", null, null, "Authorization", "Basic "
                + Base64.getEncoder().encodeToString("adm:wrong".getBytes(StandardCharsets.UTF_8))), 401, "wrong password");
    }

    /** Every documented operation, unauthenticated and with each role too small for it. */
    @Test
    public void roleTableOverTheOpenApiDocument() throws Exception {
        JsonNode doc = json(send("GET", "/openapi.json", null, null));
        int writes = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            String path = p.getKey().replaceAll("\\{[^}]+}", "no-such-thing");
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                String role = op.getValue().path("x-assay-role").asText();
                String body = method.equals("POST") ? "{}" : null;
                String what = method + " " + p.getKey() + " (" + role + ")";
                if (role.equals("public")) {
                    assertEquals(what, 200, send(method, path, null, body).statusCode());
                    continue;
                }
                problem(send(method, path, null, body), 401, what + " without login");
                List<String> refused = switch (role) {
                    case "viewer" -> List.of("nob");
                    case "operator" -> List.of("nob", "viv");
                    case "admin" -> List.of("nob", "viv", "ops");
                    default -> List.of();
                };
                for (String user : refused) {
                    problem(send(method, path, user, body), 403, what + " as " + user);
                }
                if (role.equals("operator") || role.equals("admin")) {
                    writes++;
                    String allowed = role.equals("admin") ? "adm" : "ops";
                    problem(send(method, path, allowed, body, "Origin", "http://evil.example"), 403,
                            what + " from another origin");
                }
                int status = send(method, path, "adm", body).statusCode();
                assertNotEquals(what + " refused the admin", 401, status);
                assertNotEquals(what + " refused the admin", 403, status);
            }
        }
        assertTrue("the document lists the write endpoints", writes >= 6);
    }

    @Test
    public void unknownPathsAndMethodsAreProblemJson() throws Exception {
        problem(send("GET", "/no-such-endpoint", "viv", null), 404, "unknown path");
        HttpResponse<String> put = send("PUT", "/runs", "adm", "{}");
        problem(put, 405, "PUT /runs");
        assertEquals("GET, POST", put.headers().firstValue("Allow").orElse(""));
        problem(send("GET", "/runs?limit=0", "viv", null), 400, "limit 0");
        problem(send("GET", "/runs?status=DONE", "viv", null), 400, "unknown status");
        problem(send("GET", "/runs?cursor=bogus", "viv", null), 400, "foreign cursor");
        problem(send("GET", "/steps/no-such-type", "viv", null), 404, "unknown step type");
    }

    @Test
    public void malformedUnknownAndOversizedBodiesAreRefused() throws Exception {
        JsonNode malformed = problem(send("POST", "/runs", "ops", "{\n  \"workflowId\": }"), 400, "malformed JSON");
        assertTrue(malformed.path("type").asText().endsWith("/malformed-json"));
        assertEquals(2, malformed.path("line").asInt());
        JsonNode unknown = problem(send("POST", "/runs", "ops", "{\"workflowId\":\"" + SAMPLE + "\",\"priority\":9}"),
                400, "unknown field");
        assertEquals("priority", unknown.path("field").asText());
        problem(send("POST", "/models/x/promote", "adm", "{\"version\":\"three\"}"), 400, "wrong type");
        HttpResponse<String> text = http.send(HttpRequest.newBuilder(URI.create(base + "/workflows/validate"))
                .header("Authorization", basic("viv")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        problem(text, 415, "text/plain body");
        String big = "{\"id\":\"" + "x".repeat(MAX_BODY_KIB * 1024) + "\"}";
        problem(send("POST", "/workflows/validate", "viv", big), 413, "oversized body");
    }

    @Test
    public void deployWithASyntaxErrorGivesTheShellsLineAndColumn() throws Exception {
        String broken = "{\n  \"format\": 1,\n  \"id\": \"rest-broken\",\n  \"steps\": [\n"
                + "    {\"id\": \"a\", \"type\": \"csv-reader\",, }\n  ]\n}\n";
        JsonNode p = problem(send("POST", "/workflows", "adm", broken), 422, "broken deploy");
        JsonNode first = p.path("problems").path(0);
        assertEquals(5, first.path("line").asInt());
        assertTrue(first.path("column").asInt() > 0);
        Path file = Files.createTempFile("rest-broken", ".json");
        Files.writeString(file, broken);
        String shell = executeCommandAs("karaf", Set.of("admin", "operator", "viewer"),
                "assay:workflow-deploy " + file.toAbsolutePath());
        assertTrue("the shell printed\n" + shell + "\nREST said " + first.path("text").asText(),
                shell.contains(file.toAbsolutePath() + ": " + first.path("text").asText()));
        JsonNode valid = json(send("POST", "/workflows/validate", "viv", broken));
        assertFalse(valid.path("valid").asBoolean());
        assertEquals(first.path("text"), valid.path("problems").path(0).path("text"));
    }

    @Test
    public void workflowVersionsDiffAndUndeployRecordThePrincipal() throws Exception {
        awaitDeployed(SAMPLE);
        String source = send("GET", "/workflows/" + SAMPLE + "/source", "viv", null).body();
        String v1 = source.replace("\"id\": \"" + SAMPLE + "\"", "\"id\": \"rest-copy\"")
                .replace("\"id\":\"" + SAMPLE + "\"", "\"id\":\"rest-copy\"");
        assertNotEquals("the sample's id was replaced", source, v1);
        HttpResponse<String> deployed = send("POST", "/workflows", "adm", v1);
        assertEquals(deployed.body(), 201, deployed.statusCode());
        assertEquals("adm", json(deployed).path("deployedBy").asText());
        assertEquals(200, send("POST", "/workflows", "adm", v1).statusCode());
        String v2 = v1.replace("\"description\": \"", "\"description\": \"Changed over REST. ");
        assertEquals(2, json(send("POST", "/workflows", "adm", v2)).path("version").asInt());
        JsonNode versions = json(send("GET", "/workflows/rest-copy/versions", "viv", null));
        assertEquals(2, versions.size());
        assertTrue(versions.path(1).path("active").asBoolean());
        assertEquals("adm", versions.path(1).path("deployedBy").asText());
        // Every version keeps who deployed it (WorkflowService.versions), not only the active one.
        assertFalse(versions.path(0).path("active").asBoolean());
        assertEquals(versions.toString(), "adm", versions.path(0).path("deployedBy").asText());
        assertTrue(versions.toString(), versions.path(0).hasNonNull("deployedAt"));
        assertEquals(v1, send("GET", "/workflows/rest-copy/versions/1", "viv", null).body());
        JsonNode diff = json(send("GET", "/workflows/rest-copy/diff?from=1&to=2", "viv", null));
        assertTrue(diff.toString(), diff.path("unified").asText().contains("+  \"description\": \"Changed over REST. "));
        assertEquals(204, send("DELETE", "/workflows/rest-copy", "adm", null).statusCode());
        problem(send("DELETE", "/workflows/rest-copy", "adm", null), 404, "second undeploy");
        assertTrue(Files.readString(Paths.get(System.getProperty("karaf.data"), "assay", "workflows", "rest-copy",
                "undeployed.json")).contains("\"adm\""));
        // An undeployed workflow keeps its versions; a bad id is refused, never resolved as a path.
        assertEquals(2, json(send("GET", "/workflows/rest-copy/versions", "viv", null)).size());
        // The shell reads the same versions from the engine (assay:workflow-versions, a viewer's command).
        String listed = executeCommandAs("viv", Set.of("viewer"), "assay:workflow-versions rest-copy");
        assertTrue(listed, listed.contains("adm") && listed.contains("rest"));
        assertTrue(executeCommandAs("viv", Set.of("viewer"), "assay:workflow-versions rest-copy 2")
                .contains("Changed over REST. "));
        problem(send("GET", "/workflows/Rest_Copy/versions", "viv", null), 400, "an id outside the id rule");
        problem(send("GET", "/workflows/rest-copy/versions/9", "viv", null), 404, "no such version");
    }

    /** Promote and rollback over REST: the principal is kept with the model version and in the audit log. */
    @Test
    public void modelPromotionsRecordThePrincipalInTheStoreAndTheAuditLog() throws Exception {
        ModelStore store = service(ModelStore.class);
        String name = "rest-it-model";
        if (store.versions(name).isEmpty()) {
            store.save(name, new byte[] {1}, Map.of("metric.auc", "0.7"));
            store.save(name, new byte[] {2}, Map.of("metric.auc", "0.8"));
        }
        problem(send("POST", "/models/" + name + "/promote", "ops", "{\"version\":1}"), 403, "an operator promotes");
        assertEquals(200, send("POST", "/models/" + name + "/promote", "adm", "{\"version\":1}").statusCode());
        JsonNode v2 = json(send("POST", "/models/" + name + "/promote", "adm", "{\"version\":2}"));
        assertEquals(v2.toString(), "adm", v2.path("metadata").path("promotedBy").asText());
        assertEquals("promote", v2.path("metadata").path("promotedHow").asText());
        JsonNode back = json(send("POST", "/models/" + name + "/rollback", "adm", "{}"));
        assertEquals(1, back.path("version").asInt());
        assertEquals("rollback", back.path("metadata").path("promotedHow").asText());
        assertEquals("adm", store.version(name, 2).orElseThrow().metadata().get("demotedBy"));
        List<AuditEntry> entries = service(AuditLog.class).query(AuditQuery.all().withAction(AuditAction.MODEL));
        assertTrue(entries.toString(), entries.stream().anyMatch(e -> e.principal().equals("adm")
                && e.target().equals(name) && "rolled back".equals(e.details().get("change"))));
    }

    /** Password guessing: after the free failures, 429 with Retry-After as problem JSON; a later good login works. */
    @Test
    public void failedLoginsAreLimited() throws Exception {
        String guess = "Basic " + Base64.getEncoder().encodeToString("guesser:wrong".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = null;
        int failures = 0;
        for (; failures < 20; failures++) {
            r = send("GET", "/me", null, null, "Authorization", guess);
            if (r.statusCode() != 401) {
                break;
            }
        }
        assertEquals(r.body(), 429, r.statusCode());
        // The shipped limit: 5 free failures; the 6th is answered 401 and locks out, the 7th attempt waits.
        assertEquals("failed logins answered 401 before the lockout", 6, failures);
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
        long wait = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(r.body(), wait >= 1 && json(r).path("type").asText().endsWith("/too-many-logins"));
        // Locked out: even the right password of another user from this address waits...
        problem(send("GET", "/me", "viv", null), 429, "locked-out address");
        Thread.sleep(wait * 1000 + 200);
        // ... and after the wait it logs in, which clears this address's count.
        assertEquals(200, send("GET", "/me", "viv", null).statusCode());
        assertEquals(200, send("GET", "/me", "adm", null).statusCode());
    }

    @Test
    public void sampleRunFollowedOverServerSentEventsThenItsFiles() throws Exception {
        awaitDeployed(SAMPLE);
        HttpResponse<String> started = send("POST", "/runs", "ops", "{\"workflowId\":\"" + SAMPLE + "\"}");
        assertEquals(started.body(), 202, started.statusCode());
        String runId = json(started).path("runId").asText();
        assertEquals("ops", json(started).path("startedBy").asText());

        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(base + "/runs/" + runId + "/events"))
                .header("Authorization", basic("viv")).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String> events = new ArrayList<>();
        JsonNode end = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String event = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                    events.add(event);
                } else if (line.startsWith("data: ") && "end".equals(event)) {
                    end = JSON.readTree(line.substring(6));
                }
            }
        }
        assertEquals("snapshot", events.get(0));
        assertEquals("end", events.get(events.size() - 1));
        assertNotNull(end);
        assertEquals(events.toString(), "SUCCEEDED", end.path("status").asText());
        assertTrue("live events came: " + events, events.contains("RUN_SUCCEEDED") || events.size() == 2);

        JsonNode page = json(send("GET", "/runs?workflow=" + SAMPLE + "&status=SUCCEEDED&limit=1", "viv", null));
        assertEquals(runId, page.path("runs").path(0).path("runId").asText());
        problem(send("POST", "/runs/" + runId + "/cancel", "ops", null), 409, "cancel a finished run");

        HttpResponse<String> report = send("GET", "/runs/" + runId + "/report", "viv", null);
        assertEquals(200, report.statusCode());
        assertTrue(report.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(report.body().contains(SAMPLE));
        // Its chart links are relative to the run folder; read through the API they point at the artifacts.
        assertTrue(report.body().contains("<base href=\"artifacts/\">"));

        JsonNode run = json(send("GET", "/runs/" + runId, "viv", null));
        JsonNode chart = null;
        for (JsonNode s : run.path("stepRuns")) {
            for (JsonNode a : s.path("artifacts")) {
                if (a.path("kind").asText().equals("CHART") && chart == null) {
                    chart = a;
                }
            }
        }
        assertNotNull("the sample has a chart: " + run, chart);
        HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create(base + "/" + chart.path("href").asText()))
                .header("Authorization", basic("viv")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertEquals('P', png.body()[1]);

        JsonNode quarantine = json(send("GET", "/runs/" + runId + "/quarantine?limit=2", "viv", null));
        assertTrue("the sample quarantines malformed lines: " + quarantine, quarantine.path("total").asLong() > 0);
        assertEquals(2, quarantine.path("rows").size());
        JsonNode summary = json(send("GET", "/runs/" + runId + "/quarantine/summary", "viv", null));
        assertEquals(summary.toString(), quarantine.path("total").asLong(), summary.path("total").asLong());
        long grouped = 0;
        for (JsonNode g : summary.path("groups")) {
            grouped += g.path("rows").asLong();
            assertTrue(g.toString(), g.path("examples").size() >= 1 && !g.path("reason").asText().matches("^line \\d+.*"));
        }
        assertEquals(summary.toString(), summary.path("total").asLong(), grouped + summary.path("otherRows").asLong());

        // Who read what is in the audit log: the report, the chart, the quarantine.
        List<AuditEntry> reads = service(AuditLog.class).query(AuditQuery.all().withAction(AuditAction.READ));
        for (String what : new String[] {"report", "artifact", "quarantine", "quarantine-summary"}) {
            assertTrue(what + " read by viv: " + reads, reads.stream().anyMatch(e -> e.target().equals(runId)
                    && e.principal().equals("viv") && e.details().containsKey(what)));
        }

        String step = chart.path("stepId").asText();
        for (String evil : new String[] {"/artifacts/..%2F..%2F..%2Fetc/users.properties",
                "/artifacts/%2e%2e/%2e%2e", "/artifacts/" + step + "/..%5c..%5cusers.properties",
                "/artifacts/" + step + "/%2e%2e", "/artifacts/..", "/artifacts/" + step + "/no-such-file.png"}) {
            HttpResponse<String> r = send("GET", "/runs/" + runId + evil, "viv", null);
            assertTrue(evil + " gave " + r.statusCode(), r.statusCode() == 400 || r.statusCode() == 404);
            assertFalse(evil + " leaked a file", r.body().contains("_g_"));
        }
        problem(send("GET", "/runs/" + runId + "/artifacts/..%2F..%2Fetc/users.properties", "viv", null), 400,
                "encoded traversal");
        problem(send("GET", "/runs/no-such-run", "viv", null), 404, "unknown run");
        assertEquals(200, send("GET", "/models", "viv", null).statusCode());
    }
}
