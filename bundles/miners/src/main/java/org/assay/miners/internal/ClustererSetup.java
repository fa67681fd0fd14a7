package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import weka.clusterers.Clusterer;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.Utils;

/**
 * Creates a Weka clusterer from a class name and a Weka option string, and explains in plain
 * words why it cannot. Used both to validate a workflow and at run time, so both say the same.
 *
 * <p>Classes are loaded through the Weka bundle's own class loader: this bundle imports
 * {@code weka.clusterers} but not every package a user might name, and Weka's
 * {@code Utils.forName} scans {@code java.class.path}, which is empty inside OSGi. Nested
 * schemes in the options ({@code -W}, {@code -F}) still go through {@code Utils.forName};
 * they work because the distribution sets {@code weka.test.maventest=true}.
 */
final class ClustererSetup {

    static final String EXAMPLES = "weka.clusterers.SimpleKMeans, weka.clusterers.EM, weka.clusterers.Canopy, "
            + "weka.clusterers.FarthestFirst, weka.clusterers.HierarchicalClusterer or weka.clusterers.Cobweb";

    private ClustererSetup() {
    }

    /** Thrown with a message for the user that names the parameter at fault. */
    static final class SetupException extends Exception {
        private static final long serialVersionUID = 1L;

        SetupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A new, configured clusterer.
     *
     * @param className the {@code algorithm} parameter
     * @param options   the {@code options} parameter, Weka's command-line syntax; may be blank
     * @throws SetupException naming {@code algorithm} or {@code options} and what to do
     */
    static Clusterer create(String className, String options) throws SetupException {
        Clusterer clusterer = instantiate(className);
        String[] split;
        try {
            split = Utils.splitOptions(options == null ? "" : options);
        } catch (Exception e) {
            throw new SetupException("options: cannot read '" + options + "' as Weka options (" + message(e)
                    + "). Write them as on Weka's command line, e.g. \"-N 4 -S 42\"; put values with spaces"
                    + " in double quotes.", e);
        }
        if (split.length == 0) {
            return clusterer;
        }
        String shortName = clusterer.getClass().getSimpleName();
        if (!(clusterer instanceof OptionHandler handler)) {
            throw new SetupException("options: " + shortName + " takes no options; leave 'options' empty.", null);
        }
        try {
            handler.setOptions(split);
        } catch (Exception e) {
            throw new SetupException("options: " + shortName + " rejected '" + options + "': " + sentence(e)
                    + " " + shortName + " knows " + optionNames(handler) + ".", e);
        }
        // Weka blanks each option it consumes; what is left it did not understand.
        List<String> unknown = new ArrayList<>();
        for (String s : split) {
            if (!s.isEmpty()) {
                unknown.add(s);
            }
        }
        if (!unknown.isEmpty()) {
            throw new SetupException("options: " + shortName + " does not understand " + String.join(" ", unknown)
                    + ". " + shortName + " knows " + optionNames(handler) + ".", null);
        }
        return clusterer;
    }

    /** Problems with the two parameters, for {@code StepType.validate}; empty when both are fine. */
    static List<String> problems(String className, String options) {
        try {
            create(className, options);
            return List.of();
        } catch (SetupException e) {
            return List.of(e.getMessage());
        }
    }

    private static Clusterer instantiate(String className) throws SetupException {
        String name = className == null ? "" : className.trim();
        if (name.isEmpty()) {
            throw new SetupException("algorithm: name a Weka clusterer class, e.g. " + EXAMPLES + ".", null);
        }
        Class<?> type;
        try {
            type = Instances.class.getClassLoader().loadClass(name);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SetupException("algorithm: Weka has no class '" + name + "'. Check the spelling (full class"
                    + " name, case matters), e.g. " + EXAMPLES + ".", e);
        }
        if (!Clusterer.class.isAssignableFrom(type)) {
            throw new SetupException("algorithm: " + name + " is a Weka class but not a clusterer. Use a clusterer,"
                    + " e.g. " + EXAMPLES + ".", null);
        }
        try {
            return (Clusterer) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new SetupException("algorithm: " + name + " cannot be created on its own (it is abstract or"
                    + " needs arguments). Use a concrete clusterer, e.g. " + EXAMPLES + ".", e);
        }
    }

    private static String optionNames(OptionHandler handler) {
        Set<String> names = new LinkedHashSet<>();
        Enumeration<Option> e = handler.listOptions();
        while (e.hasMoreElements()) {
            String n = e.nextElement().name();
            if (n != null && !n.isBlank()) {
                names.add("-" + n);
            }
        }
        return names.isEmpty() ? "no options" : "the options " + String.join(" ", names);
    }

    /** {@link #message} ending with a full stop (Weka's messages end with "!", ".", or nothing). */
    static String sentence(Throwable e) {
        String m = message(e);
        char last = m.charAt(m.length() - 1);
        return last == '.' || last == '!' || last == '?' ? m : m + ".";
    }

    /** Weka's message, or the exception's type when Weka gave none. */
    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
    }
}
