package org.assay.visualizers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.assay.api.step.ArtifactKind;
import org.assay.testkit.StepTestRunner;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The file contract every chart step keeps: name.png, name.svg (well-formed XML) and name.csv side by side. */
final class ChartAssertions {

    private ChartAssertions() {
    }

    /** Parses the SVG as XML (no DTDs) and checks its root and size. */
    static Document assertSvg(Path svg, int width, int height) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(svg.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals(width, Double.parseDouble(root.getAttribute("width")), 0.0);
        assertEquals(height, Double.parseDouble(root.getAttribute("height")), 0.0);
        assertEquals("0 0 " + width + " " + height, root.getAttribute("viewBox").replace(".0", ""));
        assertTrue(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text").getLength() > 0
                || doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").getLength() > 0, "empty SVG");
        return doc;
    }

    /** The three files of the run's chart, with one title; returns the CSV's lines. */
    static List<String> assertChartFiles(StepTestRunner r, String title) throws Exception {
        assertEquals(3, r.artifacts().size(), r.artifacts().toString());
        StepTestRunner.Artifact png = r.artifacts().get(0);
        StepTestRunner.Artifact svg = r.artifacts().get(1);
        StepTestRunner.Artifact csv = r.artifacts().get(2);
        assertEquals(ArtifactKind.CHART, png.kind());
        assertEquals(ArtifactKind.CHART, svg.kind());
        assertEquals(ArtifactKind.DATA, csv.kind());
        if (title != null) {
            assertEquals(title, png.title());
        }
        assertEquals(png.title(), svg.title());
        String base = png.file().getFileName().toString().replaceFirst("\\.png$", "");
        assertEquals(png.file().resolveSibling(base + ".svg"), svg.file());
        assertEquals(png.file().resolveSibling(base + ".csv"), csv.file());
        assertNotNull(ImageIO.read(png.file().toFile()), "not a readable PNG");
        assertSvg(svg.file(), ImageIO.read(png.file().toFile()).getWidth(),
                ImageIO.read(png.file().toFile()).getHeight());
        List<String> lines = Files.readAllLines(csv.file(), StandardCharsets.UTF_8);
        assertTrue(!lines.isEmpty(), "the CSV has a header");
        r.assertRowsAccountedFor();
        return lines;
    }
}
