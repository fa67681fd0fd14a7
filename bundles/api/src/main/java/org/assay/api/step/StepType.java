package org.assay.api.step;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of workflow step, registered as an OSGi service by a step bundle. The engine
 * tracks these services (whiteboard) and looks them up by {@link StepDescriptor#typeId()}.
 *
 * <p>Implementations are shared and called from many threads; they hold no per-run state.
 * Everything a run needs lives in the {@link Step} returned by {@link #newStep()}.
 */
@ConsumerType
public interface StepType {

    /** Service property under which a step type registers its type id, for filters. */
    String TYPE_PROPERTY = "assay.step.type";

    /** Describes the step: identity, documentation, parameters and ports. Must be constant. */
    StepDescriptor descriptor();

    /** A fresh step for one run. Never shared between runs. */
    Step newStep();

    /**
     * Checks that go beyond what the parameter specs can say (one parameter depending on
     * another, a class name that must exist). Called when a workflow is validated, before it
     * runs.
     *
     * @return plain-language problems, each naming the parameter; empty when all is well
     */
    default List<String> validate(Parameters parameters) {
        return List.of();
    }
}
