package org.assay.api.workflow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed workflow JSON document. Immutable. Whether it is valid (types installed, graph
 * acyclic, parameters right) is the engine's to decide; this is only its shape.
 *
 * @param format      format version of the JSON ({@link #CURRENT_FORMAT})
 * @param id          unique id, lower case with dashes
 * @param name        human title
 * @param description what the workflow is for
 * @param schedule    a cron expression, or null when it only runs on demand
 * @param steps       steps in document order
 * @param purpose     what the workflow uses personal data for (e.g. {@code marketing},
 *                    {@code analytics}), or null when it declares none; steps such as
 *                    {@code consent-filter} keep only the rows of people who agreed to it
 */
public record WorkflowDefinition(int format, String id, String name, String description, String schedule,
        List<StepDefinition> steps, String purpose) {

    /** The format version this API reads and writes. */
    public static final int CURRENT_FORMAT = 1;

    public WorkflowDefinition {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        description = description == null ? "" : description;
        steps = List.copyOf(steps);
    }

    /** A workflow that declares no purpose. */
    public WorkflowDefinition(int format, String id, String name, String description, String schedule,
            List<StepDefinition> steps) {
        this(format, id, name, description, schedule, steps, null);
    }

    public Optional<StepDefinition> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }
}
