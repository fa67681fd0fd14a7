package org.assay.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python side's outcomes, with {@code sh} standing in for Python and a shell script for
 * {@code compare.py} (same arguments, same one-line JSON answer): the build needs no Python.
 */
class PythonToolsTest {

    @TempDir
    Path dir;

    private static final Map<String, OutputDigest.Kind> COLUMNS = Map.of("n", OutputDigest.Kind.NUMBER);
    private static final OutputDigest.Digest REFERENCE =
            new OutputDigest.Digest(2, List.of(new OutputDigest.ColumnSum("n", OutputDigest.Kind.NUMBER, 2, 0, 3.0)));

    /** A fake compare.py: finds --out, writes {@code csv} there, prints {@code answer}, exits {@code exit}. */
    private String table(String csv, String answer, int exit) throws Exception {
        Path script = dir.resolve("fake.sh");
        Files.writeString(script, """
                while [ $# -gt 0 ]; do [ "$1" = --out ] && out="$2"; shift; done
                printf '%s' > "$out"
                echo '%s'
                exit %d
                """.formatted(csv, answer, exit));
        PipelineBenchmark.Options o = new PipelineBenchmark.Options("impute", 1, 2, 2, 1, dir, "sh", script,
                PythonTools.TOOLS);
        ResultTable t = new ResultTable("test", 10);
        PipelineBenchmark.pythonRows(t, o, "impute", List.of("--customers", "x.csv"), REFERENCE, COLUMNS);
        return (t.agreed() ? "AGREED\n" : "") + t;
    }

    @Test
    void anAgreeingToolIsARowWithItsTimesAndMemory() throws Exception {
        String t = table("n\\n1\\n2.0\\n", "{\"status\": \"ok\", \"version\": \"9.9\", \"runs_ms\": [30, 10, 20], "
                + "\"max_rss_mib\": 77}", 0);
        assertTrue(t.startsWith("AGREED"), t);
        assertTrue(t.matches("(?s).*polars 9\\.9\\s+20\\s+10\\s+3\\s+2\\.00x\\s+RSS 77 MiB peak\\s+agrees.*"), t);
    }

    @Test
    void aToolWhoseOutputDiffersVoidsTheComparison() throws Exception {
        String t = table("n\\n1\\n5\\n", "{\"status\": \"ok\", \"version\": \"9.9\", \"runs_ms\": [10], "
                + "\"max_rss_mib\": 1}", 0);
        assertFalse(t.startsWith("AGREED"), t);
        assertTrue(t.contains("DIFFERS"), t);
        assertTrue(t.contains("OUTPUTS DISAGREE") && t.contains("n sums to"), t);
    }

    @Test
    void aMissingPackageOrACrashIsSaidNotFailed() throws Exception {
        String missing = table("", "{\"status\": \"not installed\", \"reason\": \"No module named polars\"}", 0);
        assertTrue(missing.startsWith("AGREED"), missing);
        assertTrue(missing.contains("not installed (No module named polars)"), missing);
        String crashed = table("", "", 3);
        assertTrue(crashed.contains("failed (exit 3)"), crashed);
    }
}
