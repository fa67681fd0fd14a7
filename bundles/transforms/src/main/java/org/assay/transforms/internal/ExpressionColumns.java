package org.assay.transforms.internal;

import java.util.List;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.Schema;
import org.assay.api.step.ParameterProblem;
import org.assay.transforms.internal.expr.Expression;
import org.assay.transforms.internal.expr.ExpressionCompiler;
import org.assay.transforms.internal.expr.ExpressionException;

/** The deploy-time check that an expression reads only columns its input has. Stateless. */
final class ExpressionColumns {

    private ExpressionColumns() {
    }

    /**
     * A problem at {@code parameter} for the first column the expression reads that the input
     * lacks; none when the schema is unknown (null) or the expression does not compile (the
     * parameter check reports that).
     */
    static List<ParameterProblem> problems(String parameter, String expression, Schema input) {
        if (input == null) {
            return List.of();
        }
        Expression e;
        try {
            e = ExpressionCompiler.compile(expression);
        } catch (ExpressionException bad) {
            return List.of();
        }
        return e.unknownColumn(input).map(c -> List.of(ParameterProblem.of(parameter, "the expression '" + expression
                + "' reads " + ColumnNotFound.message(c, input, "the input")))).orElse(List.of());
    }
}
