package org.assay.cleaners.internal.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.ColumnNotFound;
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

/** The {@code normalize} step type: brings values into one format and unit. */
@Component(service = StepType.class)
@AssayStepType("normalize")
public final class NormalizeStepType extends TypedStepType<NormalizeParameters> {

    static final String INVALID_COLUMNS = "invalid_columns";

    public NormalizeStepType() {
        super(NormalizeParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        StringBuilder rules = new StringBuilder();
        for (RuleKind k : RuleKind.values()) {
            rules.append(rules.length() == 0 ? "" : "; ").append(k.doc());
        }
        b.category(StepCategory.CLEANER).title("Normalise values").tags("normalisation", "standardisation",
                        "phone numbers", "e-mail", "dates", "units", "data quality")
                .description("Brings the values of the named columns into one format and unit, in one pass: "
                        + rules + ". Values a rule cannot read go by onInvalid. Writes normalize-summary.csv: "
                        + "per column the values seen, changed and unreadable.")
                .input(PortSpec.streamed(PortSpec.IN, "Rows with values in mixed formats."))
                .output(PortSpec.OUT, "The rows with the named columns normalised (dates, timestamps, booleans and "
                        + "units become typed columns).");
    }

    @Override
    protected Step newStep(NormalizeParameters p) {
        return new NormalizeStep(p);
    }

    @Override
    protected List<ParameterProblem> check(NormalizeParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        return in == null ? List.of() : problems(p, in);
    }

    static List<ParameterProblem> problems(NormalizeParameters p, Schema in) {
        List<ParameterProblem> problems = new ArrayList<>();
        List<ColumnNormalization> rules;
        try {
            rules = p.rules();
        } catch (IllegalArgumentException bad) {
            return problems; // reported by the parameters' own check
        }
        for (ColumnNormalization r : rules) {
            if (!in.contains(r.column())) {
                continue; // @Columns reports it
            }
            FieldType t = in.field(r.column()).type();
            boolean text = t == FieldType.STRING || t == FieldType.CATEGORICAL;
            if (!text && !(r.kind() == RuleKind.UNIT && t.isNumeric() && r.unitColumn() != null)) {
                problems.add(ParameterProblem.of("columns", "column '" + r.column() + "' is " + t.jsonName() + "; "
                        + r.kind().jsonName() + " reads text" + (r.kind() == RuleKind.UNIT
                        ? " (or a number with unit:<unit column>)" : "") + ". Leave it out, it is typed already"));
            }
            String unitColumn = r.unitColumn();
            if (unitColumn != null) {
                if (!in.contains(unitColumn)) {
                    problems.add(ParameterProblem.of("columns", "unit column of '" + r.column() + "': "
                            + ColumnNotFound.message(unitColumn, in, "the input")));
                } else if (p.columns().containsKey(unitColumn)) {
                    problems.add(ParameterProblem.of("columns", "'" + unitColumn + "' is the unit column of '"
                            + r.column() + "' and cannot have a rule of its own"));
                }
            }
        }
        if (p.onInvalid() == InvalidPolicy.FLAG && in.contains(INVALID_COLUMNS)) {
            problems.add(ParameterProblem.of("onInvalid", "flag adds the column '" + INVALID_COLUMNS + "', which the "
                    + "input already has; rename it with a select step first"));
        }
        return problems;
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(NormalizeParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null || !problems(p, in).isEmpty() || !p.problems().isEmpty()) {
            return Optional.empty();
        }
        for (String c : p.columns().keySet()) {
            if (!in.contains(c)) {
                return Optional.empty();
            }
        }
        return Optional.of(Map.of(PortSpec.OUT, outputSchema(p, in)));
    }

    static Schema outputSchema(NormalizeParameters p, Schema in) {
        Schema s = in;
        for (ColumnNormalization r : p.rules()) {
            Field f = in.field(r.column());
            FieldType t = r.kind().output() == null ? f.type() : r.kind().output();
            // Categories known up front no longer hold once values are rewritten.
            s = s.with(in.indexOf(r.column()), new Field(f.name(), t, true, f.tags(), List.of()));
            if (r.unitColumn() != null) {
                Field u = in.field(r.unitColumn());
                s = s.with(in.indexOf(u.name()), new Field(u.name(), u.type(), true, u.tags(), List.of()));
            }
        }
        if (p.onInvalid() == InvalidPolicy.FLAG) {
            s = s.with(Field.of(INVALID_COLUMNS, FieldType.STRING));
        }
        return s;
    }
}
