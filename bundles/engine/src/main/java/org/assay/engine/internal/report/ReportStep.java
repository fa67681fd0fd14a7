package org.assay.engine.internal.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;

/**
 * One run of {@code report}: resolves (and so confines) the target, puts a placeholder there
 * that says the run is still going, and leaves a request for the end of the run, when
 * {@link NamedReports} replaces the placeholder with the report.
 */
final class ReportStep implements Step {

    private final ReportParameters params;

    ReportStep(ReportParameters params) {
        this.params = params;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        String path = params.path().trim();
        boolean folder = path.endsWith("/") || path.endsWith("\\");
        Path target = ctx.writePath(folder ? path + params.fileName() : path);
        Files.writeString(target, "<!DOCTYPE html><title>" + ReportPage.esc(params.name())
                + "</title><p>This report is written when run " + ReportPage.esc(ctx.runId()) + " ends.</p>\n",
                StandardCharsets.UTF_8);
        ctx.addArtifact(target, ArtifactKind.DATA, NamedReports.TITLE_PREFIX + params.name());
        Path request = ctx.artifactDir().resolve(NamedReports.REQUEST_FILE);
        NamedReports.writeRequest(request, new NamedReports.Request(params.name(), params.sections()));
        ctx.addArtifact(request, ArtifactKind.DATA, "Report request: " + params.name());
        ctx.progress(1.0);
    }
}
