package org.assay.engine.internal.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunInfo;
import org.assay.engine.StepRunInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reports {@code report} steps asked for, written when the run ends. Each step left a
 * request (name and parts) and a placeholder at its target, which the engine confined when
 * the step ran and moved into place when it committed; the placeholder is replaced here, never
 * through a symbolic link.
 */
public final class NamedReports {

    static final String REQUEST_FILE = "report-request.json";
    static final String TITLE_PREFIX = "Report: ";
    private static final Logger LOG = LoggerFactory.getLogger(NamedReports.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a {@code report} step asked for. */
    record Request(String name, List<String> sections) { }

    private NamedReports() {
    }

    static void writeRequest(Path file, Request r) throws IOException {
        JSON.writeValue(file.toFile(), r);
    }

    /**
     * Writes every requested report of the run; a report that cannot be written is logged and
     * the others still are.
     *
     * @return the reports written
     */
    public static List<Path> writeAll(RunInfo run, Path quarantineFile) {
        List<Path> written = new java.util.ArrayList<>();
        for (StepRunInfo s : run.steps()) {
            Optional<ArtifactInfo> request = s.artifacts().stream()
                    .filter(a -> a.path().getFileName().toString().equals(REQUEST_FILE)).findFirst();
            if (request.isEmpty()) {
                continue;
            }
            try {
                Request r = JSON.readValue(request.get().path().toFile(), Request.class);
                Optional<ArtifactInfo> target = s.artifacts().stream()
                        .filter(a -> a.title().equals(TITLE_PREFIX + r.name())).findFirst();
                if (target.isEmpty()) {
                    continue;
                }
                Path file = target.get().path();
                if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    LOG.warn("Run {}: report '{}' not written: {} is no longer the file step '{}' wrote",
                            run.runId(), r.name(), file, s.stepId());
                    continue;
                }
                String html = AnalystReport.render(run, quarantineFile, file.getParent(), r.name(),
                        new ReportChoice(r.sections()));
                try (OutputStream out = Files.newOutputStream(file, LinkOption.NOFOLLOW_LINKS,
                        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    out.write(html.getBytes(StandardCharsets.UTF_8));
                }
                written.add(file);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Run {}: report of step '{}' could not be written: {}", run.runId(), s.stepId(),
                        e.toString());
            }
        }
        return written;
    }
}
