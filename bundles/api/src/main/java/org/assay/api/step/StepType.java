package org.assay.api.step;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Schema;
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

    /**
     * The structured form of {@link #validate}: each problem names its parameter, so the
     * validator reports it at {@code $.steps[i].params.<name>}. The engine calls this one; the
     * default wraps {@link #validate}'s messages as problems of the parameters as a whole.
     */
    default List<ParameterProblem> check(Parameters parameters) {
        return validate(parameters).stream().map(ParameterProblem::general).toList();
    }

    /**
     * Checks that need the input schemas (an expression's columns, a join's key types), made
     * by the validator at deploy when the schemas of the connected inputs are known, and by
     * {@code StepTestRunner} with the schemas it is fed. Reported like {@link #check}. Never
     * throws for bad input.
     *
     * @param inputs schema per connected dataset input whose schema is known
     */
    default List<ParameterProblem> checkWithInputs(Parameters parameters, Map<String, Schema> inputs) {
        return List.of();
    }

    /**
     * The design-time schema of each output, given the parameters and the schemas of the
     * connected dataset inputs (KNIME's {@code configure}). The validator walks the workflow in
     * order with these and checks every column parameter ({@link ColumnRule}) against them
     * before anything runs. Called at deploy time on the validating thread: no I/O beyond a
     * bounded peek (a file header), never an exception for bad input (return empty).
     *
     * @param inputs schema per connected dataset input; an input whose schema is unknown is absent
     * @return schema per dataset output, or empty when the step cannot tell (unknown switches the
     *         checks off downstream); the default
     */
    default Optional<Map<String, Schema>> outputSchemas(Parameters parameters, Map<String, Schema> inputs) {
        return Optional.empty();
    }

    /**
     * {@link #outputSchemas(Parameters, Map)} for a step that needs to peek at a file (a source
     * reading a CSV header). The validator calls this one; the default ignores the context.
     */
    default Optional<Map<String, Schema>> outputSchemas(Parameters parameters, Map<String, Schema> inputs,
            DesignContext context) {
        return outputSchemas(parameters, inputs);
    }
}
