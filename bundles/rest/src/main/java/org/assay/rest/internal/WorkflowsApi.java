package org.assay.rest.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assay.engine.CronSchedule;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.RejectedWorkflow;
import org.assay.engine.ValidationProblem;
import org.assay.engine.WorkflowRejectedException;
import org.assay.engine.WorkflowService;
import org.assay.engine.WorkflowVersion;

/** /workflows: list, source, versions and diffs, validate, deploy and undeploy. */
final class WorkflowsApi {

    /** The engine's workflow id rule, checked here too so a bad id gets a 400 rather than a 404. */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("^[a-z0-9][a-z0-9_-]*$");

    private final WorkflowService workflows;
    WorkflowsApi(WorkflowService workflows) {
        this.workflows = workflows;
    }

    void register(Routes r) {
        r.add("GET", "/workflows", Role.VIEWER, this::list);
        r.add("POST", "/workflows", Role.ADMIN, this::deploy);
        r.add("POST", "/workflows/validate", Role.VIEWER, this::validate);
        r.add("GET", "/workflows/{id}", Role.VIEWER, ex -> ex.json(view(deployed(ex))));
        r.add("DELETE", "/workflows/{id}", Role.ADMIN, this::undeploy);
        r.add("GET", "/workflows/{id}/source", Role.VIEWER, ex -> ex.text("application/json",
                workflows.source(deployed(ex).id()).orElseThrow(() -> notDeployed(ex.param("id")))));
        r.add("GET", "/workflows/{id}/versions", Role.VIEWER, this::versions);
        r.add("GET", "/workflows/{id}/versions/{version}", Role.VIEWER,
                ex -> ex.text("application/json", source(ex.param("id"), number(ex.param("version"), "version"))));
        r.add("GET", "/workflows/{id}/diff", Role.VIEWER, this::diff);
    }

    private DeployedWorkflow deployed(Exchange ex) {
        String id = ex.param("id");
        return workflows.get(id).orElseThrow(() -> notDeployed(id));
    }

    private static ApiProblem notDeployed(String id) {
        return ApiProblem.notFound("no workflow '" + id + "' is deployed; see GET /workflows");
    }

    private static ObjectNode view(DeployedWorkflow d) {
        String text = null;
        if (d.definition().schedule() != null) {
            try {
                text = CronSchedule.parse(d.definition().schedule()).description();
            } catch (IllegalArgumentException e) {
                text = null;
            }
        }
        return Views.workflow(d, text);
    }

    private void list(Exchange ex) throws IOException {
        ObjectNode o = Json.object();
        ArrayNode list = o.putArray("workflows");
        workflows.list().forEach(d -> list.add(view(d)));
        ArrayNode rejected = o.putArray("rejected");
        for (RejectedWorkflow r : workflows.rejected()) {
            rejected.addObject().put("origin", r.origin()).put("workflowId", r.workflowId())
                    .put("rejectedAt", Json.time(r.rejectedAt())).set("problems", Views.problems(r.problems()));
        }
        ex.json(o);
    }

    /** The body as workflow text: JSON, within the size limit; its syntax is the engine's to report. */
    private static String document(Exchange ex) throws IOException {
        byte[] body = ex.jsonBody();
        if (body.length == 0) {
            throw new ApiProblem(400, "malformed-json", "Malformed JSON", "send the workflow document as the body");
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String origin(Exchange ex) {
        return "rest:" + ex.principal();
    }

    private void validate(Exchange ex) throws IOException {
        List<ValidationProblem> problems = workflows.validate(document(ex), origin(ex));
        ObjectNode o = Json.object();
        o.put("valid", problems.stream().noneMatch(ValidationProblem::isError));
        o.set("problems", Views.problems(problems));
        ex.json(o);
    }

    private void deploy(Exchange ex) throws IOException {
        String json = document(ex);
        try {
            Integer before = previousVersion(json);
            DeployedWorkflow d = workflows.deploy(json, origin(ex), ex.principal());
            ex.response().setHeader("Location", ApiContext.PATH + "/workflows/" + d.id());
            ex.json(before == null || before != d.version() ? 201 : 200, view(d));
        } catch (WorkflowRejectedException e) {
            ApiProblem p = new ApiProblem(422, "invalid-workflow", "Invalid workflow",
                    e.origin() + " is not a valid workflow (" + e.problems().size()
                            + (e.problems().size() == 1 ? " problem" : " problems")
                            + "); the active version, if any, is unchanged");
            p.extra().set("problems", Views.problems(e.problems()));
            throw p;
        }
    }

    /** The active version of the id the document names, or null; a broken document is the engine's to report. */
    private Integer previousVersion(String json) {
        try {
            String id = Json.MAPPER.readTree(json).path("id").asText(null);
            return id == null ? null : workflows.get(id).map(DeployedWorkflow::version).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void undeploy(Exchange ex) {
        String id = ex.param("id");
        if (!workflows.undeploy(id, ex.principal())) {
            throw notDeployed(id);
        }
        ex.noContent();
    }

    private void versions(Exchange ex) throws IOException {
        String id = checkedId(ex.param("id"));
        List<WorkflowVersion> list = workflows.versions(id);
        if (list.isEmpty()) {
            throw ApiProblem.notFound("workflow '" + id + "' has no stored versions");
        }
        ArrayNode a = Json.array();
        for (WorkflowVersion v : list) {
            ObjectNode o = a.addObject().put("version", v.version()).put("active", v.active());
            // Versions stored before the engine kept this per version know neither.
            if (v.deployedAt() != null) {
                o.put("deployedAt", Json.time(v.deployedAt())).put("deployedBy", v.deployedBy());
            }
            if (v.origin() != null) {
                o.put("origin", v.origin());
            }
        }
        ex.json(a);
    }

    private static String checkedId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ApiProblem.badRequest("'" + id + "' is not a workflow id: lower case letters, digits, '-' and '_'");
        }
        return id;
    }

    private String source(String id, int version) {
        return workflows.source(checkedId(id), version).orElseThrow(() -> ApiProblem.notFound(
                "workflow '" + id + "' has no version " + version + "; see GET /workflows/" + id + "/versions"));
    }

    private void diff(Exchange ex) throws IOException {
        String id = ex.param("id");
        if (ex.query("from") == null || ex.query("to") == null) {
            throw ApiProblem.badRequest("name the two versions: ?from=1&to=2");
        }
        int from = number(ex.query("from"), "from");
        int to = number(ex.query("to"), "to");
        List<LineDiff.Line> lines = LineDiff.diff(source(id, from), source(id, to));
        ObjectNode o = Json.object();
        o.put("from", from);
        o.put("to", to);
        ArrayNode a = o.putArray("lines");
        lines.forEach(l -> a.addObject().put("op", String.valueOf(l.op())).put("text", l.text()));
        o.put("unified", LineDiff.unified("v" + from, "v" + to, lines));
        ex.json(o);
    }

    static int number(String text, String name) {
        String t = text.startsWith("v") ? text.substring(1) : text;
        try {
            int n = Integer.parseInt(t);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiProblem.badRequest(name + " must be a version number such as 2 (or v2), not '" + text + "'");
    }
}
