package org.assay.engine;

import java.time.Instant;
import java.util.List;

/**
 * A file of the workflow folder that deploys nothing: it failed validation on first sight,
 * or claims a workflow id another file owns. An invalid edit of the file that owns a
 * deployed workflow is not one of these: it shows as {@link DeployedWorkflow#lastRejected()}.
 *
 * @param origin     the file's path
 * @param workflowId the id the file names, or null when it names none (e.g. not JSON)
 * @param rejectedAt when it was last rejected
 * @param problems   why, at least one
 */
public record RejectedWorkflow(String origin, String workflowId, Instant rejectedAt,
        List<ValidationProblem> problems) {
}
