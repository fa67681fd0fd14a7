package org.assay.miners.internal;

import java.util.List;
import java.util.Set;
import org.assay.weka.sandbox.SandboxException;
import org.assay.weka.sandbox.WekaSandbox;
import weka.clusterers.Clusterer;
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
 *
 * <p>A class name is an attack surface: loading a class may run its static initialiser, and
 * creating it runs its constructor. So the name is checked before anything is loaded: the
 * {@code algorithm} must be under {@code weka.clusterers.}, is loaded without being
 * initialised and must implement {@link Clusterer} before it is created. The options are
 * checked before Weka reads them, because Weka loads (and initialises) the classes they name
 * and checks their type only afterwards; the rule is in {@link #refuseForeignClasses}. The
 * checks themselves are shared with the other Weka steps: {@link WekaSandbox}.
 */
final class ClustererSetup {

    static final String EXAMPLES = "weka.clusterers.SimpleKMeans, weka.clusterers.EM, weka.clusterers.Canopy, "
            + "weka.clusterers.FarthestFirst, weka.clusterers.HierarchicalClusterer or weka.clusterers.Cobweb";

    /** The only package {@code algorithm} may name a class in. */
    static final String CLUSTERER_PACKAGE = "weka.clusterers.";
    /** Option keys whose value Weka loads as a class (with its own options) in the common schemes. */
    static final Set<String> SCHEME_KEYS = Set.of("-W", "-F", "-A", "-K");
    private static final String CLUSTERER_EXAMPLE = "-W weka.clusterers.SimpleKMeans or -A weka.core.EuclideanDistance";

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
        refuseForeignClasses(split, CLUSTERER_EXAMPLE);
        configure(clusterer, clusterer.getClass().getSimpleName(), options, split);
        return clusterer;
    }

    /** {@link WekaSandbox#configure}, with its refusal as a {@link SetupException}. */
    static void configure(Object scheme, String shortName, String options, String[] split) throws SetupException {
        try {
            WekaSandbox.configure(scheme, shortName, options, split);
        } catch (SandboxException e) {
            throw new SetupException(e.getMessage(), e.getCause());
        }
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
        if (!WekaSandbox.isClassIn(name, CLUSTERER_PACKAGE)) {
            throw notAClusterer(name);
        }
        try {
            // Not initialised: no static code runs before the type check below.
            Class<?> type = WekaSandbox.loadUninitialised(name, EXAMPLES);
            if (!Clusterer.class.isAssignableFrom(type)) {
                throw notAClusterer(name);
            }
            return WekaSandbox.newInstance(type, Clusterer.class, "Use a concrete clusterer, e.g. " + EXAMPLES);
        } catch (SandboxException e) {
            throw new SetupException(e.getMessage(), e.getCause());
        }
    }

    private static SetupException notAClusterer(String name) {
        return new SetupException("algorithm: '" + name + "' is not a Weka clusterer; use one of " + EXAMPLES
                + ".", null);
    }

    /**
     * Refuses options that would make Weka load a class outside {@code weka.}: every token
     * that reads as a dotted Java name ({@code a.b.C}) must start with {@code weka.}, and the
     * value of {@code -W}, {@code -F}, {@code -A} and {@code -K} must be a number or such a
     * Weka class name. Quoted nested option strings ({@code -F "weka.filters.X -R 1"}) and
     * options after {@code --} are checked the same way, however deep.
     */
    static void refuseForeignClasses(String[] tokens, String example) throws SetupException {
        WekaSandbox.ForeignClass foreign;
        try {
            foreign = WekaSandbox.firstForeignClass(tokens, SCHEME_KEYS, true);
        } catch (SandboxException e) {
            throw new SetupException(e.getMessage() + " Quote a nested scheme as on Weka's command line, e.g. -F"
                    + " \"weka.filters.unsupervised.attribute.Remove -R 1\".", e.getCause());
        }
        if (foreign != null) {
            throw new SetupException("options: '" + foreign.name() + "'"
                    + (foreign.key() == null ? "" : " (after " + foreign.key() + ")")
                    + " is not a Weka class; options may name only classes under weka., e.g. " + example + ".", null);
        }
    }

    static String optionNames(OptionHandler handler) {
        return WekaSandbox.optionNames(handler);
    }

    /** {@link #message} ending with a full stop (Weka's messages end with "!", ".", or nothing). */
    static String sentence(Throwable e) {
        return WekaSandbox.sentence(e);
    }

    /** Weka's message, or the exception's type when Weka gave none. */
    static String message(Throwable e) {
        return WekaSandbox.message(e);
    }
}
