package org.assay.miners.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.assay.api.step.Parameters;
import org.junit.jupiter.api.Test;

/**
 * A class name in {@code algorithm} or {@code options} is an attack surface: only Weka classes
 * may be loaded, and no code of any other class may run, not even a static initialiser.
 */
class ClustererSetupTest {

    private final WekaClusterStepType type = new WekaClusterStepType();

    private List<String> validate(Map<String, Object> given) {
        // As the user reads them: the validator puts each at its parameter.
        return type.check(Parameters.of(type.descriptor(), given)).stream()
                .map(p -> p.parameter() == null ? p.message() : p.parameter() + ": " + p.message()).toList();
    }

    @Test
    void jdkClassesAreRefusedAsNotWekaClusterers() {
        for (String name : List.of("java.lang.Runtime", "java.lang.ProcessBuilder")) {
            List<String> problems = validate(Map.of("algorithm", name, "options", ""));
            assertEquals(List.of("algorithm: '" + name + "' is not a Weka clusterer; use one of "
                    + ClustererSetup.EXAMPLES + "."), problems);
        }
    }

    @Test
    void wekaClassInTheClustererPackageThatIsNoClustererIsRefused() {
        List<String> problems = validate(Map.of("algorithm", "weka.clusterers.ClusterEvaluation", "options", ""));
        assertEquals(List.of("algorithm: 'weka.clusterers.ClusterEvaluation' is not a Weka clusterer; use one of "
                + ClustererSetup.EXAMPLES + "."), problems);
    }

    @Test
    void aClustererOutsideWekaIsRefusedWithoutRunningAnyOfItsCode() {
        List<String> problems = validate(Map.of("algorithm", ForeignClusterer.class.getName(), "options", ""));
        assertTrue(problems.get(0).startsWith("algorithm: 'org.assay.miners.internal.ForeignClusterer' is not a"
                + " Weka clusterer"), problems.toString());
        assertFalse(ForeignClusterer.Witness.INITIALISED.get(), "the class's static initialiser ran");
    }

    @Test
    void aNestedSchemeNamingAClassOutsideWekaIsRefusedBeforeWekaLoadsIt() {
        List<String> problems = validate(Map.of("algorithm", "weka.clusterers.MakeDensityBasedClusterer",
                "options", "-W " + ForeignClusterer.class.getName()));
        assertEquals(List.of("options: 'org.assay.miners.internal.ForeignClusterer' (after -W) is not a Weka class;"
                + " options may name only classes under weka., e.g. -W weka.clusterers.SimpleKMeans or -A"
                + " weka.core.EuclideanDistance."), problems);
        assertFalse(ForeignClusterer.Witness.INITIALISED.get(), "the class's static initialiser ran");
    }

    @Test
    void jdkClassesInNestedOptionsAreRefused() {
        Map<String, String> cases = Map.of(
                "weka.clusterers.MakeDensityBasedClusterer", "-W java.lang.Runtime",
                "weka.clusterers.FilteredClusterer", "-F \"java.lang.ProcessBuilder -x\" -W weka.clusterers.EM",
                "weka.clusterers.SimpleKMeans", "-N 3 -A \"java.lang.ProcessBuilder -R first-last\"");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            List<String> problems = validate(Map.of("algorithm", c.getKey(), "options", c.getValue()));
            assertEquals(1, problems.size(), c + ": " + problems);
            assertTrue(problems.get(0).startsWith("options: 'java.lang."), c + ": " + problems);
            assertTrue(problems.get(0).contains("is not a Weka class"), c + ": " + problems);
        }
    }

    @Test
    void classesDeepInNestedOptionsAreChecked() {
        // FilteredClusterer -> -W FilteredClusterer -> -- -F "a filter whose own -W names a JDK class".
        String options = "-W weka.clusterers.FilteredClusterer -- -F \"weka.filters.unsupervised.attribute"
                + ".AddCluster -W \\\"java.lang.Runtime -x\\\"\" -W weka.clusterers.SimpleKMeans";
        List<String> problems = validate(Map.of("algorithm", "weka.clusterers.FilteredClusterer", "options", options));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("options: 'java.lang.Runtime'"), problems.toString());
    }

    @Test
    void wekaClassesAndNumbersAfterSchemeKeysStillWork() {
        assertEquals(List.of(), validate(Map.of("options", "-N 3 -A \"weka.core.ManhattanDistance -R first-last\"")));
        assertEquals(List.of(), validate(Map.of("algorithm", "weka.clusterers.Cobweb", "options", "-A 1.0 -C 0.002")));
        assertEquals(List.of(), validate(Map.of("algorithm", "weka.clusterers.FilteredClusterer",
                "options", "-F \"weka.filters.unsupervised.attribute.Remove -R 1\" -W weka.clusterers.EM -- -N 2")));
    }
}
