package org.assay.engine;

import java.time.Instant;
import java.util.List;
import org.assay.api.workflow.WorkflowDefinition;

/**
 * The active version of a deployed workflow.
 *
 * @param definition   the parsed document
 * @param version      1 for the first deployment, +1 for each accepted change
 * @param origin       where it came from: a file path or "shell"
 * @param deployedAt   when this version became active
 * @param warnings     warnings of this version (e.g. step types not installed yet)
 * @param lastRejected problems of the most recent rejected edit since this version, empty if none
 */
public record DeployedWorkflow(WorkflowDefinition definition, int version, String origin, Instant deployedAt,
        List<ValidationProblem> warnings, List<ValidationProblem> lastRejected) {

    public String id() {
        return definition.id();
    }
}
