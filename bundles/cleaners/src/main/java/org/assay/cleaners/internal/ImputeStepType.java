package org.assay.cleaners.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assay.api.step.ParameterSpec;
import org.assay.api.step.ParameterType;
import org.assay.api.step.Parameters;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.osgi.service.component.annotations.Component;

/** The {@code impute} step type: fills missing values with a statistic or a constant. */
@Component(service = StepType.class, property = StepType.TYPE_PROPERTY + "=" + ImputeStepType.TYPE_ID)
public final class ImputeStepType implements StepType {

    static final String TYPE_ID = "impute";
    static final String STRATEGY = "strategy";
    static final String COLUMNS = "columns";
    static final String VALUE = "value";

    private final StepDescriptor descriptor = StepDescriptor.builder(TYPE_ID)
            .category(StepCategory.CLEANER)
            .title("Fill missing values")
            .description("Fills missing values column by column and writes an imputation summary table that lists "
                    + "every column with missing values and what was done to it (column, missing, strategy, values "
                    + "filled, value used, note: why a column was left missing or got another strategy). Reads the input twice: once for the statistics, once "
                    + "to fill; a median over more values than fit in its memory budget reads the input once or "
                    + "twice more. Medians are exact; columns without missing values pass through untouched.")
            .tags("missing values", "imputation")
            .parameter(ParameterSpec.builder(STRATEGY, ParameterType.ENUM)
                    .description("Strategy for every column with missing values: mean and median fill "
                            + "integer and decimal columns (integers rounded half up); under them, string and "
                            + "categorical columns get the mode instead when some value occurs twice, and date, "
                            + "timestamp and boolean columns are left missing. Mode (the most frequent value, ties "
                            + "to the smallest) fills any column, constant fills with parameter value every column "
                            + "whose type the value parses as. Columns tagged id or pii are left alone unless named "
                            + "in columns; a column's entry \"leave\" in columns keeps its missing values.")
                    .allowed("mean", "median", "mode", "constant").defaultValue("median").build())
            .parameter(ParameterSpec.builder(COLUMNS, ParameterType.STRING_MAP)
                    .description("Per-column strategy that overrides strategy: column name to " + ColumnRule.SYNTAX
                            + ", e.g. {\"city\": \"mode\", \"income\": \"constant:0\"}.")
                    .build())
            .parameter(ParameterSpec.builder(VALUE, ParameterType.STRING)
                    .description("The fill value when strategy is constant, as text: \"0\", \"unknown\", "
                            + "\"2024-01-31\", \"true\".")
                    .build())
            .input(PortSpec.IN, "Rows with missing values.")
            .output(PortSpec.OUT, "The same rows, with missing values filled.")
            .build();

    @Override
    public StepDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Step newStep() {
        return new ImputeStep();
    }

    @Override
    public List<String> validate(Parameters p) {
        List<String> problems = new ArrayList<>();
        if ("constant".equals(p.string(STRATEGY)) && !p.has(VALUE)) {
            problems.add("parameter value: strategy constant needs the fill value, e.g. \"value\": \"0\"");
        }
        for (Map.Entry<String, String> e : p.stringMap(COLUMNS).entrySet()) {
            try {
                ColumnRule.parse(e.getKey(), e.getValue());
            } catch (IllegalArgumentException bad) {
                problems.add(bad.getMessage());
            }
        }
        return problems;
    }
}
