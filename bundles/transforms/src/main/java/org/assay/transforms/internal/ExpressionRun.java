package org.assay.transforms.internal;

import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;
import org.assay.transforms.internal.expr.Expression;
import org.assay.transforms.internal.expr.ExpressionCompiler;
import org.assay.transforms.internal.expr.ExpressionException;

/** Compiling a parameter's expression at the start of a run, against the input's real schema. */
final class ExpressionRun {

    private ExpressionRun() {
    }

    /**
     * @param parameter how the expression is named in messages: "expression", "columns.total"
     * @throws StepFailure when it does not compile or names a column the input lacks
     */
    static Expression compile(String parameter, String source, Schema input) throws StepFailure {
        Expression e;
        try {
            e = ExpressionCompiler.compile(source);
        } catch (ExpressionException bad) {
            throw new StepFailure("parameter " + parameter + ": " + bad.getMessage());
        }
        String missing = e.unknownColumn(input).orElse(null);
        if (missing != null) {
            throw new StepFailure("parameter " + parameter + ": the expression reads "
                    + ColumnNotFound.message(missing, input, "the input") + ". Correct the name in '" + source + "'.");
        }
        return e;
    }
}
