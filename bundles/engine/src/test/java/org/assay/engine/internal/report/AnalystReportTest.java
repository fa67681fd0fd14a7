package org.assay.engine.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.assay.api.report.ReportBlock;
import org.assay.api.report.ReportSection;
import org.assay.api.step.ArtifactKind;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalystReportTest {

    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>";

    @TempDir
    Path run;
    private RunInfo info;

    @BeforeEach
    void runWithASectionAChartAndAQuarantine() throws Exception {
        Path seg = Files.createDirectories(run.resolve("segments"));
        ReportSection section = ReportSection.builder("segments", "Customer segments")
                .summary("C1 — High spend: 13% of customers, 41% of revenue.")
                .paragraph("<script>alert(1)</script> stays text")
                .figures(List.of(new ReportBlock.Figure("Silhouette", "0.41", "fair")))
                .table("Size", List.of("Segment", "Customers"), List.of(List.of("C1", "1,240")))
                .chart("Spend by segment")
                .appendix("Cluster centroids", "=== centroids ===")
                .build();
        Path sectionFile = seg.resolve("segments.section.json");
        org.assay.api.report.ReportSections.write(sectionFile, section);
        Path model = Files.writeString(seg.resolve("model-summary.txt"), "kMeans\n======\nWithin cluster SS");

        Path chart = Files.createDirectories(run.resolve("spend"));
        Path png = Files.write(chart.resolve("spend.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Path svg = Files.writeString(chart.resolve("spend.svg"), SVG);
        Path csv = Files.writeString(chart.resolve("spend.csv"), "segment,spend\nC1,7000\n");
        Path other = Files.write(chart.resolve("other.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1});

        Files.writeString(run.resolve("quarantine.csv"), "step,row,reason,record\n"
                + "reader,3,line 3: 'x' is not a number,\"3,ann@example.com,x\"\n"
                + "reader,4,line 4: 'y' is not a number,\"4,***,y\"\n"
                + "reader,9,too many cells,\"a,b,\n"
                + "c\"\n");

        info = new RunInfo("r1", "customer-segmentation", 2, RunStatus.SUCCEEDED, Instant.EPOCH, Instant.EPOCH,
                Instant.EPOCH.plusSeconds(3), null, run, null, List.of(
                        step("reader", "csv-reader", 3, List.of()),
                        step("segments", "weka-cluster", 0, List.of(
                                new ArtifactInfo("segments", sectionFile, ArtifactKind.DATA, "Report section"),
                                new ArtifactInfo("segments", model, ArtifactKind.TEXT, "Cluster model"))),
                        step("spend", "bar-chart", 0, List.of(
                                new ArtifactInfo("spend", png, ArtifactKind.CHART, "Spend by segment"),
                                new ArtifactInfo("spend", svg, ArtifactKind.CHART, "Spend by segment"),
                                new ArtifactInfo("spend", csv, ArtifactKind.TABLE, "Spend by segment (data)"),
                                new ArtifactInfo("spend", other, ArtifactKind.CHART, "Other chart")))),
                List.of("03:00:01 note"));
    }

    private static StepRunInfo step(String id, String type, long quarantined, List<ArtifactInfo> artifacts) {
        return new StepRunInfo(id, type, RunStatus.SUCCEEDED, "b 1", 10, 10 - quarantined, quarantined, 0, 1, 5, 1,
                null, artifacts);
    }

    private String render() throws Exception {
        return AnalystReport.render(info, run.resolve("quarantine.csv"), run);
    }

    @Test
    void findingsComeFirstThenSectionsChartsAndTheTechnicalAccountThenTheAppendix() throws Exception {
        String html = render();
        int findings = html.indexOf("What this run found");
        int summary = html.indexOf("C1 — High spend: 13% of customers, 41% of revenue.");
        int section = html.indexOf("<h2 id=\"s-segments-segments\">Customer segments</h2>");
        int charts = html.indexOf("<h2 id=\"charts\">");
        int steps = html.indexOf("<h2 id=\"steps\">");
        int quarantine = html.indexOf("<h2 id=\"quarantine\">");
        int files = html.indexOf("<h2 id=\"files\">");
        int appendix = html.indexOf("<h2 id=\"appendix\">");
        int centroids = html.indexOf("=== centroids ===");
        int modelDump = html.indexOf("Within cluster SS");
        List<Integer> order = List.of(findings, summary, section, charts, steps, quarantine, files, appendix,
                centroids, modelDump);
        assertTrue(order.stream().allMatch(i -> i > 0), order.toString());
        assertEquals(order.stream().sorted().toList(), order, "parts out of order");
    }

    @Test
    void theSvgIsEmbeddedInItsSectionAndThePngOfTheSameChartIsNotShownAgain() throws Exception {
        String html = render();
        String svgUri = "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(SVG.getBytes(
                StandardCharsets.UTF_8));
        int at = html.indexOf(svgUri);
        assertTrue(at > html.indexOf("Customer segments") && at < html.indexOf("<h2 id=\"charts\">"), html);
        assertEquals(1, count(html, "alt=\"Spend by segment\""));
        // A chart without SVG is embedded as PNG among the other charts.
        assertEquals(1, count(html, "data:image/png;base64,"));
        assertTrue(html.contains("Data: spend/spend.csv"));
    }

    @Test
    void aSectionFindsAChartWhoseStepAddedANoteToItsTitle() throws Exception {
        Path dir = Files.createDirectories(run.resolve("plan"));
        Path sectionFile = dir.resolve("next-best-action.section.json");
        org.assay.api.report.ReportSections.write(sectionFile, ReportSection.builder("next-best-action", "Plan")
                .chart("Simulated revenue").build());
        Path hist = Files.createDirectories(run.resolve("hist"));
        Path svg = Files.writeString(hist.resolve("revenue.svg"), SVG);
        RunInfo noted = new RunInfo("r2", "campaign", 1, RunStatus.SUCCEEDED, Instant.EPOCH, Instant.EPOCH,
                Instant.EPOCH.plusSeconds(1), null, run, null, List.of(
                        step("plan", "next-best-action", 0, List.of(new ArtifactInfo("plan", sectionFile,
                                ArtifactKind.DATA, "Report section"))),
                        step("hist", "histogram", 0, List.of(new ArtifactInfo("hist", svg, ArtifactKind.CHART,
                                "Simulated revenue (23 bins, each 241 wide, Freedman-Diaconis)")))), List.of());
        String html = AnalystReport.render(noted, null, run);
        assertFalse(html.contains("was not drawn in this run"), html);
        int at = html.indexOf("data:image/svg+xml;base64,");
        assertTrue(at > html.indexOf(">Plan</h2>") && html.indexOf("<h2 id=\"charts\">") < 0, html);
    }

    @Test
    void theFileFetchesNothingAndCarriesNoMarkupFromSections() throws Exception {
        String html = render();
        assertFalse(html.contains("<script>"), "section text must be escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; stays text"));
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "external reference");
        assertTrue(html.contains("default-src 'none'"));
        assertTrue(html.contains("@media print"));
        assertTrue(html.contains("name=\"viewport\""));
    }

    @Test
    void quarantineIsCountedByReasonWithMaskedExamples() throws Exception {
        String html = render();
        assertTrue(html.contains("3 rows were set aside"), html);
        assertTrue(html.contains("<td>&#39;…&#39; is not a number</td><td class=\"n\">2</td>"
                + "<td>row 3: 3,***,x | row 4: 4,***,y</td>"), html);
        assertTrue(html.contains("<td>too many cells</td><td class=\"n\">1</td>"), html);
        assertFalse(html.contains("ann@example.com"));
    }

    @Test
    void aNamedReportShowsOnlyTheChosenParts() throws Exception {
        String html = AnalystReport.render(info, run.resolve("quarantine.csv"), run, "Weekly segments",
                new ReportChoice(List.of("findings", "segments")));
        assertTrue(html.contains("<h1>Weekly segments</h1>"));
        assertTrue(html.contains("Customer segments"));
        assertFalse(html.contains("<h2 id=\"steps\">") || html.contains("<h2 id=\"quarantine\">")
                || html.contains("Other chart"), html);
        String none = AnalystReport.render(info, null, run, "Steps only", new ReportChoice(List.of("steps")));
        assertFalse(none.contains("Customer segments") || none.contains("What this run found"), none);
        assertTrue(none.contains("<h2 id=\"steps\">"));
    }

    @Test
    void aRunWithoutSectionsSaysWhereToLook() throws Exception {
        RunInfo plain = new RunInfo("r2", "w", 1, RunStatus.FAILED, Instant.EPOCH, null, null, "step x failed", run,
                null, List.of(step("reader", "csv-reader", 0, List.of())), List.of());
        String html = AnalystReport.render(plain, null, run);
        assertTrue(html.contains("The run did not finish: step x failed"), html);
        assertTrue(html.contains("No step of this workflow published a report section"), html);
        assertTrue(html.contains("No row was set aside."));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void theRowAccountNamesTheStepsThatLeftRowsOutInsteadOfSummingThem() {
        List<StepRunInfo> steps = List.of(
                counted("customers", "jdbc-reader", 5_147, 0),
                counted("consented", "consent-filter", 5_147, 520),
                counted("order-totals", "aggregate", 26_482, 22_034),
                counted("session-totals", "aggregate", 56_044, 51_443),
                counted("matched", "filter", 283, 149));
        String account = AnalystReport.rowAccount(steps);

        assertEquals("The run went through 5 steps; the largest step read 56,044 rows. 4 steps left rows out or"
                + " combined them on purpose (filters, joins, totals; see Filtered under Steps), the most:"
                + " session-totals (aggregate) 51,443 of 56,044 rows, order-totals (aggregate) 22,034 of 26,482 rows,"
                + " consented (consent-filter) 520 of 5,147 rows.", account);
        assertFalse(account.contains("74,146"), account);
        assertEquals("The run went through 1 step; the largest step read 5,147 rows. One step left rows out or"
                + " combined them on purpose: consented (consent-filter) 520 of 5,147 rows.",
                AnalystReport.rowAccount(List.of(counted("consented", "consent-filter", 5_147, 520))));
    }

    @Test
    void aStepsTimeIsANumberCellThatDoesNotWrap() throws Exception {
        // "0.33 s" broke into "0.33" and "s" on two lines in a narrow Time column.
        assertTrue(render().contains("<td class=\"n\">0.01 s</td>"));
    }

    private static StepRunInfo counted(String id, String type, long in, long filtered) {
        return new StepRunInfo(id, type, RunStatus.SUCCEEDED, "b 1", in, in - filtered, 0, filtered, 1, 5, 1, null,
                List.of());
    }
}
