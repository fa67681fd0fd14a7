package org.assay.engine;

import java.io.IOException;
import java.nio.file.Path;
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
    default DeployedWorkflow deploy(String json, String origin) throws WorkflowRejectedException {
        return deploy(json, origin, RunService.SYSTEM);
    }

    /**
     * Deploys as {@link #deploy(String, String)} does, on behalf of a principal, whom the
     * deployment keeps ({@link DeployedWorkflow#deployedBy()}).
     *
     * @param principal a Karaf user name; null or blank means {@value RunService#SYSTEM}
     * @throws WorkflowRejectedException with every problem, when invalid
     */
    DeployedWorkflow deploy(String json, String origin, String principal) throws WorkflowRejectedException;

    /**
     * Reads a workflow file (refusing one over the size limit before reading it, or one that
     * is not UTF-8 text) and deploys it as {@link #deploy(String, String)} does, with the
     * file's path as origin. A workflow id belongs to the file it was deployed from while
     * that file exists and names it: another file with the same id is rejected, naming both.
     *
     * @throws WorkflowRejectedException when the file is refused or invalid
     * @throws IOException               when it cannot be read
     */
    default DeployedWorkflow deployFile(Path file) throws WorkflowRejectedException, IOException {
        return deployFile(file, RunService.SYSTEM);
    }

    /**
     * Deploys a file as {@link #deployFile(Path)} does, on behalf of a principal.
     *
     * @param principal a Karaf user name; null or blank means {@value RunService#SYSTEM}
     * @throws WorkflowRejectedException when the file is refused or invalid
     * @throws IOException               when it cannot be read
     */
    DeployedWorkflow deployFile(Path file, String principal) throws WorkflowRejectedException, IOException;

    /**
     * Checks a file as {@link #validate(String, String)} does, after the checks of reading it
     * ({@link #deployFile(Path)}).
     *
     * @throws IOException when it cannot be read
     */
    List<ValidationProblem> validateFile(Path file) throws IOException;

    /** Files of the workflow folder that deploy nothing, by path; see {@link RejectedWorkflow}. */
    List<RejectedWorkflow> rejected();

    /** Removes a workflow on behalf of {@value RunService#SYSTEM}. @return whether it existed */
    default boolean undeploy(String workflowId) {
        return undeploy(workflowId, RunService.SYSTEM);
    }

    /**
     * Removes a workflow; its runs and their records stay. Who removed it is logged and kept
     * beside its stored versions ({@code undeployed.json} in its deployment folder).
     *
     * @param principal a Karaf user name; null or blank means {@value RunService#SYSTEM}
     * @return whether it existed
     */
    boolean undeploy(String workflowId, String principal);

    List<DeployedWorkflow> list();

    Optional<DeployedWorkflow> get(String workflowId);

    /** The source text of the active version. */
    Optional<String> source(String workflowId);

    /**
     * Every stored version of a workflow, oldest first, deployed or not (an undeployed
     * workflow keeps its versions).
     *
     * @param workflowId a workflow id; one that breaks the id rule (lower case letters, digits,
     *                   '-' and '_') names no workflow
     * @return empty when no version of the id was ever deployed
     * @throws java.io.UncheckedIOException when the stored versions cannot be read
     * @since 1.5
     */
    List<WorkflowVersion> versions(String workflowId);

    /**
     * The source text of one stored version, as it was deployed.
     *
     * @return empty when the workflow has no such version (see {@link #versions(String)})
     * @throws java.io.UncheckedIOException when the stored version cannot be read
     * @since 1.5
     */
    Optional<String> source(String workflowId, int version);

    /**
     * The design-time schema of every step's outputs in the active version, as the deploy-time
     * checks see them with the step types installed now (KNIME's {@code configure}): what the
     * dashboard, editors and {@code assay:workflow-show --schemas} show as each step's columns.
     * Computed on each call, on the calling thread; it reads no data (a step type may peek at a
     * file header).
     *
     * @return one entry per step, in the workflow's order; empty when no workflow has the id
     */
    Optional<List<StepSchemas>> outputSchemas(String workflowId);
}
