package org.assay.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.RejectedWorkflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowFolderWatcherTest {

    @TempDir
    Path dir;

    private final StepRegistry registry = new StepRegistry();
    private Path folder;
    private WorkflowStore store;
    private WorkflowFolderWatcher watcher;

    @BeforeEach
    void setUp() throws Exception {
        folder = Files.createDirectories(dir.resolve("workflows"));
        registry.add(TestSteps.source(), "test.steps", "1.0.0", 1, 1);
        // An hour between scans: the test drives every scan itself.
        EngineSettings settings = new EngineSettings(folder, dir.resolve("data"), List.of(), List.of(), 1, 2, Duration.ofSeconds(1),
                Duration.ofHours(1), 0, true, false, new ResourceLimits(4096, 500, Duration.ofSeconds(60)));
        store = new WorkflowStore(registry, settings);
        watcher = new WorkflowFolderWatcher(store, settings);
    }

    @AfterEach
    void tearDown() {
        watcher.deactivate();
    }

    private static String wf(String id, int rows) {
        return "{\"format\": 1, \"id\": \"" + id + "\", \"steps\": [{\"id\": \"src\", \"type\": \"numbers\", "
                + "\"params\": {\"rows\": " + rows + "}}]}";
    }

    /** Writes a file with a modification time the watcher cannot mistake for the previous one. */
    private Path write(String name, byte[] content) throws Exception {
        Path file = folder.resolve(name);
        FileTime previous = Files.exists(file) ? Files.getLastModifiedTime(file) : FileTime.from(Instant.EPOCH);
        Files.write(file, content);
        Files.setLastModifiedTime(file, FileTime.from(previous.toInstant().plusSeconds(2).isAfter(Instant.now())
                ? previous.toInstant().plusSeconds(2) : Instant.now()));
        return file;
    }

    private Path write(String name, String content) throws Exception {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private RejectedWorkflow rejected(Path file) {
        return store.rejected().stream().filter(r -> r.origin().equals(file.toString())).findFirst()
                .orElseThrow(() -> new AssertionError(file + " is not listed as rejected: " + store.rejected()));
    }

    @Test
    void aSecondFileWithTheSameIdIsRejectedNamingBothAndDeletingItChangesNothing() throws Exception {
        Path original = write("a.json", wf("wf", 1));
        watcher.scan();
        Path copy = write("b.json", wf("wf", 2));
        watcher.scan();

        DeployedWorkflow active = store.get("wf").orElseThrow();
        assertEquals(original.toString(), active.origin(), "the first file keeps the id");
        assertEquals(1, active.version());
        assertEquals(List.of(), active.lastRejected(), "the copy's refusal is not an edit of the original");
        RejectedWorkflow r = rejected(copy);
        assertEquals("wf", r.workflowId());
        String message = r.problems().get(0).message();
        assertTrue(message.contains(original.toString()) && message.contains(copy.toString()), message);

        Files.delete(copy);
        watcher.scan();
        assertEquals(original.toString(), store.get("wf").orElseThrow().origin(), "deleting the copy undeploys nothing");
        assertEquals(1, store.get("wf").orElseThrow().version());
        assertEquals(List.of(), store.rejected());
    }

    @Test
    void theIdStaysWithItsFileAcrossARestart() throws Exception {
        Path original = write("b.json", wf("wf", 1));
        watcher.scan();
        Path copy = write("a.json", wf("wf", 2));
        watcher.scan();
        watcher.deactivate();
        EngineSettings settings = new EngineSettings(folder, dir.resolve("data"), List.of(), List.of(), 1, 2, Duration.ofSeconds(1),
                Duration.ofHours(1), 0, true, false, ResourceLimits.DEFAULTS);
        store = new WorkflowStore(registry, settings);
        watcher = new WorkflowFolderWatcher(store, settings);
        // The copy sorts first in the folder; ownership, not listing order, decides.
        watcher.scan();
        assertEquals(original.toString(), store.get("wf").orElseThrow().origin());
        assertEquals("wf", rejected(copy).workflowId());
    }

    @Test
    void deletingTheOwnerHandsTheIdToTheRejectedCopy() throws Exception {
        Path original = write("a.json", wf("wf", 1));
        watcher.scan();
        Path copy = write("b.json", wf("wf", 2));
        watcher.scan();

        Files.delete(original);
        watcher.scan();
        DeployedWorkflow active = store.get("wf").orElseThrow();
        assertEquals(copy.toString(), active.origin());
        assertEquals(2, active.version());
        assertEquals(2L, active.definition().steps().get(0).params().get("rows"));
        assertEquals(List.of(), store.rejected());

        Files.delete(copy);
        watcher.scan();
        assertTrue(store.get("wf").isEmpty(), "deleting the last file undeploys");
    }

    @Test
    void anOwnerThatRenamesItsIdHandsTheOldOneOver() throws Exception {
        write("a.json", wf("wf", 1));
        watcher.scan();
        Path copy = write("b.json", wf("wf", 2));
        watcher.scan();
        write("a.json", wf("other", 1));
        watcher.scan();
        assertEquals(copy.toString(), store.get("wf").orElseThrow().origin());
        assertTrue(store.get("other").isPresent());
    }

    @Test
    void aRejectedNewFileIsListedUntilItIsFixed() throws Exception {
        Path file = write("new.json", "{\"format\": 1, \"id\": \"fresh\", \"steps\": [}");
        watcher.scan();
        assertTrue(store.list().isEmpty());
        RejectedWorkflow r = rejected(file);
        assertEquals("fresh", r.workflowId());
        assertEquals("JSON syntax error: unexpected close marker '}': expected ']'", r.problems().get(0).message());

        write("new.json", wf("fresh", 3));
        watcher.scan();
        assertTrue(store.get("fresh").isPresent());
        assertEquals(List.of(), store.rejected());
    }

    @Test
    void aBinaryFileIsNamedAsSuch() throws Exception {
        byte[] noise = new byte[2000];
        new Random(5).nextBytes(noise);
        Path file = write("noise.json", noise);
        watcher.scan();
        RejectedWorkflow r = rejected(file);
        assertNull(r.workflowId());
        assertEquals("noise.json is not UTF-8 text (looks binary); a workflow is a JSON text file",
                r.problems().get(0).message());
    }

    @Test
    void latin1TextIsLocatedAndTheLikelyEncodingNamed() throws Exception {
        Path file = write("latin.json", ("{\"format\": 1, \"id\": \"wf\",\n \"name\": \"Fran\u00e7oise\", \"steps\": []}")
                .getBytes(StandardCharsets.ISO_8859_1));
        watcher.scan();
        RejectedWorkflow r = rejected(file);
        assertEquals(2, r.problems().get(0).line());
        assertEquals(15, r.problems().get(0).column());
        assertTrue(r.problems().get(0).message().contains("byte 0xE7 at line 2 is not UTF-8 (the file may be "
                + "ISO-8859-1 or Windows-1252)"), r.problems()::toString);
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedByItsSize() throws Exception {
        Path file = write("big.json", wf("wf", 1) + " ".repeat(5000));
        watcher.scan();
        assertFalse(store.get("wf").isPresent());
        assertEquals("big.json is 5 KiB; the limit is 4 KiB (maxWorkflowFileKib in etc/org.assay.engine.cfg)",
                rejected(file).problems().get(0).message());
    }
}
