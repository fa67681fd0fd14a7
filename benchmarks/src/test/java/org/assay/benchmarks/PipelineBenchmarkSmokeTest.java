package org.assay.benchmarks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmark's own code on tiny files, so a change to a step or the engine that breaks a
 * benchmark workflow (a new required parameter, a refused pii column) is seen in the build,
 * not on the day the benchmark is run. No times are asserted; Python is not run.
 */
class PipelineBenchmarkSmokeTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"impute", "transforms", "scale"})
    void runsEndToEndOnATinyFile(String mode) throws Exception {
        PipelineBenchmark.Options o = PipelineBenchmark.options(new String[] {"--mode", mode, "--runs", "1",
            "--rows", "300", "--large-rows", "900", "--dir", dir.toString(), "--python", "none"});

        ResultTable table = PipelineBenchmark.run(o);

        assertTrue(table.agreed());
        String text = Files.readString(dir.resolve("results-" + mode + ".txt"), StandardCharsets.UTF_8);
        assertTrue(text.contains("FastCSV"), text);
        if (!mode.equals("scale")) {
            assertTrue(text.contains("reference, 300 rows"), text);
            assertTrue(text.contains("skipped (--python none)"), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--rows 0", "--mode sql", "--frobnicate 1", "--tools polars,duckdb"})
    void refusesBadOptions(String args) {
        String[] a = (args + " --dir " + dir + " --python none").split(" ");
        assertThrows(IllegalArgumentException.class, () -> PipelineBenchmark.run(PipelineBenchmark.options(a)));
    }
}
