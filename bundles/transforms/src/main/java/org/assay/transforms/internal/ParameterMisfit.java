package org.assay.transforms.internal;

import java.util.List;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.StepFailure;

/**
 * Parameters that do not fit an input schema: a column of the wrong type, a key type mismatch,
 * a name clash. Thrown by the plans that resolve parameters against schemas, which run twice:
 * at deploy, where {@link #problem} reports it at the parameter (with line and column), and at
 * the start of a run, where {@link #failure} fails the step with the same words. Public only
 * because the plans live in sibling packages of this bundle.
 */
public final class ParameterMisfit extends Exception {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * @param parameter the parameter, or a member of one ({@code aggregations.revenue}), so the
     *                  validator points at that value; null for the parameters as a whole
     * @param message   what is wrong and the fix, without the parameter's name
     */
    public ParameterMisfit(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** The deploy-time problem. */
    public ParameterProblem problem() {
        return new ParameterProblem(parameter, getMessage());
    }

    /** The run-time failure, worded as the validator words the problem. */
    public StepFailure failure() {
        return new StepFailure(parameter == null ? getMessage() : "parameter " + parameter + ": " + getMessage());
    }

    /** A plan built from parameters and schemas that may not fit. */
    @FunctionalInterface
    public interface Plan {
        void resolve() throws ParameterMisfit;
    }

    /** The problem the plan finds, if any: for {@code check(P, inputs)}. */
    public static List<ParameterProblem> problems(Plan plan) {
        try {
            plan.resolve();
            return List.of();
        } catch (ParameterMisfit m) {
            return List.of(m.problem());
        }
    }
}
