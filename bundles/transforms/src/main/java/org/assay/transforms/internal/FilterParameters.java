package org.assay.transforms.internal;

import java.util.List;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Param;
import org.assay.transforms.internal.expr.ExpressionCompiler;
import org.assay.transforms.internal.expr.ExpressionException;

/** The parameters of {@code filter}. */
record FilterParameters(
        @Param(description = "A boolean expression over the columns; rows where it is true are kept, rows where it "
                + "is false or null are dropped and counted as filtered. E.g. \"orders > 0 && lower(country) == "
                + "'no'\". See the expression language in the docs.")
        String expression) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        try {
            ExpressionCompiler.compile(expression);
            return List.of();
        } catch (ExpressionException e) {
            return List.of(ParameterProblem.of("expression", e.getMessage()));
        }
    }
}
