package org.assay.transforms.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.assay.transforms.internal.expr.Expression;
import org.assay.transforms.internal.expr.ExpressionCompiler;
import org.assay.transforms.internal.expr.ExpressionException;
import org.osgi.service.component.annotations.Component;

/** The {@code filter} step type: keeps the rows where an expression is true. */
@Component(service = StepType.class)
@AssayStepType("filter")
public final class FilterStepType extends TypedStepType<FilterParameters> {

    public FilterStepType() {
        super(FilterParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.TRANSFORM).title("Filter rows").tags("filter", "where", "expression")
                .description("Keeps the rows where the expression is true, in their order, in one pass. Rows where "
                        + "it is false or null are counted as filtered; a row where it fails (a division by zero, "
                        + "a function given the wrong type) or gives something other than true or false goes to "
                        + "quarantine with the expression and the reason. " + ExpressionDocs.LANGUAGE)
                .input(PortSpec.streamed(PortSpec.IN, "Rows to filter."))
                .output(PortSpec.OUT, "The rows where the expression is true, with the input's columns.");
    }

    @Override
    protected Step newStep(FilterParameters p) {
        return new FilterStep(p);
    }

    /**
     * The expression must read only columns the input has, give its operators and functions
     * operands they take, and be true or false: checked at deploy when the input's schema is known.
     */
    @Override
    protected List<ParameterProblem> check(FilterParameters p, Map<String, Schema> inputs) {
        return ExpressionCheck.problems("expression", p.expression(), inputs.get(PortSpec.IN), FieldType.BOOLEAN);
    }

    /**
     * The input's schema; unknown (so the engine cannot vouch for it) when the expression names a
     * column the input lacks: the run then fails at its start with the column named.
     */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(FilterParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null) {
            return Optional.empty();
        }
        try {
            Expression e = ExpressionCompiler.compile(p.expression());
            return e.unknownColumn(in).isPresent() ? Optional.empty() : Optional.of(Map.of(PortSpec.OUT, in));
        } catch (ExpressionException e) {
            return Optional.empty();
        }
    }
}
