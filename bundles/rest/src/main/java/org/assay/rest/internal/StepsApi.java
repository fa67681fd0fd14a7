package org.assay.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.assay.api.step.ParameterSpec;
import org.assay.api.step.PortKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.ReadMode;
import org.assay.api.step.StepDescriptor;
import org.assay.engine.StepCatalog;
import org.assay.engine.StepTypeInfo;

/**
 * /steps: the installed step types with their generated documentation and the JSON Schema of
 * their parameters, taken from the engine's workflow schema so the two never disagree.
 */
final class StepsApi {

    private final StepCatalog catalog;

    StepsApi(StepCatalog catalog) {
        this.catalog = catalog;
    }

    void register(Routes r) {
        r.add("GET", "/steps", Role.VIEWER, this::list);
        r.add("GET", "/steps/schema", Role.VIEWER, ex -> ex.text("application/schema+json", catalog.workflowJsonSchema()));
        r.add("GET", "/steps/{type}", Role.VIEWER, this::show);
    }

    private void list(Exchange ex) throws IOException {
        ArrayNode a = Json.array();
        catalog.list().forEach(t -> a.add(summary(t)));
        ex.json(a);
    }

    private void show(Exchange ex) throws IOException {
        String type = ex.param("type");
        StepTypeInfo info = catalog.get(type).orElseThrow(() -> ApiProblem.notFound(
                "no step type '" + type + "' is installed; see GET /steps"));
        StepDescriptor d = info.descriptor();
        ObjectNode o = summary(info);
        ArrayNode inputs = o.putArray("inputs");
        d.inputs().forEach(p -> inputs.add(port(p, true)));
        ArrayNode outputs = o.putArray("outputs");
        d.outputs().forEach(p -> outputs.add(port(p, false)));
        ArrayNode params = o.putArray("parameters");
        for (ParameterSpec p : d.parameters()) {
            ObjectNode x = params.addObject();
            x.put("name", p.name());
            x.put("type", p.type().jsonName());
            x.put("required", p.required());
            x.set("default", Json.MAPPER.valueToTree(p.defaultValue()));
            x.put("description", p.description());
            ArrayNode allowed = x.putArray("allowedValues");
            p.allowedValues().forEach(allowed::add);
            x.put("minimum", p.minimum());
            x.put("maximum", p.maximum());
        }
        o.set("parameterSchema", parameterSchema(catalog.workflowJsonSchema(), d.typeId()));
        ex.json(o);
    }

    private static ObjectNode summary(StepTypeInfo t) {
        StepDescriptor d = t.descriptor();
        ObjectNode o = Json.object();
        o.put("type", d.typeId());
        o.put("title", d.title());
        o.put("category", d.category().jsonName());
        o.put("version", t.version());
        o.put("bundle", t.bundleSymbolicName() + " " + t.bundleVersion());
        o.put("description", d.description());
        ArrayNode tags = o.putArray("tags");
        d.tags().forEach(tags::add);
        return o;
    }

    private static ObjectNode port(PortSpec p, boolean input) {
        ObjectNode o = Json.object();
        o.put("name", p.name());
        o.put("kind", p.kind().jsonName());
        o.put("description", p.description());
        if (input) {
            if (p.kind() == PortKind.DATASET) {
                o.put("reads", p.reads() == ReadMode.ONCE ? "once" : "several");
            }
            o.put("optional", p.optional());
        }
        return o;
    }

    /**
     * The {@code params} schema of one step type in the workflow schema: the {@code then} of
     * the {@code allOf} rule whose {@code if} names the type.
     */
    static JsonNode parameterSchema(String workflowSchema, String typeId) throws IOException {
        JsonNode root = Json.MAPPER.readTree(workflowSchema);
        for (JsonNode rule : root.path("properties").path("steps").path("items").path("allOf")) {
            if (typeId.equals(rule.path("if").path("properties").path("type").path("const").asText(null))) {
                JsonNode params = rule.path("then").path("properties").path("params");
                ObjectNode out = Json.object();
                out.put("$schema", "https://json-schema.org/draft/2020-12/schema");
                out.setAll((ObjectNode) params);
                return out;
            }
        }
        return Json.object();
    }
}
