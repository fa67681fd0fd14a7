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

/** {@code box-plot}: the distribution of a numeric column per category, with Tukey whiskers and outliers. */
@Component(service = StepType.class)
@AssayStepType("box-plot")
public final class BoxPlotStepType extends TypedStepType<BoxPlotParameters> {

    public BoxPlotStepType() {
        super(BoxPlotParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.VISUALIZER).title("Box plot").tags("chart", "png", "svg", "distribution")
                .description("Draws one box per category of a numeric column: the box from the first to the third"
                        + " quartile, the median, whiskers to the furthest values within 1.5 IQR (Tukey) and the"
                        + " values beyond as dots. Quartiles interpolate linearly (type 7); past " + BoxStats.SAMPLE
                        + " values a box uses a fixed-seed uniform sample of that many (the title says so), while"
                        + " count, mean, min and max stay exact. Writes PNG, SVG and the figures per category as"
                        + " CSV. Streams its input; null values are counted, not drawn.")
                .input(PortSpec.streamed(PortSpec.IN, "The rows to summarise; every row is consumed."));
    }

    /** No dataset output: the chart's files are its result. */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(BoxPlotParameters p, Map<String, Schema> inputs) {
        return Optional.of(Map.of());
    }

    @Override
    protected Step newStep(BoxPlotParameters p) {
        return new BoxPlotStep(p, descriptor());
    }
}
