package org.assay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Test;

/** The assembled distribution boots with every Assay bundle active and the Weka properties set. */
public class DistributionSmokeIT extends AssayKarafTestSupport {

    private static final List<String> ASSAY_BUNDLES = List.of("assay-api", "assay-engine", "assay-shell", "assay-scheduler",
            "org.assay.weka", "assay-connectors-file", "assay-cleaners", "assay-miners", "assay-visualizers");

    @Test
    public void everyAssayBundleIsActive() throws InterruptedException {
        // Karaf may still be starting boot features when the first test runs.
        String notActive = String.join(", ", awaitActive(ASSAY_BUNDLES));
        assertEquals("bundles not active: " + notActive + "; installed: " + assayBundles(), "", notActive);
    }

    @Test
    public void wekaSystemPropertiesComeFromTheDistribution() {
        assertEquals("com.github.fommil.netlib.F2jBLAS", System.getProperty("com.github.fommil.netlib.BLAS"));
        assertEquals("true", System.getProperty("weka.test.maventest"));
        assertEquals(Path.of(System.getProperty("karaf.data"), "wekafiles").toString(), System.getProperty("WEKA_HOME"));
    }

    @Test
    public void sampleWorkflowsShipInTheWatchedFolder() {
        assertTrue("missing " + workflowDir().resolve("customer-segmentation.json"),
                Files.isRegularFile(workflowDir().resolve("customer-segmentation.json")));
        assertTrue(Files.isRegularFile(workflowDir().resolve("data/customers.csv")));
    }

    @Test
    public void engineServesTheStepCatalog() throws Exception {
        assertNotNull(catalog().get("csv-reader").orElse(null));
        String out = executeCommand("assay:step-list");
        assertTrue(out, out.contains("weka-cluster"));
    }

    private String assayBundles() {
        return Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().contains("assay"))
                .map(b -> b.getSymbolicName() + " " + b.getVersion() + " state " + b.getState())
                .collect(Collectors.joining(", "));
    }
}
