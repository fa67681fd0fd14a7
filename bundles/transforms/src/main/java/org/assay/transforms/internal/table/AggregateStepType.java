package org.assay.transforms.internal.table;

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
import org.assay.transforms.internal.ParameterMisfit;
import org.osgi.service.component.annotations.Component;

/** The {@code aggregate} step type: one row per group with counts, sums, means, medians and more. */
@Component(service = StepType.class)
@AssayStepType("aggregate")
public final class AggregateStepType extends TypedStepType<AggregateParameters> {

    private final long cellBudget;

    public AggregateStepType() {
        this(AggregateStep.CELL_BUDGET);
    }

    /** With a smaller memory budget, so tests reach the spill-and-merge path. */
    AggregateStepType(long cellBudget) {
        super(AggregateParameters.class);
        this.cellBudget = cellBudget;
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.TRANSFORM).title("Aggregate by group").tags("group by", "aggregate", "summary")
                .description("Groups rows by the columns in by and gives one row per group: the group columns, "
                        + "then each aggregate of aggregations. Functions: "
                        + java.util.Arrays.stream(AggregateFunction.values())
                                .map(f -> f.jsonName() + " (" + f.description() + ")").toList()
                        + ". Groups come out sorted by the group columns, nulls last; an empty input gives no "
                        + "rows. Reads the input once. Groups are held in memory up to a budget of about 80 MiB; "
                        + "past it they are written to sorted files in the run folder and merged (deleted after), "
                        + "so millions of groups fit in the default heap. The values of one group's median or "
                        + "count_distinct are held in memory together. Value-keeping aggregates (min, max, first, "
                        + "last) keep the column's tags (pii stays pii); computed ones carry none.")
                .input(PortSpec.streamed(PortSpec.IN, "Rows to group."))
                .output(PortSpec.OUT, "One row per group.");
    }

    @Override
    protected Step newStep(AggregateParameters p) {
        return new AggregateStep(p, cellBudget);
    }

    /**
     * Every aggregate's column must be in the input and of a type its function takes: checked at
     * deploy, at the aggregate's own line, when the input's schema is known.
     */
    @Override
    protected List<ParameterProblem> check(AggregateParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        return in == null ? List.of() : ParameterMisfit.problems(() -> AggregatePlan.resolve(p, in));
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(AggregateParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Map.of(PortSpec.OUT, AggregatePlan.resolve(p, in).output));
        } catch (ParameterMisfit e) {
            // The same problem fails the run with its message; at deploy the output is only unknown.
            return Optional.empty();
        }
    }
}
