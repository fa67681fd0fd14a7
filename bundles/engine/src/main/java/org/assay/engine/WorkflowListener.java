package org.assay.engine;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told about deployments: register one and the engine calls
 * {@link #deployed} for every active workflow at once, then on each change. Used by the
 * scheduler; calls come from the deploying thread and must return quickly.
 */
@ConsumerType
public interface WorkflowListener {

    /** A workflow became active, in its first or a new version. */
    void deployed(DeployedWorkflow workflow);

    /** A workflow was removed. */
    void undeployed(String workflowId);
}
