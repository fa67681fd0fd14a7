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

/** {@code heatmap}: a count, sum or mean per (x, y) pair of two categorical or binned columns, or a correlation matrix. */
@Component(service = StepType.class)
@AssayStepType("heatmap")
public final class HeatmapStepType extends TypedStepType<HeatmapParameters> {

    public HeatmapStepType() {
        super(HeatmapParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.VISUALIZER).title("Heat map").tags("chart", "png", "svg", "density", "aggregate")
                .description("Draws one cell per pair of values of two columns (e.g. segment by region): the rows,"
                        + " or the sum or mean of a numeric column, on a light-to-dark blue scale with the number in"
                        + " each cell. Columns and rows beyond the limits are merged into 'Other'. With 'columns' instead"
                        + " of x and y it draws the correlation matrix of those numeric columns: Pearson's r per pair"
                        + " in one streaming pass, on a diverging colour-blind-safe scale (-1 blue, 0 white, 1 red),"
                        + " r written in each cell. Writes PNG, SVG and the cells as CSV. Streams its input.")
                .input(PortSpec.streamed(PortSpec.IN, "The rows to aggregate; every row is consumed."));
    }

    /** No dataset output: the chart's files are its result. */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(HeatmapParameters p, Map<String, Schema> inputs) {
        return Optional.of(Map.of());
    }

    @Override
    protected Step newStep(HeatmapParameters p) {
        return new HeatmapStep(p, descriptor());
    }
}
