package org.assay.api.step;

import java.util.Objects;

/**
 * A problem with a step's parameters, found before the step runs. The validator reports it at
 * {@code $.steps[i].params.<parameter>} with line and column, or at {@code $.steps[i].params}
 * when it concerns no single parameter.
 *
 * @param parameter the parameter's name, or null for the parameters as a whole
 * @param message   plain language: what is wrong and how to fix it, without the parameter's
 *                  name as a prefix (the engine adds the location)
 */
public record ParameterProblem(String parameter, String message) {

    public ParameterProblem {
        Objects.requireNonNull(message, "message");
    }

    public static ParameterProblem of(String parameter, String message) {
        return new ParameterProblem(parameter, message);
    }

    /** A problem of the parameters as a whole. */
    public static ParameterProblem general(String message) {
        return new ParameterProblem(null, message);
    }
}
