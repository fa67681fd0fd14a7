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

/** {@code confusion-matrix}: actual against predicted classes as a heat map with the counts in the cells. */
@Component(service = StepType.class)
@AssayStepType("confusion-matrix")
public final class ConfusionMatrixStepType extends TypedStepType<ConfusionMatrixParameters> {

    public ConfusionMatrixStepType() {
        super(ConfusionMatrixParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.VISUALIZER).title("Confusion matrix").tags("chart", "png", "svg", "model")
                .description("Draws a classifier's confusion matrix: actual classes down, predicted across, each"
                        + " cell's count (or its share of the actual class) written in it on a light-to-dark blue"
                        + " scale; the title gives the accuracy. Connect weka-classify's 'confusion' output, or"
                        + " scored rows without 'count'. Writes PNG, SVG and the cells as CSV.")
                .input(PortSpec.streamed(PortSpec.IN, "Rows with the actual and predicted class (and a count);"
                        + " every row is consumed."));
    }

    /** No dataset output: the chart's files are its result. */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(ConfusionMatrixParameters p, Map<String, Schema> inputs) {
        return Optional.of(Map.of());
    }

    @Override
    protected Step newStep(ConfusionMatrixParameters p) {
        return new ConfusionMatrixStep(p, descriptor());
    }
}
