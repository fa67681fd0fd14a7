package org.assay.miners.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * The built miners bundle in Felix 7.0.5 with SCR 2.2.6, next to the api and Weka bundles:
 * the step type registers, finds Weka clusterers by name through the Weka bundle, and runs.
 * The api classes here come from the api bundle, so the test reaches them by reflection and
 * gives the step a {@link Proxy} as its context.
 */
class WekaClusterBundleIT {

    private static Felix framework;
    private static Bundle api;
    private static Bundle slf4j;
    private static Object stepType;

    @TempDir
    Path dir;

    @BeforeAll
    static void startFramework() throws Exception {
        framework = new Felix(Map.of(
                Constants.FRAMEWORK_STORAGE, System.getProperty("assay.felix.storage"),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        BundleContext context = framework.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (String jar : List.of("org.osgi.util.function-", "org.osgi.util.promise-", "org.osgi.service.component-1",
                "org.apache.felix.scr-", "slf4j-api-", "slf4j-simple-", "assay-api-", "assay-weka-")) {
            bundles.add(context.installBundle(fromClassPath(jar)));
        }
        bundles.add(context.installBundle(Path.of(System.getProperty("assay.miners.bundle")).toUri().toString()));
        for (Bundle b : bundles) {
            b.start();
        }
        api = bundles.get(6);
        slf4j = bundles.get(4);
        String filter = "(assay.step.type=weka-cluster)";
        long deadline = System.currentTimeMillis() + 10_000;
        ServiceReference<?>[] refs;
        do {
            // "All": the api classes on this test's class path are not the api bundle's.
            refs = context.getAllServiceReferences("org.assay.api.step.StepType", filter);
            Thread.sleep(refs == null ? 50 : 0);
        } while (refs == null && System.currentTimeMillis() < deadline);
        assertNotNull(refs, "weka-cluster step type not registered");
        assertEquals(1, refs.length);
        stepType = context.getService(refs[0]);
    }

    private static String fromClassPath(String fileNamePrefix) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Path.of(entry).getFileName().toString().startsWith(fileNamePrefix) && entry.endsWith(".jar")) {
                return Path.of(entry).toUri().toString();
            }
        }
        throw new IllegalStateException(fileNamePrefix + "*.jar is not on the test class path");
    }

    @AfterAll
    static void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    private static Object call(Object target, String method, Object... args) throws Exception {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                m.setAccessible(true);
                return m.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(target.getClass() + "." + method);
    }

    private static Object apiStatic(String type, String method, Class<?>[] types, Object... args) throws Exception {
        return api.loadClass(type).getMethod(method, types).invoke(null, args);
    }

    private static Object parameters(Map<String, Object> given) throws Exception {
        Object descriptor = call(stepType, "descriptor");
        return apiStatic("org.assay.api.step.Parameters", "of",
                new Class<?>[] {api.loadClass("org.assay.api.step.StepDescriptor"), Map.class}, descriptor, given);
    }

    @SuppressWarnings("unchecked")
    private static List<String> validate(Map<String, Object> given) throws Exception {
        Method m = api.loadClass("org.assay.api.step.StepType")
                .getMethod("validate", api.loadClass("org.assay.api.step.Parameters"));
        return (List<String>) m.invoke(stepType, parameters(given));
    }

    @Test
    void descriptorLeavesTheVersionToTheProvidingBundle() throws Exception {
        Object descriptor = call(stepType, "descriptor");
        assertEquals("weka-cluster", call(descriptor, "typeId"));
        // The engine reports the bundle's version for steps that declare none.
        assertEquals(java.util.Optional.empty(), call(descriptor, "version"));
    }

    @Test
    void clusterersAreFoundByNameThroughTheWekaBundle() throws Exception {
        assertEquals(List.of(), validate(Map.of()));
        assertEquals(List.of(), validate(Map.of("algorithm", "weka.clusterers.EM", "options", "-N 3")));
        // Nested scheme: Weka's own Utils.forName, which needs weka.test.maventest=true in OSGi.
        assertEquals(List.of(), validate(Map.of("algorithm", "weka.clusterers.FilteredClusterer",
                "options", "-W weka.clusterers.SimpleKMeans -- -N 3")));
        List<String> problems = validate(Map.of("algorithm", "weka.clusterers.Nope"));
        assertTrue(problems.get(0).startsWith("parameter algorithm: Weka has no class 'weka.clusterers.Nope'"),
                problems.toString());
        // The Weka bundle's loader sees java.*: the name must be refused before it is asked.
        problems = validate(Map.of("algorithm", "java.lang.Runtime", "options", ""));
        assertTrue(problems.get(0).startsWith("parameter algorithm: 'java.lang.Runtime' is not a Weka clusterer"),
                problems.toString());
        problems = validate(Map.of("algorithm", "weka.clusterers.FilteredClusterer",
                "options", "-W java.lang.ProcessBuilder"));
        assertTrue(problems.get(0).startsWith("parameter options: 'java.lang.ProcessBuilder' (after -W) is not a Weka class"),
                problems.toString());
    }

    @Test
    void stepRunsInsideOsgi() throws Exception {
        Class<?> fieldType = api.loadClass("org.assay.api.data.FieldType");
        Class<?> fieldClass = api.loadClass("org.assay.api.data.Field");
        Object decimal = fieldType.getField("DECIMAL").get(null);
        Object fields = java.lang.reflect.Array.newInstance(fieldClass, 2);
        java.lang.reflect.Array.set(fields, 0, fieldClass.getMethod("of", String.class, fieldType).invoke(null, "x", decimal));
        java.lang.reflect.Array.set(fields, 1, fieldClass.getMethod("of", String.class, fieldType).invoke(null, "y", decimal));
        Class<?> schemaClass = api.loadClass("org.assay.api.data.Schema");
        Object schema = schemaClass.getMethod("of", fields.getClass()).invoke(null, fields);
        Object builder = api.loadClass("org.assay.api.data.BatchBuilder").getConstructor(schemaClass).newInstance(schema);
        Method setDouble = builder.getClass().getMethod("setDouble", int.class, double.class);
        Method endRow = builder.getClass().getMethod("endRow");
        for (int i = 0; i < 60; i++) {
            double centre = (i % 3) * 50.0;
            setDouble.invoke(builder, 0, centre + (i % 5) * 0.1);
            setDouble.invoke(builder, 1, centre - (i % 7) * 0.1);
            endRow.invoke(builder);
        }
        Object batch = builder.getClass().getMethod("build").invoke(builder);

        Object params = parameters(Map.of("options", "-N 3 -S 1 -init 1"));
        List<Object> written = new ArrayList<>();
        Map<String, Object> artifacts = new HashMap<>();
        Object logger = slf4j.loadClass("org.slf4j.LoggerFactory").getMethod("getLogger", String.class)
                .invoke(null, "it");
        ClassLoader apiLoader = api.adapt(org.osgi.framework.wiring.BundleWiring.class).getClassLoader();
        Class<?> streamType = api.loadClass("org.assay.api.data.DataStream");
        Class<?> sinkType = api.loadClass("org.assay.api.data.BatchSink");
        InvocationHandler context = (proxy, m, args) -> switch (m.getName()) {
            case "params" -> params;
            case "stepId", "runId" -> "it";
            case "input" -> Proxy.newProxyInstance(apiLoader, new Class<?>[] {streamType}, new InvocationHandler() {
                private boolean done;

                @Override
                public Object invoke(Object p, Method sm, Object[] a) {
                    return switch (sm.getName()) {
                        case "schema" -> schema;
                        case "next" -> {
                            Object next = done ? null : batch;
                            done = true;
                            yield next;
                        }
                        default -> null;
                    };
                }
            });
            case "output" -> Proxy.newProxyInstance(apiLoader, new Class<?>[] {sinkType}, (p, sm, a) -> {
                if (sm.getName().equals("write")) {
                    written.add(a[0]);
                    return null;
                }
                return args[1];
            });
            case "artifactDir" -> dir;
            case "addArtifact" -> artifacts.put(((Path) args[0]).getFileName().toString(), args[1]);
            case "log" -> logger;
            case "isCancelled" -> false;
            default -> null;
        };
        Object stepContext = Proxy.newProxyInstance(apiLoader,
                new Class<?>[] {api.loadClass("org.assay.api.step.StepContext")}, context);
        Object step = call(stepType, "newStep");
        api.loadClass("org.assay.api.step.Step").getMethod("run", api.loadClass("org.assay.api.step.StepContext"))
                .invoke(step, stepContext);

        assertEquals(1, written.size());
        Object out = written.get(0);
        assertEquals(60, call(out, "rowCount"));
        Set<Object> clusters = new HashSet<>();
        for (int r = 0; r < 60; r++) {
            clusters.add(call(out, "get", r, 2));
        }
        assertEquals(Set.of("C0", "C1", "C2"), clusters);
        // The report section resolves org.assay.api.report inside OSGi; one customer file per segment.
        assertEquals(Set.of("model-summary.txt", "cluster-profile.csv", "model.bin", "segments.section.json",
                "segment-C0.csv", "segment-C1.csv", "segment-C2.csv"), artifacts.keySet());
        assertTrue(Files.readString(dir.resolve("cluster-profile.csv")).startsWith("cluster,size,share %,mean x,mean y\n"));
    }
}
