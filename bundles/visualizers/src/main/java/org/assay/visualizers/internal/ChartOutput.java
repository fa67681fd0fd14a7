package org.assay.visualizers.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.assay.api.step.ArtifactKind;
import org.assay.api.step.StepContext;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a chart's three files side by side in the step's artifact folder and registers them:
 * {@code <name>.png} and {@code <name>.svg} as {@link ArtifactKind#CHART} with the same title
 * (the report inlines the SVG when there is one), and {@code <name>.csv}, the numbers drawn,
 * as {@link ArtifactKind#DATA}. Every chart step ends here, so they all keep this contract.
 */
final class ChartOutput {

    private ChartOutput() {
    }

    static void publish(StepContext ctx, ChartParameters p, Chart<?, ?> chart, String title, CsvTable table)
            throws IOException {
        publish(ctx, p, chart, chart, title, table);
    }

    /**
     * As above, with a lighter chart for the SVG (a smaller sample of points, its title saying so),
     * where every point in a vector file would make it too large to inline in a report.
     */
    static void publish(StepContext ctx, ChartParameters p, Chart<?, ?> chart, Chart<?, ?> svgChart, String title,
            CsvTable table) throws IOException {
        String name = p.baseName(ctx.stepId());
        Path dir = ctx.artifactDir();
        Path csv = dir.resolve(name + ".csv");
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        table.write(csv);
        ChartLook.fitTitle(chart);
        if (svgChart != chart) {
            ChartLook.fitTitle(svgChart);
        }
        ChartLook.writePng(chart, png);
        ChartLook.writeSvg(svgChart, svg);
        ctx.addArtifact(png, ArtifactKind.CHART, title);
        ctx.addArtifact(svg, ArtifactKind.CHART, title);
        ctx.addArtifact(csv, ArtifactKind.DATA, title + " (data)");
    }
}
