package org.assay.engine.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assay.engine.RunInfo;
import org.assay.engine.internal.report.AnalystReport;
import org.assay.engine.internal.report.NamedReports;

/**
 * Writes {@code report.html} when a run ends (see {@link AnalystReport}: findings first, the
 * technical account after) and then the named reports the run's {@code report} steps asked
 * for.
 */
final class RunReport {

    private RunReport() {
    }

    /**
     * @param quarantine     the first quarantined rows; the report reads all of them from
     *                       {@code quarantineFile} to count them by reason
     * @param quarantineFile the run's quarantine, or null when no row was quarantined
     */
    static void write(RunInfo run, List<QuarantineLog.Entry> quarantine, Path quarantineFile, Path target)
            throws IOException {
        String html = AnalystReport.render(run, quarantineFile, target.getParent());
        Files.writeString(target, html, StandardCharsets.UTF_8);
        NamedReports.writeAll(run, quarantineFile);
    }
}
