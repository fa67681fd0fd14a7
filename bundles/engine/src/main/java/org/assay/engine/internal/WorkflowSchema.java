package org.assay.engine.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

import org.assay.api.step.ParameterSpec;
import org.assay.api.step.StepDescriptor;
import org.assay.api.workflow.WorkflowDefinition;

/**
 * Generates the JSON Schema (draft 2020-12) of workflow documents from the installed step
 * descriptors. Nobody keeps a schema by hand: a new step bundle extends it on arrival.
 */
final class WorkflowSchema {

    static final String ID_PATTERN = "^[a-z0-9][a-z0-9_-]*$";
    static final String PURPOSE_PATTERN = "^[a-z][a-z0-9-]{0,39}$";

    private static final JsonNodeFactory NF = JsonNodeFactory.instance;

    private WorkflowSchema() {
    }

    static ObjectNode generate(List<StepDescriptor> types) {
        ObjectNode root = NF.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://assay.org/schema/workflow-" + WorkflowDefinition.CURRENT_FORMAT + ".json");
        root.put("title", "Assay workflow");
        root.put("type", "object");
        root.set("required", array("format", "id", "steps"));
        root.put("additionalProperties", false);
        ObjectNode props = root.putObject("properties");
        props.putObject("format").put("const", WorkflowDefinition.CURRENT_FORMAT)
                .put("description", "Format version of this document.");
        props.putObject("id").put("type", "string").put("pattern", ID_PATTERN)
                .put("description", "Unique workflow id: lower case letters, digits, '-' and '_'.");
        props.putObject("name").put("type", "string");
        props.putObject("description").put("type", "string");
        props.putObject("schedule").put("type", "string")
                .put("description", "Optional cron expression (Quartz syntax) for scheduled runs.");
        props.putObject("purpose").put("type", "string").put("pattern", PURPOSE_PATTERN)
                .put("description", "What the workflow uses personal data for, e.g. marketing or analytics: "
                        + "lower case letters, digits and '-'. consent-filter keeps the rows of people who agreed to it.");
        ObjectNode steps = props.putObject("steps");
        steps.put("type", "array").put("minItems", 1);
        ObjectNode step = steps.putObject("items");
        step.put("type", "object");
        step.set("required", array("id", "type"));
        step.put("additionalProperties", false);
        ObjectNode sp = step.putObject("properties");
        sp.putObject("id").put("type", "string").put("pattern", ID_PATTERN);
        sp.putObject("type").put("type", "string").put("description", "A step type id, see assay:step-list.");
        sp.putObject("params").put("type", "object");
        ObjectNode inputs = sp.putObject("inputs");
        inputs.put("type", "object");
        inputs.putObject("additionalProperties").put("type", "string")
                .put("description", "Upstream step id, or step.port");
        sp.putObject("description").put("type", "string");

        ArrayNode perType = step.putArray("allOf");
        for (StepDescriptor d : types) {
            ObjectNode rule = perType.addObject();
            rule.putObject("if").putObject("properties").putObject("type").put("const", d.typeId());
            rule.putObject("then").putObject("properties").set("params", params(d));
        }
        return root;
    }

    static ObjectNode params(StepDescriptor d) {
        ObjectNode o = NF.objectNode();
        o.put("type", "object");
        o.put("description", d.title());
        o.put("additionalProperties", false);
        ObjectNode props = o.putObject("properties");
        ArrayNode required = NF.arrayNode();
        for (ParameterSpec p : d.parameters()) {
            ObjectNode s = props.putObject(p.name());
            s.put("description", p.description());
            switch (p.type()) {
                case STRING, INPUT_PATH, OUTPUT_PATH -> s.put("type", "string");
                case INTEGER -> s.put("type", "integer");
                case DECIMAL -> s.put("type", "number");
                case BOOLEAN -> s.put("type", "boolean");
                case ENUM -> {
                    s.put("type", "string");
                    ArrayNode e = s.putArray("enum");
                    p.allowedValues().forEach(e::add);
                }
                case STRING_LIST -> s.put("type", "array").putObject("items").put("type", "string");
                case STRING_MAP -> s.put("type", "object").putObject("additionalProperties").put("type", "string");
            }
            if (p.minimum() != null) {
                s.put("minimum", p.minimum());
            }
            if (p.maximum() != null) {
                s.put("maximum", p.maximum());
            }
            if (p.defaultValue() != null) {
                s.set("default", JsonValues.toNode(p.defaultValue()));
            }
            if (p.required()) {
                required.add(p.name());
            }
        }
        if (!required.isEmpty()) {
            o.set("required", required);
        }
        return o;
    }

    private static ArrayNode array(String... values) {
        ArrayNode a = NF.arrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

}
