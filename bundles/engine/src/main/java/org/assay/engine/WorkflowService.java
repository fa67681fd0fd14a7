package org.assay.engine;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Validates and deploys workflow documents. Thread-safe. */
@ProviderType
public interface WorkflowService {

    /**
     * Checks a workflow document against the installed step types without deploying it.
     *
     * @param json   the document
     * @param origin a name for messages (file path)
     * @return errors and warnings found; no error means it would deploy
     */
    List<ValidationProblem> validate(String json, String origin);

    /**
     * Validates and deploys a document as the new active version of its workflow id.
     * An invalid document changes nothing: the previous version stays active, and the
     * rejection is remembered on it ({@link DeployedWorkflow#lastRejected()}).
     *
     * @throws WorkflowRejectedException with every problem, when invalid
     */
    DeployedWorkflow deploy(String json, String origin) throws WorkflowRejectedException;

    /** Removes a workflow; its runs and their records stay. @return whether it existed */
    boolean undeploy(String workflowId);

    List<DeployedWorkflow> list();

    Optional<DeployedWorkflow> get(String workflowId);

    /** The source text of the active version. */
    Optional<String> source(String workflowId);
}
