package org.assay.transforms.internal.describe;

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

/** The {@code correlate} step type: Pearson, Spearman and Cramér's V between columns, as a table. */
@Component(service = StepType.class)
@AssayStepType("correlate")
public final class CorrelateStepType extends TypedStepType<CorrelateParameters> {

    public CorrelateStepType() {
        super(CorrelateParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.TRANSFORM).title("Correlate columns").tags("correlation", "statistics")
                .description("Reads the input once and writes correlations.csv (column_a, column_b, method, value, n, "
                        + "note): Pearson's r and Spearman's rho (ties get their average rank) for every pair of "
                        + "numeric columns, Cramér's V (without bias correction) for every pair of categorical "
                        + "columns. Nulls are deleted pairwise: each pair uses the rows where both columns have a "
                        + "value (non-finite decimals count as missing), and n says how many. A coefficient that is "
                        + "undefined (a column constant over those rows, one category, fewer than 2 rows) is left "
                        + "empty and the note says why. Up to rowBudget rows are held in memory; above it a seeded "
                        + "uniform sample of rowBudget rows is used and every line's note says so. With heatmap (the "
                        + "default) the Pearson and Spearman matrices are also drawn as PNG heatmaps, blue -1 to red "
                        + "1, undefined cells empty. The rows end here (counted as written).")
                .input(PortSpec.streamed(PortSpec.IN, "The rows to correlate; read once, every row consumed."));
    }

    @Override
    protected Step newStep(CorrelateParameters p) {
        return new CorrelateStep(p);
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(CorrelateParameters p, Map<String, Schema> inputs) {
        // No dataset output: the step is a sink whose result is its table.
        return Optional.of(Map.of());
    }
}
