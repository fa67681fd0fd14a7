package org.assay.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowVersionsTest {

    @TempDir
    Path root;

    @Test
    void versionsAreListedOldestFirstWithTheActiveOne() throws Exception {
        Path dir = Files.createDirectories(root.resolve("churn"));
        Files.writeString(dir.resolve("v1.json"), "{\"v\":1}");
        Files.writeString(dir.resolve("v10.json"), "{\"v\":10}");
        Files.writeString(dir.resolve("v2.json"), "{\"v\":2}");
        Files.writeString(dir.resolve("notes.txt"), "x");
        Files.writeString(dir.resolve("active.json"),
                "{\"version\":2,\"deployedAt\":\"2026-12-02T01:00:00Z\",\"deployedBy\":\"ann\"}");
        WorkflowVersions v = new WorkflowVersions(root);
        List<WorkflowVersions.Version> list = v.versions("churn");
        assertEquals(List.of(1, 2, 10), list.stream().map(WorkflowVersions.Version::version).toList());
        assertEquals(new WorkflowVersions.Version(2, true, "2026-12-02T01:00:00Z", "ann"), list.get(1));
        assertEquals("{\"v\":10}", v.source("churn", 10).orElseThrow());
        assertTrue(v.source("churn", 3).isEmpty());
        assertTrue(v.versions("other").isEmpty());
    }

    @Test
    void anIdThatIsNotAWorkflowIdIsNeverResolved() {
        WorkflowVersions v = new WorkflowVersions(root);
        for (String bad : new String[] {"..", "../x", "a/b", "A", ".hidden", ""}) {
            assertEquals(400, assertThrows(ApiProblem.class, () -> v.versions(bad)).status(), bad);
        }
    }
}
