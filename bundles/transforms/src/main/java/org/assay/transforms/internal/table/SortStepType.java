package org.assay.transforms.internal.table;

import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/** The {@code sort} step type: orders rows by one or more columns, on disk when they do not fit in memory. */
@Component(service = StepType.class)
@AssayStepType("sort")
public final class SortStepType extends TypedStepType<SortParameters> {

    private final long cellBudget;

    public SortStepType() {
        this(SortStep.CELL_BUDGET);
    }

    /** With a smaller memory budget, so tests reach the external merge. */
    SortStepType(long cellBudget) {
        super(SortParameters.class);
        this.cellBudget = cellBudget;
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.TRANSFORM).title("Sort rows").tags("sort", "order")
                .description("Sorts rows by the columns in by, most significant first, low to high or (descending) "
                        + "high to low; nulls last either way; rows with equal keys keep their input order (stable). "
                        + "Text sorts by code point, dates and timestamps by time, booleans false first. Reads the "
                        + "input once. Rows are held in memory up to a budget of about 2M cells (rows times "
                        + "columns, some 80 MiB); past it, sorted runs are written to the run folder, merged and "
                        + "deleted.")
                .input(PortSpec.streamed(PortSpec.IN, "Rows to sort."))
                .output(PortSpec.OUT, "The same rows, sorted.");
    }

    @Override
    protected Step newStep(SortParameters p) {
        return new SortStep(p, cellBudget);
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(SortParameters p, Map<String, Schema> inputs) {
        return sameAsInput(inputs);
    }
}
