package org.assay.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.assay.api.step.ArtifactKind;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.junit.Test;
import org.w3c.dom.Document;

/**
 * The chart steps of the samples run on the real distribution (XChart and JFreeSVG embedded in
 * assay-visualizers): each chart step writes name.png, name.svg and name.csv side by side, the
 * PNG and SVG registered as charts with one title and the CSV as data.
 */
public class ChartsIT extends AssayKarafTestSupport {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    public void segmentationDrawsPieBoxHistogramAndCorrelations() throws Exception {
        RunInfo run = runSample("customer-segmentation");
        assertChart(step(run, "segment-shares"), "segment");
        assertChart(step(run, "spend-by-segment"), "segment");
        assertChart(step(run, "segment-sizes"), "segment");
        // The histogram and the box plot draw values impute filled: their titles count them.
        List<String> bins = assertChart(step(run, "income-distribution"), "series");
        assertTrue(bins.toString(), bins.size() > 5);
        String histogram = step(run, "income-distribution").artifacts().get(0).title();
        assertTrue(histogram, histogram.matches(".*\\(\\d+ of [0-9,]+ income values imputed\\)$"));
        assertTrue(step(run, "spend-by-segment").artifacts().get(0).title().contains("total_spend values imputed"));
        // The correlation matrix: one line per pair of the five measures, every r between -1 and 1.
        List<String> pairs = assertChart(step(run, "measure-correlations"), "column_a");
        assertEquals(pairs.toString(), 1 + 10, pairs.size());
        for (String pair : pairs.subList(1, pairs.size())) {
            double r = Double.parseDouble(pair.split(",")[2]);
            assertTrue(pair, r >= -1 && r <= 1);
        }
    }

    @Test
    public void churnDrawsRocGainsAndConfusion() throws Exception {
        RunInfo run = runSample("customer-churn");
        assertChart(step(run, "roc"), "class");
        assertChart(step(run, "gains"), "class");
        List<String> cells = assertChart(step(run, "confusion"), "actual");
        // Two classes: four cells, the same counts as weka-classify's own confusion-matrix.csv.
        assertEquals(cells.toString(), 5, cells.size());
        assertEquals(total(cells), total(Files.readAllLines(artifact(step(run, "train"), "confusion-matrix.csv"),
                StandardCharsets.UTF_8)), 1e-6);
    }

    @Test
    public void salesForecastDrawsHistoryForecastAndBand() throws Exception {
        RunInfo run = runSample("sales-forecast");
        List<String> points = assertChart(step(run, "forecast-chart"), "line");
        assertEquals(points.get(0), "line,period,sum of value,lower,upper,rows");
        assertTrue(points.toString(), points.stream().anyMatch(l -> l.startsWith("history,")));
        assertTrue(points.toString(), points.stream().anyMatch(l -> l.startsWith("forecast,")
                && !l.contains(",,")));
    }

    /** The three files of one chart step; returns the CSV's lines, whose header starts with {@code firstColumn}. */
    private static List<String> assertChart(StepRunInfo step, String firstColumn) throws Exception {
        assertEquals(step.artifacts().toString(), 3, step.artifacts().size());
        Map<String, ArtifactInfo> byExtension = new java.util.HashMap<>();
        for (ArtifactInfo a : step.artifacts()) {
            String name = a.path().getFileName().toString();
            byExtension.put(name.substring(name.lastIndexOf('.') + 1), a);
        }
        ArtifactInfo png = byExtension.get("png");
        ArtifactInfo svg = byExtension.get("svg");
        ArtifactInfo csv = byExtension.get("csv");
        assertTrue(step.artifacts().toString(), png != null && svg != null && csv != null);
        assertEquals(ArtifactKind.CHART, png.kind());
        assertEquals(ArtifactKind.CHART, svg.kind());
        assertEquals(ArtifactKind.DATA, csv.kind());
        assertEquals("PNG and SVG share the title", png.title(), svg.title());
        Path dir = png.path().getParent();
        String base = png.path().getFileName().toString().replaceFirst("\\.png$", "");
        assertEquals(dir.resolve(base + ".svg"), svg.path());
        assertEquals(dir.resolve(base + ".csv"), csv.path());
        try (InputStream in = Files.newInputStream(png.path())) {
            assertArrayEquals(png.path() + " is not a PNG", PNG_MAGIC, in.readNBytes(4));
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(svg.path().toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName() != null
                ? doc.getDocumentElement().getLocalName() : doc.getDocumentElement().getTagName());
        List<String> lines = Files.readAllLines(csv.path(), StandardCharsets.UTF_8);
        assertTrue(csv.path() + ": " + lines, lines.size() > 1 && lines.get(0).startsWith(firstColumn));
        return lines;
    }

    private static double total(List<String> lines) {
        double total = 0;
        for (String line : lines.subList(1, lines.size())) {
            total += Double.parseDouble(line.split(",")[2]);
        }
        return total;
    }

    private RunInfo runSample(String id) throws Exception {
        awaitDeployed(id);
        RunInfo run = awaitFinished(runs().start(id).runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
        for (StepRunInfo step : run.steps()) {
            assertEquals("step " + step.stepId() + ": rows in = out + quarantined + filtered\n" + describe(run),
                    step.rowsIn(), step.rowsOut() + step.quarantined() + step.filtered());
        }
        return run;
    }
}
