package org.assay.engine.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.assay.api.step.ArtifactKind;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportStepTest {

    @TempDir
    Path dir;

    private final ReportStepType type = new ReportStepType();

    @Test
    void describesItselfAsASinkWithoutInputs() {
        assertEquals("report", type.descriptor().typeId());
        assertTrue(type.descriptor().inputs().isEmpty());
        assertEquals("report.html", type.descriptor().parameter("path").orElseThrow().defaultValue());
    }

    @Test
    void refusesANamelessReportAndPartsThatAreNoParts() {
        new StepTestRunner(type, dir).param("name", " ").assertInvalid("name", "give the report a name");
        new StepTestRunner(type, dir).param("name", "x").param("sections", List.of("steps", "a b", "../x"))
                .assertInvalid("sections", "'a b' names no part; use one of [findings, charts, steps");
    }

    @Test
    void leavesAPlaceholderAndARequestThatTheEndOfTheRunFulfils() throws Exception {
        StepTestRunner r = new StepTestRunner(type, dir).param("name", "Weekly Segments!")
                .param("path", "out/").param("sections", List.of("steps")).run();
        Path file = dir.resolve("artifacts/out/weekly-segments.html");
        assertTrue(Files.readString(file).contains("written when run"), Files.readString(file));
        List<ArtifactInfo> artifacts = r.artifacts().stream()
                .map(a -> new ArtifactInfo("weekly", a.file(), a.kind(), a.title())).toList();
        assertEquals(List.of(ArtifactKind.DATA, ArtifactKind.DATA), artifacts.stream().map(ArtifactInfo::kind).toList());

        RunInfo run = new RunInfo("r1", "w", 1, RunStatus.SUCCEEDED, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null,
                dir, null, List.of(new StepRunInfo("weekly", "report", RunStatus.SUCCEEDED, "engine", 0, 0, 0, 0, 1, 1,
                        1, null, artifacts)), List.of());
        assertEquals(List.of(file), NamedReports.writeAll(run, null));
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(html.contains("<h1>Weekly Segments!</h1>") && html.contains("<h2 id=\"steps\">"), html);
        assertFalse(html.contains("What this run found"), html);
    }

    @Test
    void aPlaceholderReplacedByALinkIsNotWrittenThrough() throws Exception {
        StepTestRunner r = new StepTestRunner(type, dir).param("name", "x").param("path", "x.html").run();
        Path file = dir.resolve("artifacts/x.html");
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.txt"), "keep");
        Files.delete(file);
        Files.createSymbolicLink(file, elsewhere);
        List<ArtifactInfo> artifacts = r.artifacts().stream()
                .map(a -> new ArtifactInfo("r", a.file(), a.kind(), a.title())).toList();
        RunInfo run = new RunInfo("r1", "w", 1, RunStatus.SUCCEEDED, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null,
                dir, null, List.of(new StepRunInfo("r", "report", RunStatus.SUCCEEDED, "engine", 0, 0, 0, 0, 1, 1, 1,
                        null, artifacts)), List.of());
        assertEquals(List.of(), NamedReports.writeAll(run, null));
        assertEquals("keep", Files.readString(elsewhere));
    }
}
