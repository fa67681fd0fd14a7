package org.assay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.junit.Test;
import org.osgi.framework.Bundle;

/** A step bundle updated while its step runs inside a streaming segment, stuck in a call that ignores cancellation. */
public class StreamingHotSwapIT extends AssayKarafTestSupport {

    private static final long STALL_MILLIS = 20_000;

    @Test
    public void aSwapInsideAStreamingSegmentReplaysTheSegmentWithoutWaitingForTheStuckStep() throws Exception {
        Bundle steps = installTestSteps("1.0.0");
        deploy(resource("itest-stream-swap.json"), "itest");

        String runId = runs().start("itest-stream-swap").runId();
        awaitRun(runId, r -> step(r, "stall").status() == RunStatus.RUNNING && step(r, "stall").rowsIn() > 0
                && step(r, "checksum").status() == RunStatus.RUNNING,
                "steps 'stall' and 'checksum' running at once", Duration.ofSeconds(60));
        long updated = System.nanoTime();
        steps.update(testStepsJar("2.0.0"));
        long updateReturned = System.nanoTime();
        // The pause: from the update to the replacement attempt of the stuck step running on 2.0.0.
        RunInfo replaced = null;
        while (System.nanoTime() - updated < TimeUnit.SECONDS.toNanos(60)) {
            RunInfo r = runs().get(runId).orElseThrow();
            StepRunInfo s = step(r, "stall");
            if (s.attempts() >= 2 && s.status() != RunStatus.WAITING_FOR_STEPS && s.status() != RunStatus.QUEUED
                    && s.provider().endsWith("2.0.0") || r.status().isFinished()) {
                replaced = r;
                break;
            }
            Thread.sleep(5);
        }
        long pauseMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - updated);
        System.out.println("hot-swap pause inside a streaming segment (update to replacement attempt): "
                + pauseMillis + " ms, of which Bundle.update itself " + TimeUnit.NANOSECONDS.toMillis(updateReturned
                - updated) + " ms; old attempt stuck for " + STALL_MILLIS + " ms");
        RunInfo done = awaitFinished(runId);

        assertTrue("the replacement must not wait for the stuck attempt (" + STALL_MILLIS + " ms): " + pauseMillis
                + " ms; " + describe(replaced), pauseMillis < STALL_MILLIS);
        assertEquals(describe(done), RunStatus.SUCCEEDED, done.status());
        StepRunInfo stall = step(done, "stall");
        assertEquals(describe(done), TEST_STEPS_BSN + " 2.0.0", stall.provider());
        assertEquals(describe(done), 20_000, stall.rowsIn());
        assertEquals(describe(done), 20_000, stall.rowsOut());
        assertTrue("the segment head ran again: " + describe(done), step(done, "rows").attempts() >= 2);
        assertTrue("the run record names what was replayed: " + describe(done), done.events().stream()
                .anyMatch(e -> e.contains("replaying from its inputs") && e.contains("with the steps it streams with")));
        ArtifactInfo checksum = step(done, "checksum").artifacts().stream()
                .filter(a -> a.path().getFileName().toString().equals("checksum.txt")).findFirst()
                .orElseThrow(() -> new AssertionError("no checksum.txt in " + describe(done)));
        assertEquals("rows=20000 sum=" + 20_000L * 20_001 / 2 + " distinct=20000",
                Files.readString(checksum.path(), StandardCharsets.UTF_8).trim());
    }
}
