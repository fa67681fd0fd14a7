package org.assay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.junit.Test;
import org.osgi.framework.Bundle;

/** Step bundles coming, going and changing version under runs (the hot-swap promise). */
public class HotSwapIT extends AssayKarafTestSupport {

    @Test
    public void runWaitsForAMissingStepTypeAndCompletesOnceItIsInstalled() throws Exception {
        installTestSteps("1.0.0");
        deploy(resource("itest-wait.json"), "itest");
        uninstallTestSteps();

        String runId = runs().start("itest-wait").runId();
        // Waiting, and saying for which type (the status and the event may land a moment apart).
        awaitRun(runId, r -> r.status() == RunStatus.WAITING_FOR_STEPS
                && (String.valueOf(r.error()).contains("test-rows") || r.events().stream().anyMatch(e -> e.contains("test-rows"))),
                "waiting for steps, naming test-rows", Duration.ofSeconds(30));

        installTestSteps("1.0.0");
        RunInfo done = awaitFinished(runId);

        assertEquals(describe(done), RunStatus.SUCCEEDED, done.status());
        assertChecksum(done, 1000);
    }

    @Test
    public void stepBundleUpdatedMidStepIsReplayedOnTheNewVersionWithoutLosingRows() throws Exception {
        Bundle steps = installTestSteps("1.0.0");
        deploy(resource("itest-hotswap.json"), "itest");

        String runId = runs().start("itest-hotswap").runId();
        awaitRun(runId, r -> step(r, "copy").status() == RunStatus.RUNNING && step(r, "copy").rowsIn() > 0,
                "step 'copy' running", Duration.ofSeconds(60));
        steps.update(testStepsJar("2.0.0"));
        RunInfo done = awaitFinished(runId);

        assertEquals(describe(done), RunStatus.SUCCEEDED, done.status());
        StepRunInfo copy = step(done, "copy");
        assertEquals(describe(done), 20_000, copy.rowsIn());
        assertEquals(describe(done), 20_000, copy.rowsOut());
        assertEquals(describe(done), TEST_STEPS_BSN + " 2.0.0", copy.provider());
        assertTrue(describe(done), copy.attempts() >= 2);
        assertTrue("the run record should tell about the replay: " + describe(done), done.events().stream()
                .anyMatch(e -> e.toLowerCase(Locale.ROOT).contains("replay") && e.contains("copy")));
        assertChecksum(done, 20_000);
    }

    /** The checksum sink saw ids 1..n exactly once each. */
    private void assertChecksum(RunInfo run, long n) throws Exception {
        ArtifactInfo checksum = step(run, "checksum").artifacts().stream()
                .filter(a -> a.path().getFileName().toString().equals("checksum.txt")).findFirst()
                .orElseThrow(() -> new AssertionError("no checksum.txt in " + describe(run)));
        assertEquals("rows=" + n + " sum=" + n * (n + 1) / 2 + " distinct=" + n,
                Files.readString(checksum.path(), StandardCharsets.UTF_8).trim());
    }
}
