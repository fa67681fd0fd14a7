package org.assay.cleaners.internal;

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

/** The {@code impute} step type: fills missing values with a statistic or a constant. */
@Component(service = StepType.class)
@AssayStepType("impute")
public final class ImputeStepType extends TypedStepType<ImputeParameters> {

    private final int medianBudget;

    public ImputeStepType() {
        this(ImputeStep.MEDIAN_BUDGET);
    }

    /** With a smaller median budget, so tests reach the multi-pass path. */
    ImputeStepType(int medianBudget) {
        super(ImputeParameters.class);
        this.medianBudget = medianBudget;
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.CLEANER).title("Fill missing values").tags("missing values", "imputation")
                .description("Fills missing values column by column and writes an imputation summary table that "
                        + "lists every column with missing values and what was done to it. Reads the input twice "
                        + "(statistics, then fill); an exact median over more values than its memory budget holds "
                        + "reads it once or twice more. With groupBy, mean, median and mode are per group (the overall one where a "
                        + "group has none); memory grows with the number of groups: a group's exact median holds at most "
                        + "65,536 values (512 KiB, and a histogram as large past that), and a larger group takes "
                        + "another pass. Interpolate keeps, per row, the order value, the series and each interpolated "
                        + "column (8 + 4 + 8 bytes per column), then 8 bytes per row and column for the fill values: "
                        + "28 bytes per row for one column, and about 20 more while it sorts: some 45 MiB per million "
                        + "rows. Columns without missing values pass through untouched.")
                .input(PortSpec.of(PortSpec.IN, "Rows with missing values (read two or more times)."))
                .output(PortSpec.OUT, "The same rows, with missing values filled.");
    }

    @Override
    protected Step newStep(ImputeParameters p) {
        return new ImputeStep(p, medianBudget);
    }

    @Override
    protected List<ParameterProblem> check(ImputeParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        return in == null ? List.of() : indicatorProblems(p, in);
    }

    static List<ParameterProblem> indicatorProblems(ImputeParameters p, Schema in) {
        List<ParameterProblem> problems = new ArrayList<>();
        for (String c : p.indicators()) {
            String name = c + ImputeParameters.INDICATOR_SUFFIX;
            if (in.contains(name)) {
                problems.add(ParameterProblem.of("indicators", "the input already has a column '" + name
                        + "'; rename it with a select step first"));
            }
        }
        return problems;
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(ImputeParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null || !indicatorProblems(p, in).isEmpty() || !p.indicators().stream().allMatch(in::contains)) {
            return p.indicators().isEmpty() ? sameAsInput(inputs) : Optional.empty();
        }
        return Optional.of(Map.of(PortSpec.OUT, withIndicators(in, p)));
    }

    /** The input schema with a boolean column per indicator; fill refines the filled fields' categories. */
    static Schema withIndicators(Schema in, ImputeParameters p) {
        Schema s = in;
        for (String c : p.indicators()) {
            s = s.with(Field.of(c + ImputeParameters.INDICATOR_SUFFIX, FieldType.BOOLEAN));
        }
        return s;
    }
}
