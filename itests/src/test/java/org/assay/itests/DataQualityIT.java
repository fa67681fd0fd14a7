package org.assay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.assay.api.step.ArtifactKind;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.junit.Test;

/** The data-quality steps on the real distribution: the customer-quality sample end to end. */
public class DataQualityIT extends AssayKarafTestSupport {

    private static final String WORKFLOW = "customer-quality";

    @Test
    public void theCleaningStepsAreInstalled() throws Exception {
        for (String type : List.of("dedup", "outliers", "normalize", "validate", "impute")) {
            awaitStepType(type, null);
        }
    }

    @Test
    public void customerQualityCleansTheMessyTableEndToEnd() throws Exception {
        awaitDeployed(WORKFLOW);
        RunInfo run = awaitFinished(runs().start(WORKFLOW).runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
        for (StepRunInfo step : run.steps()) {
            assertEquals("step " + step.stepId() + ": rows in = out + quarantined + filtered\n" + describe(run),
                    step.rowsIn(), step.rowsOut() + step.quarantined() + step.filtered());
        }
        StepRunInfo reader = step(run, "customers");
        StepRunInfo checked = step(run, "checked");
        assertTrue("rows that break rules are quarantined\n" + describe(run), checked.quarantined() > 0);
        StepRunInfo golden = step(run, "golden");
        assertTrue("duplicates are merged away\n" + describe(run), golden.filtered() > reader.rowsOut() / 5);

        String outliers = Files.readString(artifact(step(run, "capped"), "outlier-summary.csv"));
        String incomeLine = outliers.lines().filter(l -> l.startsWith("income,")).findFirst().orElseThrow();
        assertTrue("absurd incomes are capped: " + outliers, Long.parseLong(incomeLine.split(",")[9]) > 0);
        String normalized = Files.readString(artifact(step(run, "normalized"), "normalize-summary.csv"));
        assertTrue(normalized, normalized.contains("phone,phone,"));
        String summary = Files.readString(artifact(golden, "dedup-summary.csv"));
        assertTrue(summary, summary.contains("pairs_compared,"));

        StepRunInfo writer = step(run, "table");
        ArtifactInfo csv = writer.artifacts().stream().filter(a -> a.kind() == ArtifactKind.DATA).findFirst()
                .orElseThrow(() -> new AssertionError("csv-writer registered no data artifact"));
        List<String> lines = Files.readAllLines(csv.path(), StandardCharsets.UTF_8);
        assertEquals(writer.rowsOut() + 1, lines.size());
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertTrue(header.toString(), header.containsAll(List.of("cluster_id", "cluster_size", "source_rows",
                "birth_date", "city")));
        assertFalse("pii columns are dropped: " + header, header.contains("email") || header.contains("phone"));
        int city = header.indexOf("city");
        int birth = header.indexOf("birth_date");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertTrue("cities are canonical: " + line, List.of("New York", "Los Angeles", "Chicago", "Houston")
                    .contains(f[city]));
            assertTrue("birth dates are ISO: " + line, f[birth].isEmpty() || f[birth].matches("\\d{4}-\\d{2}-\\d{2}"));
        }
        for (Path f : List.of(run.folder().resolve("quarantine.csv"), artifact(golden, "matched-pairs.csv"))) {
            if (Files.exists(f)) {
                assertFalse(f + " holds an e-mail", Files.readString(f).contains("@example.com"));
            }
        }
    }
}
