package org.assay.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assay.api.step.ArtifactKind;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.junit.Test;

/** The sample workflow shipped in the distribution runs end to end on the real step bundles. */
public class SampleWorkflowIT extends AssayKarafTestSupport {

    private static final String WORKFLOW = "customer-segmentation";
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    public void customerSegmentationSucceedsWithEveryRowAccountedFor() throws Exception {
        awaitDeployed(WORKFLOW);

        RunInfo run = awaitFinished(runs().start(WORKFLOW).runId());

        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
        for (StepRunInfo step : run.steps()) {
            assertEquals("step " + step.stepId() + ": rows in = out + quarantined + filtered\n" + describe(run),
                    step.rowsIn(), step.rowsOut() + step.quarantined() + step.filtered());
        }
        StepRunInfo reader = stepOfType(run, "csv-reader");
        assertTrue("the sample data has malformed lines that must be quarantined\n" + describe(run),
                reader.quarantined() > 0);
        assertTrue(reader.rowsOut() > 0);

        assertNotNull("no report: " + describe(run), run.report());
        String report = Files.readString(run.report(), StandardCharsets.UTF_8);
        assertTrue(report.contains(WORKFLOW));

        List<ArtifactInfo> charts = artifacts(run, ArtifactKind.CHART);
        assertFalse("no chart artifacts", charts.isEmpty());
        for (ArtifactInfo chart : charts) {
            // Chart steps register each chart twice, as PNG and as SVG (ChartsIT checks the SVG).
            if (chart.path().toString().endsWith(".svg")) {
                continue;
            }
            assertTrue(chart.path() + " is not a PNG", chart.path().toString().endsWith(".png"));
            assertArrayEquals(chart.path() + " is not a PNG", PNG_MAGIC, firstBytes(chart.path(), 4));
        }

        StepRunInfo clusters = stepOfType(run, "weka-cluster");
        assertTrue("no cluster profile among " + clusters.artifacts(), clusters.artifacts().stream()
                .anyMatch(a -> a.kind() == ArtifactKind.TABLE && Files.isRegularFile(a.path())));

        StepRunInfo writer = stepOfType(run, "csv-writer");
        ArtifactInfo csv = writer.artifacts().stream().filter(a -> a.kind() == ArtifactKind.DATA).findFirst()
                .orElseThrow(() -> new AssertionError("csv-writer registered no data artifact"));
        List<String> lines = Files.readAllLines(csv.path(), StandardCharsets.UTF_8);
        assertEquals("segmented CSV: header plus one line per row written", writer.rowsOut() + 1, lines.size());
        assertTrue("segmented CSV has no segment column: " + lines.get(0),
                Arrays.asList(lines.get(0).split(",")).contains("segment"));
    }

    /** The second sample joins two sources, filters, derives, aggregates and profiles, on the real bundles. */
    @Test
    public void customerOrdersJoinsAggregatesAndProfiles() throws Exception {
        awaitDeployed("customer-orders");
        RunInfo run = awaitFinished(runs().start("customer-orders").runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
        StepRunInfo customers = run.steps().stream().filter(s -> s.stepId().equals("customers")).findFirst().orElseThrow();
        StepRunInfo joined = run.steps().stream().filter(s -> s.stepId().equals("customer-360")).findFirst().orElseThrow();
        assertEquals("a left join keeps every customer once\n" + describe(run), customers.rowsOut(), joined.rowsOut());
        assertTrue("refunds are filtered\n" + describe(run), stepOfType(run, "filter").filtered() > 0);
        StepRunInfo profile = stepOfType(run, "profile");
        assertTrue("no profile table among " + profile.artifacts(), profile.artifacts().stream()
                .anyMatch(a -> a.kind() == ArtifactKind.TABLE && a.path().getFileName().toString().equals("profile.csv")));
        String table = Files.readString(profile.artifacts().stream()
                .filter(a -> a.path().getFileName().toString().equals("profile.csv")).findFirst().orElseThrow().path());
        assertTrue(table, table.contains("revenue") && table.contains("order_count"));
        assertFalse("pii columns get counts only: " + table, table.contains("@example.com"));
        List<ArtifactInfo> sheets = profile.artifacts().stream().filter(a -> a.kind() == ArtifactKind.CHART).toList();
        assertFalse("no column charts among " + profile.artifacts(), sheets.isEmpty());
        for (ArtifactInfo sheet : sheets) {
            assertArrayEquals(sheet.path() + " is not a PNG", PNG_MAGIC, firstBytes(sheet.path(), 4));
        }

        // Amounts have cents: their sums are exact in decimal, with no binary noise (35.480000000000004).
        ArtifactInfo csv = stepOfType(run, "csv-writer").artifacts().stream()
                .filter(a -> a.kind() == ArtifactKind.DATA).findFirst().orElseThrow();
        List<String> lines = Files.readAllLines(csv.path(), StandardCharsets.UTF_8);
        int revenue = Arrays.asList(lines.get(0).split(",")).indexOf("revenue");
        assertTrue("no revenue column: " + lines.get(0), revenue >= 0);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertTrue("revenue with binary noise: " + line,
                    cells.length <= revenue || cells[revenue].matches("-?\\d*(\\.\\d{1,2})?"));
        }
    }

    /**
     * The sample's customers have names and e-mails tagged pii: none of them may reach a side
     * file of the run (quarantine, report, record, charts, tables, the written CSV) or the log.
     */
    @Test
    public void noPiiValueOfTheSampleReachesASideFile() throws Exception {
        awaitDeployed(WORKFLOW);
        RunInfo run = awaitFinished(runs().start(WORKFLOW).runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());

        Set<String> emails = new HashSet<>();
        Matcher m = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+").matcher(
                Files.readString(workflowDir().resolve("data/customers.csv"), StandardCharsets.UTF_8));
        while (m.find()) {
            emails.add(m.group());
        }
        assertTrue("the sample has e-mails to look for", emails.size() > 1000);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(run.folder())) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        files.add(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"));
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String email : emails) {
                if (text.contains(email)) {
                    throw new AssertionError(f + " holds the pii value " + email);
                }
            }
        }
        assertTrue("the quarantine is among the files checked", files.contains(run.folder().resolve("quarantine.csv")));
    }

    private static StepRunInfo stepOfType(RunInfo run, String type) {
        return run.steps().stream().filter(s -> s.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " step in " + describe(run)));
    }

    private static List<ArtifactInfo> artifacts(RunInfo run, ArtifactKind kind) {
        return run.steps().stream().flatMap(s -> s.artifacts().stream()).filter(a -> a.kind() == kind).toList();
    }

    private static byte[] firstBytes(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.copyOf(in.readNBytes(n), n);
        }
    }
}
