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

/** {@code lift-chart}: cumulative gains per class, from weka-classify's curves output. */
@Component(service = StepType.class)
@AssayStepType("lift-chart")
public final class LiftChartStepType extends TypedStepType<LiftChartParameters> {

    public LiftChartStepType() {
        super(LiftChartParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.VISUALIZER).title("Lift chart (cumulative gains)").tags("chart", "png", "svg", "model", "lift", "gains")
                .description("Draws the cumulative gains curve of each class, or of 'positiveClass': the share of"
                        + " the class found when the given share of rows with the best scores is targeted, against"
                        + " the diagonal of random targeting (lift is the ratio of the two). Connect weka-classify's"
                        + " 'curves' output. Writes PNG, SVG and the points drawn as CSV.")
                .input(PortSpec.streamed(PortSpec.IN, "Curve points: class, share targeted, recall, in curve order"
                        + " (weka-classify's 'curves' output)."));
    }

    /** No dataset output: the chart's files are its result. */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(LiftChartParameters p, Map<String, Schema> inputs) {
        return Optional.of(Map.of());
    }

    @Override
    protected Step newStep(LiftChartParameters p) {
        return new CurveChartStep(p, CurveChartStep.Kind.GAINS, descriptor());
    }
}
