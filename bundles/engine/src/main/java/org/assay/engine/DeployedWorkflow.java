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
 * @param deployedBy   who deployed this version: a Karaf user name, or {@value RunService#SYSTEM} (the
 *                     workflow folder, or a version deployed before principals were kept)
 */
public record DeployedWorkflow(WorkflowDefinition definition, int version, String origin, Instant deployedAt,
        List<ValidationProblem> warnings, List<ValidationProblem> lastRejected, String deployedBy) {

    public DeployedWorkflow {
        deployedBy = deployedBy == null || deployedBy.isBlank() ? RunService.SYSTEM : deployedBy;
    }

    /** A version deployed by {@value RunService#SYSTEM}. */
    public DeployedWorkflow(WorkflowDefinition definition, int version, String origin, Instant deployedAt,
            List<ValidationProblem> warnings, List<ValidationProblem> lastRejected) {
        this(definition, version, origin, deployedAt, warnings, lastRejected, RunService.SYSTEM);
    }

    public String id() {
        return definition.id();
    }
}
