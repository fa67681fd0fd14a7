package org.assay.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.assay.api.data.Schema;

/**
 * The design-time schemas of one step's outputs ({@link WorkflowService#outputSchemas}).
 *
 * @param stepId   the step's id
 * @param stepType its type id
 * @param outputs  every dataset output the step type declares, in its order, with its schema, or empty
 *                 when it is unknown (the step type cannot tell before running, an input
 *                 upstream is unknown, or the step's parameters have errors); empty when the
 *                 step type is not installed
 * @param installed whether a bundle provides the step type now
 */
public record StepSchemas(String stepId, String stepType, boolean installed, Map<String, Optional<Schema>> outputs) {

    public StepSchemas {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(stepType, "stepType");
        outputs = outputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }
}
