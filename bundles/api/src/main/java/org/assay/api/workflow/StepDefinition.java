package org.assay.api.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a workflow as written in JSON.
 *
 * @param id     unique within the workflow
 * @param type   the step type id, e.g. {@code csv-reader}
 * @param params parameter values as parsed from JSON (String, Long, Double, Boolean, List, Map)
 * @param inputs input port name to upstream output
 */
public record StepDefinition(String id, String type, Map<String, Object> params, Map<String, InputRef> inputs) {

    public StepDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }
}
