package org.assay.transforms.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Schema;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.assay.transforms.internal.expr.ExpressionCompiler;
import org.osgi.service.component.annotations.Component;

/** The {@code derive} step type: new or replaced columns computed from expressions. */
@Component(service = StepType.class)
@AssayStepType("derive")
public final class DeriveStepType extends TypedStepType<DeriveParameters> {

    public DeriveStepType() {
        super(DeriveParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.TRANSFORM).title("Derive columns").tags("derive", "compute", "expression", "columns")
                .description("Adds or replaces columns with values computed from expressions over each row, in one "
                        + "pass. A column's type is the declared one in types, or the one that follows from its "
                        + "expression (a comparison is boolean, / is decimal, lower() is string); the run fails "
                        + "at its start when neither gives one. A row where an expression fails or gives a value "
                        + "of another type goes to quarantine with the column, the expression and the reason. "
                        + ExpressionDocs.LANGUAGE)
                .input(PortSpec.streamed(PortSpec.IN, "Rows to compute from."))
                .output(PortSpec.OUT, "The input's columns with the derived ones replaced or appended.");
    }

    @Override
    protected Step newStep(DeriveParameters p) {
        return new DeriveStep(p);
    }

    /**
     * Each expression must read only columns the input has and give its operators and functions
     * operands they take; its result must fit the declared type, and a column without one must
     * get it from its expression. Checked at deploy, at the column's own expression, when the
     * input's schema is known.
     */
    @Override
    protected List<ParameterProblem> check(DeriveParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null) {
            return List.of();
        }
        List<ParameterProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> column : p.columns().entrySet()) {
            problems.addAll(ExpressionCheck.problems("columns." + column.getKey(), column.getValue(), in,
                    p.declaredType(column.getKey()).orElse(null)));
        }
        if (problems.isEmpty() && DerivedColumn.plan(p, in, Map.of()).isEmpty()) {
            String untyped = DerivedColumn.untyped(p, in);
            problems.add(ParameterProblem.of("types", DerivedColumn.untypedAdvice(untyped)));
        }
        return problems;
    }

    /**
     * Known when every derived column has a type (declared or inferred) and every expression reads
     * only columns the input has; otherwise unknown, and the run says what is wrong at its start.
     */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(DeriveParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null) {
            return Optional.empty();
        }
        try {
            for (String source : p.columns().values()) {
                if (ExpressionCompiler.compile(source).unknownColumn(in).isPresent()) {
                    return Optional.empty();
                }
            }
            return DerivedColumn.plan(p, in, Map.of()).map(plan -> Map.of(PortSpec.OUT, plan.output()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
