package org.assay.rest.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.assay.api.model.ModelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** /models: the model store's versions, champion promotion and rollback. */
final class ModelsApi {

    private static final Logger LOG = LoggerFactory.getLogger(ModelsApi.class);

    private final ModelStoreAccess store;

    ModelsApi(ModelStoreAccess store) {
        this.store = store;
    }

    void register(Routes r) {
        r.add("GET", "/models", Role.VIEWER, this::list);
        r.add("GET", "/models/{name}", Role.VIEWER, this::show);
        r.add("GET", "/models/{name}/versions/{version}", Role.VIEWER, this::version);
        r.add("POST", "/models/{name}/promote", Role.ADMIN, this::promote);
        r.add("POST", "/models/{name}/rollback", Role.ADMIN, this::rollback);
    }

    private void list(Exchange ex) throws IOException {
        ArrayNode a = Json.array();
        for (String name : store.names()) {
            List<ModelStore.Version> versions = store.versions(name);
            ObjectNode o = a.addObject().put("name", name).put("versions", versions.size());
            o.putNull("champion");
            versions.stream().filter(ModelStore.Version::champion).findFirst()
                    .ifPresent(v -> o.put("champion", v.version()));
        }
        ex.json(a);
    }

    private List<ModelStore.Version> versions(String name) throws IOException {
        List<ModelStore.Version> versions = store.versions(name);
        if (versions.isEmpty()) {
            throw ApiProblem.notFound("no model '" + name + "' in the store; see GET /models");
        }
        return versions;
    }

    private void show(Exchange ex) throws IOException {
        String name = ex.param("name");
        ObjectNode o = Json.object().put("name", name);
        ArrayNode a = o.putArray("versions");
        versions(name).forEach(v -> a.add(view(v)));
        ex.json(o);
    }

    private void version(Exchange ex) throws IOException {
        String name = ex.param("name");
        int n = WorkflowsApi.number(ex.param("version"), "version");
        versions(name);
        ex.json(view(store.version(name, n).orElseThrow(() -> ApiProblem.notFound(
                "model '" + name + "' has no version " + n + "; see GET /models/" + name))));
    }

    private void promote(Exchange ex) throws IOException {
        String name = ex.param("name");
        Bodies.Promote body = ex.jsonBody(Bodies.Promote.class);
        versions(name);
        ModelStore.Version v = store.promote(name, body.version(), ex.principal());
        LOG.info("Model {} v{} promoted to champion by {} over REST", name, v.version(), ex.principal());
        ex.json(view(v));
    }

    private void rollback(Exchange ex) throws IOException {
        String name = ex.param("name");
        byte[] body = ex.jsonBody();
        if (body.length > 0) {
            Json.read(body, Empty.class);
        }
        versions(name);
        ModelStore.Version v = store.rollback(name, ex.principal());
        LOG.info("Model {} rolled back to champion v{} by {} over REST", name, v.version(), ex.principal());
        ex.json(view(v));
    }

    /** A body with no fields: {@code {}}. */
    record Empty() {
    }

    private static ObjectNode view(ModelStore.Version v) {
        ObjectNode o = Json.object();
        o.put("name", v.name());
        o.put("version", v.version());
        o.put("created", Json.time(v.created()));
        o.put("champion", v.champion());
        ObjectNode meta = o.putObject("metadata");
        v.metadata().forEach(meta::put);
        return o;
    }
}
