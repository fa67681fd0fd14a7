package org.assay.engine;

import java.time.Instant;

/**
 * One stored version of a workflow. Every accepted deployment is kept, also after the
 * workflow is undeployed, so versions can be listed, read and compared.
 *
 * @param version    1 for the first deployment, +1 for each accepted change
 * @param active     whether this is the active version now (false for all once undeployed)
 * @param deployedAt when it was deployed; null for a version stored before the engine kept
 *                   this per version (only the active one was remembered then)
 * @param deployedBy who deployed it (a Karaf user name or {@value RunService#SYSTEM}); null
 *                   when {@code deployedAt} is
 * @param origin     where it came from (a file path, "shell", "rest"); null when unknown
 */
public record WorkflowVersion(int version, boolean active, Instant deployedAt, String deployedBy, String origin) {
}
