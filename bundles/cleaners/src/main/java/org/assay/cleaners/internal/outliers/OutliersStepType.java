package org.assay.cleaners.internal.outliers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
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

/** The {@code outliers} step type: finds outlying values or rows and flags, quarantines, caps or clears them. */
@Component(service = StepType.class)
@AssayStepType("outliers")
public final class OutliersStepType extends TypedStepType<OutliersParameters> {

    static final String FLAG = "outlier";
    static final String SCORE = "outlier_score";

    public OutliersStepType() {
        super(OutliersParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.CLEANER).title("Find and treat outliers")
                .tags("outliers", "anomalies", "winsorise", "isolation forest", "data quality")
                .description("Finds outliers per numeric column (z-score, robust z over median and MAD, or Tukey's "
                        + "IQR fences; optionally per group) or per row over several columns together (an "
                        + "isolation forest), and flags them, quarantines their rows, caps them to the fence "
                        + "(winsorising) or sets them null. Missing values are never outliers. Reads the input "
                        + "twice: statistics (holding the checked columns' values, 8 bytes each, for exact "
                        + "medians and quartiles; the forest holds a sample of at most 100,000 rows), then the "
                        + "treatment. Writes outlier-summary.csv: per column and group the statistics, the fences "
                        + "used and how many values were touched.")
                .input(PortSpec.IN, "Rows with numeric columns to check.")
                .output(PortSpec.OUT, "The rows, treated; with flag, two more columns: outlier and outlier_score.");
    }

    @Override
    protected Step newStep(OutliersParameters p) {
        return new OutliersStep(p);
    }

    @Override
    protected List<ParameterProblem> check(OutliersParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        return in == null ? List.of() : problems(p, in);
    }

    static List<ParameterProblem> problems(OutliersParameters p, Schema in) {
        List<ParameterProblem> problems = new ArrayList<>();
        if (p.action() == OutlierAction.FLAG) {
            for (String c : List.of(FLAG, SCORE)) {
                if (in.contains(c)) {
                    problems.add(ParameterProblem.of("action", "flag adds the column '" + c + "', which the input "
                            + "already has; rename it with a select step first"));
                }
            }
        }
        if (p.columns().isEmpty() && checkedColumns(p, in).isEmpty()) {
            problems.add(ParameterProblem.of("columns", "the input has no integer or decimal column that is not "
                    + "tagged id; name the columns to check"));
        }
        if (p.method() == OutlierMethod.ISOLATION_FOREST && checkedColumns(p, in).size() < 2) {
            problems.add(ParameterProblem.of("columns", "isolation-forest looks at several columns together; give "
                    + "at least two, or use robust-z for one"));
        }
        return problems;
    }

    /** The columns checked: those named, else every integer and decimal column not tagged id. */
    static List<String> checkedColumns(OutliersParameters p, Schema in) {
        if (!p.columns().isEmpty()) {
            return p.columns();
        }
        return in.fields().stream().filter(f -> f.type().isNumeric() && !f.has(FieldTag.ID)).map(Field::name)
                .toList();
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(OutliersParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null || !problems(p, in).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Map.of(PortSpec.OUT, outputSchema(p, in)));
    }

    static Schema outputSchema(OutliersParameters p, Schema in) {
        return switch (p.action()) {
            case FLAG -> in.with(Field.of(FLAG, FieldType.BOOLEAN)).with(Field.of(SCORE, FieldType.DECIMAL));
            case SET_NULL -> {
                Schema s = in;
                for (String c : checkedColumns(p, in)) {
                    s = s.with(in.indexOf(c), in.field(c).withNullable(true));
                }
                yield s;
            }
            case QUARANTINE, CAP -> in;
        };
    }
}
