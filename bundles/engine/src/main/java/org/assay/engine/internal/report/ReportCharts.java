package org.assay.engine.internal.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.step.ArtifactKind;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunInfo;
import org.assay.engine.StepRunInfo;

/**
 * The charts of a run, one per step and title: a chart step publishes the same chart as PNG
 * and SVG under one title, and the report shows the SVG (sharp at any size and in print)
 * or, without one, the PNG. Both go in as data URIs in an {@code <img>}: the page stays one
 * file, and an SVG shown as an image runs no script and fetches nothing, whoever wrote it.
 */
final class ReportCharts {

    /** Larger chart files are linked, not embedded: a report should stay small enough to mail. */
    static final long MAX_EMBEDDED_BYTES = 4L << 20;

    /** A chart as the report shows it. */
    record Chart(String stepId, String title, Path image, Path data) {

        String mediaType() {
            return image.getFileName().toString().toLowerCase().endsWith(".svg") ? "image/svg+xml" : "image/png";
        }
    }

    private final List<Chart> charts;

    private ReportCharts(List<Chart> charts) {
        this.charts = charts;
    }

    static ReportCharts of(RunInfo run) {
        List<Chart> out = new ArrayList<>();
        for (StepRunInfo s : run.steps()) {
            Map<String, List<ArtifactInfo>> byTitle = new LinkedHashMap<>();
            for (ArtifactInfo a : s.artifacts()) {
                if (a.kind() == ArtifactKind.CHART) {
                    byTitle.computeIfAbsent(a.title(), t -> new ArrayList<>()).add(a);
                }
            }
            for (Map.Entry<String, List<ArtifactInfo>> e : byTitle.entrySet()) {
                Path svg = null;
                Path other = null;
                for (ArtifactInfo a : e.getValue()) {
                    if (a.path().getFileName().toString().toLowerCase().endsWith(".svg")) {
                        svg = svg == null ? a.path() : svg;
                    } else if (other == null) {
                        other = a.path();
                    }
                }
                Path image = svg != null ? svg : other;
                out.add(new Chart(s.stepId(), e.getKey(), image, dataBeside(s, image)));
            }
        }
        return new ReportCharts(out);
    }

    /** The chart's data: {@code <name>.csv} beside {@code <name>.png}, when the step registered it. */
    private static Path dataBeside(StepRunInfo s, Path image) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String csv = (dot < 0 ? name : name.substring(0, dot)) + ".csv";
        return s.artifacts().stream().map(ArtifactInfo::path)
                .filter(p -> p.getFileName().toString().equals(csv)).findFirst().orElse(null);
    }

    List<Chart> all() {
        return charts;
    }

    /**
     * The chart with this title; else the first whose title is it plus a note in brackets, since
     * chart steps append what the reader must know (histogram: "(23 bins, each 241 wide, Freedman-Diaconis)")
     * and a section naming the chart cannot know that note in advance.
     */
    Optional<Chart> titled(String title) {
        return charts.stream().filter(c -> c.title().equals(title)).findFirst()
                .or(() -> charts.stream().filter(c -> c.title().startsWith(title + " (")).findFirst());
    }

    /** The chart's image as a data URI, or empty when the file is missing or too large to embed. */
    static Optional<String> dataUri(Chart c) {
        try {
            if (!Files.isRegularFile(c.image()) || Files.size(c.image()) > MAX_EMBEDDED_BYTES) {
                return Optional.empty();
            }
            return Optional.of("data:" + c.mediaType() + ";base64,"
                    + Base64.getEncoder().encodeToString(Files.readAllBytes(c.image())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
