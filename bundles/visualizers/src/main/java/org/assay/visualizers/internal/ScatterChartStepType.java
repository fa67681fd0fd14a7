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

/** {@code scatter-chart}: one point per row (sampled beyond a limit), coloured by an optional series. */
@Component(service = StepType.class)
@AssayStepType("scatter-chart")
public final class ScatterChartStepType extends TypedStepType<ScatterChartParameters> {

    public ScatterChartStepType() {
        super(ScatterChartParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.VISUALIZER).title("Scatter chart").tags("chart", "png", "scatter")
                .description("Plots one point per row as a PNG, y against x, one colour per value of an optional"
                        + " series column (e.g. a cluster). Date columns plot as dates, or as days before the latest"
                        + " date in the data (recency). Beyond 'maxPoints' rows a fixed-seed random sample is"
                        + " plotted and the title says so. Rows without x or y are counted but not drawn.")
                // One pass into a reservoir sample (PointSample); days-ago is measured from the latest value
                // seen in that same pass, so nothing is read twice.
                .input(PortSpec.streamed(PortSpec.IN, "The rows to plot; every row is consumed."));
    }

    /** No dataset output: the chart's files are its result. */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(ScatterChartParameters p, Map<String, Schema> inputs) {
        return Optional.of(Map.of());
    }

    @Override
    protected Step newStep(ScatterChartParameters p) {
        return new ScatterChartStep(p, descriptor());
    }
}
