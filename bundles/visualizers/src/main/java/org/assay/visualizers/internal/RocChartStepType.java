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

/** {@code roc-chart}: a classifier's ROC curve per class, with its area, from weka-classify's curves output. */
@Component(service = StepType.class)
@AssayStepType("roc-chart")
public final class RocChartStepType extends TypedStepType<RocChartParameters> {

    public RocChartStepType() {
        super(RocChartParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.VISUALIZER).title("ROC chart").tags("chart", "png", "svg", "model", "roc", "auc")
                .description("Draws the ROC curve (true against false positive rate) of each class, or of"
                        + " 'positiveClass', with the area under it in the legend and the chance diagonal. Connect"
                        + " weka-classify's 'curves' output. Writes PNG, SVG and the points drawn as CSV.")
                .input(PortSpec.streamed(PortSpec.IN, "Curve points: class, false and true positive rate, in curve"
                        + " order (weka-classify's 'curves' output)."));
    }

    /** No dataset output: the chart's files are its result. */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(RocChartParameters p, Map<String, Schema> inputs) {
        return Optional.of(Map.of());
    }

    @Override
    protected Step newStep(RocChartParameters p) {
        return new CurveChartStep(p, CurveChartStep.Kind.ROC, descriptor());
    }
}
