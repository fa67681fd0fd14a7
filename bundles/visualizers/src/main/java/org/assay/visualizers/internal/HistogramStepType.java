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

/** {@code histogram}: how a numeric column's values spread, in bins chosen by a stated rule, per series. */
@Component(service = StepType.class)
@AssayStepType("histogram")
public final class HistogramStepType extends TypedStepType<HistogramParameters> {

    public HistogramStepType() {
        super(HistogramParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.VISUALIZER).title("Histogram").tags("chart", "png", "svg", "distribution")
                .description("Counts a numeric column's values in equal-width bins from its minimum to its maximum"
                        + " and draws them, one outline per value of an optional series column on the same bins. The"
                        + " bin width follows 'rule' (Freedman–Diaconis by default, from the IQR of a fixed-seed"
                        + " sample of " + BoxStats.SAMPLE + " values; Sturges when the IQR is 0) or a fixed 'bins';"
                        + " integer columns get whole-number widths. The axis title states the bins and the rule."
                        + " Reads its input twice (range, then counts); writes PNG, SVG and the bins as CSV.")
                .input(PortSpec.of(PortSpec.IN, "The rows to bin; read twice, every row consumed."));
    }

    /** No dataset output: the chart's files are its result. */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(HistogramParameters p, Map<String, Schema> inputs) {
        return Optional.of(Map.of());
    }

    @Override
    protected Step newStep(HistogramParameters p) {
        return new HistogramStep(p, descriptor());
    }
}
