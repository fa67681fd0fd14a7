package org.assay.engine.internal.report;

import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code report} step type: a named report of chosen parts of the run's report, for
 * scheduled workflows that mail or publish their results. It lives in the engine because it
 * renders when the run ends, from every step's sections and charts, with the renderer of
 * {@code report.html}: no step bundle sees a whole run.
 */
@Component(service = StepType.class)
@AssayStepType("report")
public final class ReportStepType extends TypedStepType<ReportParameters> {

    public ReportStepType() {
        super(ReportParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.SINK).title("Write a report").tags("report", "html", "sink")
                .description("Writes a named HTML report of chosen parts of the run's report (findings, the steps'"
                        + " sections, charts, the step table, quarantine, files) to a file or folder: one"
                        + " self-contained page with the charts embedded, for mailing or publishing. The path is"
                        + " checked when the step runs; the report is written when the run ends, so it shows every"
                        + " step. Needs no input.");
    }

    @Override
    protected Step newStep(ReportParameters p) {
        return new ReportStep(p);
    }
}
