package org.assay.cleaners.internal.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Field;
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
import org.osgi.service.component.annotations.Component;

/** The {@code validate} step type: named rule checks with a severity each and a violation summary. */
@Component(service = StepType.class)
@AssayStepType("validate")
public final class ValidateStepType extends TypedStepType<ValidateParameters> {

    static final String VIOLATIONS = "violations";

    public ValidateStepType() {
        super(ValidateParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.CLEANER).title("Check rules").tags("validation", "rules", "consistency",
                        "data quality")
                .description("Checks every row against named rules (required, type, range, regex, allowed values, "
                        + "comparisons between columns, uniqueness) in one pass. A rule is data, not code: it names "
                        + "columns and values and can call nothing. A row that breaks a reject rule goes to "
                        + "quarantine with the rules' messages; a warn or fail rule keeps the row and names itself in"
                        + " the violations column; a fail rule also fails the step when more than its share of rows "
                        + "break it. A missing value breaks only 'is required'. 'is unique' remembers every key it "
                        + "has seen (memory grows with the distinct keys). Writes validation-summary.csv: per rule "
                        + "the rows broken, the share and the first row numbers (values of pii columns masked).")
                .input(PortSpec.streamed(PortSpec.IN, "Rows to check."))
                .output(PortSpec.OUT, "The rows that break no reject rule; with warn or fail rules, the column "
                        + "violations.");
    }

    @Override
    protected Step newStep(ValidateParameters p) {
        return new ValidateStep(p);
    }

    @Override
    protected List<ParameterProblem> check(ValidateParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        return in == null ? List.of() : problems(p, in);
    }

    static List<ParameterProblem> problems(ValidateParameters p, Schema in) {
        List<ParameterProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : p.rules().entrySet()) {
            try {
                String problem = RuleCheck.problem(RuleParser.parse(e.getValue()), in);
                if (problem != null) {
                    problems.add(ParameterProblem.of("rules", "rule '" + e.getKey() + "': " + problem));
                }
            } catch (IllegalArgumentException bad) {
                // reported by the parameters' own check
            }
        }
        if (p.flags() && in.contains(VIOLATIONS)) {
            problems.add(ParameterProblem.of("severity", "warn and fail rules add the column '" + VIOLATIONS + "', "
                    + "which the input already has; rename it with a select step first"));
        }
        return problems;
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(ValidateParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null || !p.problems().isEmpty() || !problems(p, in).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Map.of(PortSpec.OUT, outputSchema(p, in)));
    }

    static Schema outputSchema(ValidateParameters p, Schema in) {
        return p.flags() ? in.with(Field.of(VIOLATIONS, FieldType.STRING)) : in;
    }
}
