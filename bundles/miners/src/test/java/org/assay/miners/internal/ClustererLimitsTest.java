package org.assay.miners.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.api.step.Step;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepFailure;
import org.assay.api.step.StepType;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs that Weka would finish with a useless result, or after a very long time. */
class ClustererLimitsTest {

    @TempDir
    Path dir;

    private final WekaClusterStepType type = new WekaClusterStepType();

    @Test
    void asManyClustersAsRowsOrMoreIsRefusedForEveryClustererThatTakesANumber() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("weka.clusterers.SimpleKMeans", "-N 5000");
        cases.put("weka.clusterers.EM", "-N 5000");
        cases.put("weka.clusterers.FarthestFirst", "-N 5000");
        cases.put("weka.clusterers.HierarchicalClusterer", "-N 5000");
        cases.put("weka.clusterers.Canopy", "-N 5000");
        cases.put("weka.clusterers.MakeDensityBasedClusterer", "-W weka.clusterers.SimpleKMeans -- -N 5000");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            StepTestRunner r = new StepTestRunner(type, dir).input("in", WekaClusterStepTest.BLOB_SCHEMA, WekaClusterStepTest.blobs(), 16).param("algorithm", c.getKey()).param("options", c.getValue());
            StepFailure e = assertThrows(StepFailure.class, r::run, c.toString());
            String name = c.getKey().endsWith("MakeDensityBasedClusterer") ? "SimpleKMeans"
                    : c.getKey().substring("weka.clusterers.".length());
            assertEquals("options: asked " + name + " for 5000 clusters (-N 5000) but the input has 100 rows; choose"
                    + " -N below 100 (segmentations usually have 3 to 10 clusters).", e.getMessage(), c.toString());
        }
    }

    @Test
    void oneClusterPerRowIsRefusedToo() {
        StepTestRunner r = new StepTestRunner(type, dir).input("in", WekaClusterStepTest.BLOB_SCHEMA, WekaClusterStepTest.blobs(), 16).param("options", "-N 100");
        StepFailure e = assertThrows(StepFailure.class, r::run);
        assertTrue(e.getMessage().contains("but the input has 100 rows, one cluster per row; choose -N below 100"),
                e.getMessage());
    }

    @Test
    void letTheClustererChooseIsNotChecked() throws Exception {
        new StepTestRunner(type, dir).input("in", WekaClusterStepTest.BLOB_SCHEMA, WekaClusterStepTest.blobs(), 16).param("algorithm", "weka.clusterers.EM").param("options", "-N -1 -S 1").run();
        assertFalse(Files.readString(dir.resolve("artifacts/model-summary.txt")).contains("Warning"));
    }

    @Test
    void moreClustersThanDifferentPointsIsAWarning() throws Exception {
        Schema schema = Schema.of(Field.of("x", FieldType.DECIMAL), Field.of("y", FieldType.DECIMAL));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(row((double) (i % 3), 1.0));
        }
        new StepTestRunner(type, dir).input("in", schema, rows, 8).param("options", "-N 5 -S 1").run();
        String summary = Files.readString(dir.resolve("artifacts/model-summary.txt"));
        assertTrue(summary.startsWith("Warning: options: asked SimpleKMeans for 5 clusters (-N 5) but the rows have"
                + " only 3 different combinations of values in [x, y], so at most 3 clusters can differ; choose -N 3"
                + " or fewer, or cluster on more columns.\n"), summary);
    }

    /** weka-cluster with the slow-clusterer warning from {@code slowRows} rows on. */
    private StepType withSlowRows(int slowRows) {
        return new WekaClusterStepType(slowRows);
    }

    @Test
    void hierarchicalClustererOnManyRowsWarnsWithTheEstimateAndTheAdvice() throws Exception {
        new StepTestRunner(withSlowRows(50), dir).input("in", WekaClusterStepTest.BLOB_SCHEMA, WekaClusterStepTest.blobs(), 16)
                .param("algorithm", "weka.clusterers.HierarchicalClusterer").param("options", "-N 3").run();
        String summary = Files.readString(dir.resolve("artifacts/model-summary.txt"));
        assertTrue(summary.startsWith("Warning: HierarchicalClusterer on 100 rows is slow: it compares every pair of"
                + " rows (4,950 pairs) and its time grows with the cube of the rows: 100 rows take roughly "), summary);
        assertTrue(summary.contains("Cluster a sample of the rows, or use weka.clusterers.SimpleKMeans"), summary);
    }

    @Test
    void hierarchicalClustererOnFewRowsDoesNotWarnAndKMeansNever() throws Exception {
        new StepTestRunner(type, dir).input("in", WekaClusterStepTest.BLOB_SCHEMA, WekaClusterStepTest.blobs(), 16).param("algorithm", "weka.clusterers.HierarchicalClusterer").param("options", "-N 3").run();
        assertFalse(Files.readString(dir.resolve("artifacts/model-summary.txt")).contains("Warning"));
        new StepTestRunner(withSlowRows(50), dir).input("in", WekaClusterStepTest.BLOB_SCHEMA, WekaClusterStepTest.blobs(), 16).param("options", WekaClusterStepTest.KMEANS_3).run();
        assertFalse(Files.readString(dir.resolve("artifacts/model-summary.txt")).contains("Warning"));
    }

    @Test
    void theEstimateScalesFromTheMeasuredPoint() {
        weka.clusterers.HierarchicalClusterer h = new weka.clusterers.HierarchicalClusterer();
        String w = ClustererLimits.slowness(h, 2992, ClustererLimits.SLOW_ROWS);
        assertTrue(w.startsWith("HierarchicalClusterer on 2992 rows is slow: it compares every pair of rows"
                + " (4,474,536 pairs) and its time grows with the cube of the rows: 2992 rows take roughly 3 min"
                + " (about 44 s for 2000 rows on a typical machine)."), w);
        assertNull(ClustererLimits.slowness(h, 2000, ClustererLimits.SLOW_ROWS));
        assertNull(ClustererLimits.slowness(new weka.clusterers.SimpleKMeans(), 1_000_000, ClustererLimits.SLOW_ROWS));
    }
}
