package org.assay.visualizers.internal;

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

/** {@code pie-chart}: composition by category, the tail merged into "Other", optionally as a donut. */
@Component(service = StepType.class)
@AssayStepType("pie-chart")
public final class PieChartStepType extends TypedStepType<PieChartParameters> {

    public PieChartStepType() {
        super(PieChartParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.VISUALIZER).title("Pie chart").tags("chart", "png", "svg", "share", "composition")
                .description("Draws the share of each category as a pie (or donut) slice: its rows, or the sum of a"
                        + " numeric column. Slices go from the largest; past 'maxSlices' the smallest"
                        + " categories are merged into a grey 'Other (n)'. The legend gives each share. Writes PNG,"
                        + " SVG and the slices as CSV (value, share, rows). Streams its input.")
                .input(PortSpec.streamed(PortSpec.IN, "The rows to count or sum; every row is consumed."));
    }

    /** No dataset output: the chart's files are its result. */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(PieChartParameters p, Map<String, Schema> inputs) {
        return Optional.of(Map.of());
    }

    @Override
    protected Step newStep(PieChartParameters p) {
        return new PieChartStep(p, descriptor());
    }
}
