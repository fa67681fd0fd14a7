package org.assay.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run may touch on disk, and what its side files may hold. */
class RunFilesTest {

    @TempDir
    Path dir;
    private Path workflows;
    private final StepRegistry registry = new StepRegistry();
    private WorkflowStore store;
    private RunEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        workflows = Files.createDirectories(dir.resolve("workflows/data")).getParent();
        EngineSettings settings = new EngineSettings(workflows, dir.resolve("data"), List.of(), List.of(), 2, 2,
                Duration.ofSeconds(20), Duration.ofSeconds(1), 0, true, false, ResourceLimits.DEFAULTS);
        registry.add(TestSteps.files(), "test.steps", "1.0.0", 1, 1);
        store = new WorkflowStore(registry, settings);
        engine = new RunEngine(registry, store, settings);
    }

    @AfterEach
    void tearDown() {
        engine.deactivate();
    }

    private RunInfo run(String params) throws Exception {
        store.deploy("{\"format\": 1, \"id\": \"wf\", \"steps\": [{\"id\": \"f\", \"type\": \"files\", \"params\": "
                + params + "}]}", "test");
        RunInfo started = engine.start("wf");
        return engine.await(started.runId(), Duration.ofSeconds(30));
    }

    @Test
    void aLinkPlantedAfterDeployIsRefusedAtRunTime() throws Exception {
        // Nothing is there at deploy time, so the deploy check passes; the run checks the real path.
        store.deploy("{\"format\": 1, \"id\": \"wf\", \"steps\": [{\"id\": \"f\", \"type\": \"files\", \"params\": "
                + "{\"from\": \"data/people.csv\"}}]}", "test");
        Files.createSymbolicLink(workflows.resolve("data/people.csv"), Path.of("/etc/passwd"));
        RunInfo r = engine.await(engine.start("wf").runId(), Duration.ofSeconds(30));
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.error().startsWith("step 'f' failed"), r.error());
        assertTrue(r.error().contains("\"data/people.csv\" (/etc/passwd) is outside the folders workflows may read"),
                r.error());
        assertFalse(Files.readString(r.folder().resolve("run.json")).contains("root:"), "nothing of the file was read");
    }

    @Test
    void quarantineAndReportMaskPiiAndTheRunFolderIsTheOwnersAlone() throws Exception {
        Files.writeString(workflows.resolve("data/lines.txt"), "plain\nsecret:ann@example.com\nplain too\n");
        RunInfo r = run("{\"from\": \"data/lines.txt\", \"to\": \"copy.txt\"}");
        assertEquals(RunStatus.SUCCEEDED, r.status(), r::error);
        assertEquals(1, r.quarantined());

        String quarantine = Files.readString(r.folder().resolve(QuarantineLog.FILE_NAME), StandardCharsets.UTF_8);
        assertTrue(quarantine.contains("2,***"), quarantine);
        String report = Files.readString(r.report(), StandardCharsets.UTF_8);
        for (String sideFile : List.of(quarantine, report, Files.readString(r.folder().resolve("run.json")))) {
            assertFalse(sideFile.contains("ann@example.com"), sideFile);
        }
        // The step wrote its relative output into its own artifact folder.
        assertTrue(Files.exists(r.folder().resolve("f/copy.txt")));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(r.folder())));
    }
}
