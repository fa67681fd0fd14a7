package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ${className}StepTest {

    @TempDir
    Path dir;

    private StepTestRunner step(String file) {
        return new StepTestRunner(new ${className}StepType(), dir).param("path", file);
    }

    @Test
    void readsPairsSkipsBlankLinesAndQuarantinesTheRest() throws Exception {
        Files.writeString(dir.resolve("settings.txt"), "region = north\n\nno pair here\nlimit=10\n");
        StepTestRunner r = step("settings.txt").run();

        List<Object[]> rows = r.output("out");
        assertEquals(2, rows.size());
        assertArrayEquals(new Object[] {1L, "region", "north"}, rows.get(0));
        assertArrayEquals(new Object[] {4L, "limit", "10"}, rows.get(1));
        assertEquals(1, r.quarantined().size());
        assertTrue(r.quarantined().get(0).reason().startsWith("line 3 has no key=value"));
        assertEquals(1, r.filtered());
        r.assertRowsAccountedFor();
    }

    @Test
    void anEmptyFileGivesNoRows() throws Exception {
        Files.writeString(dir.resolve("empty.txt"), "");
        StepTestRunner r = step("empty.txt").run();
        assertEquals(0, r.output("out").size());
        assertEquals(List.of("line", "key", "value"), r.outputSchema("out").names());
        r.assertRowsAccountedFor();
    }

    @Test
    void badParametersAndMissingFilesAreNamed() throws Exception {
        step(" ").assertInvalid("path", "give the file to read");
        step("x.txt").param("maxValueLength", 0).assertInvalid("maxValueLength", "");
        StepFailure f = assertThrows(StepFailure.class, () -> step("missing.txt").run());
        assertTrue(f.getMessage().startsWith("parameter path: no file"), f.getMessage());
    }
}
