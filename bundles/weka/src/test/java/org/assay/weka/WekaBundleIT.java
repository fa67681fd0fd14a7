package org.assay.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Starts the built bundle, alone, in Felix 7.0.5 (Karaf 4.4.10's framework) and uses Weka
 * through the bundle's class loader only. Weka is also on this test's class path, so
 * every Weka class is reached by reflection from the bundle, never by a direct reference.
 */
class WekaBundleIT {

    private static Felix framework;
    private static Bundle weka;

    @BeforeAll
    static void startFramework() throws Exception {
        framework = new Felix(Map.of(
                Constants.FRAMEWORK_STORAGE, System.getProperty("assay.felix.storage"),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        String location = Path.of(System.getProperty("assay.weka.bundle")).toUri().toString();
        weka = framework.getBundleContext().installBundle(location);
        weka.start();
    }

    @AfterAll
    static void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void resolvesAloneAndExportsWekaAtItsOwnVersion() {
        assertEquals(Bundle.ACTIVE, weka.getState());
        assertEquals("org.assay.weka", weka.getSymbolicName());
        BundleWiring wiring = weka.adapt(BundleWiring.class);
        long wekaCore = wiring.getCapabilities("osgi.wiring.package").stream()
                .filter(c -> "weka.core".equals(c.getAttributes().get("osgi.wiring.package")))
                .filter(c -> new Version(3, 8, 7).equals(c.getAttributes().get("version")))
                .count();
        assertEquals(1, wekaCore);
    }

    @Test
    void j48CrossValidatesCreditGInsideOsgi() throws Exception {
        Class<?> instances = weka.loadClass("weka.core.Instances");
        assertNotSame(getClass().getClassLoader(), instances.getClassLoader(), "Weka leaked from the class path");
        URL arff = weka.getResource("weka/gui/knowledgeflow/templates/credit-g.arff");
        assertNotNull(arff);
        Object data;
        try (Reader reader = new InputStreamReader(arff.openStream(), StandardCharsets.UTF_8)) {
            data = instances.getConstructor(Reader.class).newInstance(reader);
        }
        instances.getMethod("setClassIndex", int.class).invoke(data, 20);

        // Weka's own lookup by name: needs weka.test.maventest=true inside OSGi.
        Class<?> classifierType = weka.loadClass("weka.classifiers.Classifier");
        Object j48 = weka.loadClass("weka.core.Utils")
                .getMethod("forName", Class.class, String.class, String[].class)
                .invoke(null, classifierType, "weka.classifiers.trees.J48", new String[0]);

        Class<?> evaluation = weka.loadClass("weka.classifiers.Evaluation");
        Object eval = evaluation.getConstructor(instances).newInstance(data);
        evaluation.getMethod("crossValidateModel", classifierType, instances, int.class, Random.class, Object[].class)
                .invoke(eval, j48, data, 10, new Random(1), new Object[0]);
        assertEquals(705.0, (double) evaluation.getMethod("correct").invoke(eval));
    }

    @Test
    void embeddedMatrixLibraryIsReachable() throws Exception {
        // LinearRegression solves with mtj (no.uib.cipr.matrix), embedded in lib/mtj.jar.
        Class<?> instances = weka.loadClass("weka.core.Instances");
        Object data;
        try (Reader reader = new InputStreamReader(
                weka.getResource("weka/gui/knowledgeflow/templates/credit-g.arff").openStream(),
                StandardCharsets.UTF_8)) {
            data = instances.getConstructor(Reader.class).newInstance(reader);
        }
        instances.getMethod("setClassIndex", int.class).invoke(data, 1);
        Class<?> regression = weka.loadClass("weka.classifiers.functions.LinearRegression");
        Object model = regression.getConstructor().newInstance();
        regression.getMethod("buildClassifier", instances).invoke(model, data);
        assertEquals("no.uib.cipr.matrix.DenseMatrix", weka.loadClass("no.uib.cipr.matrix.DenseMatrix").getName());
    }

    @Test
    void timeSeriesForecastingIsInlinedIntoWekasOwnPackages() throws Exception {
        // TSLagMaker sits in a package weka-stable has (split package): both halves in this bundle.
        Class<?> lagMaker = weka.loadClass("weka.filters.supervised.attribute.TSLagMaker");
        Class<?> discretize = weka.loadClass("weka.filters.supervised.attribute.Discretize");
        assertEquals(discretize.getClassLoader(), lagMaker.getClassLoader());
        assertNotSame(getClass().getClassLoader(), lagMaker.getClassLoader(), "TSLagMaker leaked from the class path");
        Class<?> forecaster = weka.loadClass("weka.classifiers.timeseries.WekaForecaster");
        Object instance = forecaster.getConstructor().newInstance();
        assertEquals(lagMaker, forecaster.getMethod("getTSLagMaker").invoke(instance).getClass());
        BundleWiring wiring = weka.adapt(BundleWiring.class);
        assertEquals(1, wiring.getCapabilities("osgi.wiring.package").stream()
                .filter(c -> "weka.classifiers.timeseries".equals(c.getAttributes().get("osgi.wiring.package")))
                .count(), "weka.classifiers.timeseries is exported");
        assertEquals(null, weka.getResource("weka/classifiers/timeseries/gui/ForecastingPanel.class"),
                "the forecasting GUI is left out");
    }
}
