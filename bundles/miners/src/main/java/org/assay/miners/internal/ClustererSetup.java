package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
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
 *
 * <p>A class name is an attack surface: loading a class may run its static initialiser, and
 * creating it runs its constructor. So the name is checked before anything is loaded: the
 * {@code algorithm} must be under {@code weka.clusterers.}, is loaded without being
 * initialised and must implement {@link Clusterer} before it is created. The options are
 * checked before Weka reads them, because Weka loads (and initialises) the classes they name
 * and checks their type only afterwards; the rule is in {@link #refuseForeignClasses}.
 */
final class ClustererSetup {

    static final String EXAMPLES = "weka.clusterers.SimpleKMeans, weka.clusterers.EM, weka.clusterers.Canopy, "
            + "weka.clusterers.FarthestFirst, weka.clusterers.HierarchicalClusterer or weka.clusterers.Cobweb";

    /** The only package {@code algorithm} may name a class in. */
    static final String CLUSTERER_PACKAGE = "weka.clusterers.";
    /** The only package a class named inside {@code options} may be in. */
    static final String WEKA_PACKAGE = "weka.";
    /** Option keys whose value Weka loads as a class (with its own options) in the common schemes. */
    static final Set<String> SCHEME_KEYS = Set.of("-W", "-F", "-A", "-K");
    private static final String CLUSTERER_EXAMPLE = "-W weka.clusterers.SimpleKMeans or -A weka.core.EuclideanDistance";
    private static final Pattern DOTTED_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+");

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
        if (!name.startsWith(CLUSTERER_PACKAGE) || !DOTTED_NAME.matcher(name).matches()) {
            throw notAClusterer(name);
        }
        Class<?> type;
        try {
            // Not initialised: no static code runs before the type check below.
            type = Class.forName(name, false, Instances.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SetupException("algorithm: Weka has no class '" + name + "'. Check the spelling (full class"
                    + " name, case matters), e.g. " + EXAMPLES + ".", e);
        }
        if (!Clusterer.class.isAssignableFrom(type)) {
            throw notAClusterer(name);
        }
        try {
            return (Clusterer) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new SetupException("algorithm: " + name + " cannot be created on its own (it is abstract or"
                    + " needs arguments). Use a concrete clusterer, e.g. " + EXAMPLES + ".", e);
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
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (SCHEME_KEYS.contains(token) && i + 1 < tokens.length) {
                String value = tokens[i + 1].strip();
                String first = value.split("\\s+", 2)[0];
                boolean anotherOption = first.startsWith("-") && !isNumber(first);
                if (!first.isEmpty() && !anotherOption && !isNumber(first) && !isWekaClass(first)) {
                    throw notWeka(first, token, example);
                }
            }
            if (token.strip().chars().anyMatch(Character::isWhitespace)) {
                String[] nested;
                try {
                    nested = Utils.splitOptions(token);
                } catch (Exception e) {
                    throw new SetupException("options: cannot read the nested options '" + token + "' (" + message(e)
                            + "). Quote a nested scheme as on Weka's command line, e.g. -F \"weka.filters"
                            + ".unsupervised.attribute.Remove -R 1\".", e);
                }
                refuseForeignClasses(nested, example);
            } else if (DOTTED_NAME.matcher(token).matches() && !token.startsWith(WEKA_PACKAGE)) {
                throw notWeka(token, null, example);
            }
        }
    }

    private static boolean isWekaClass(String name) {
        return name.startsWith(WEKA_PACKAGE) && DOTTED_NAME.matcher(name).matches();
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static SetupException notWeka(String name, String key, String example) {
        return new SetupException("options: '" + name + "'" + (key == null ? "" : " (after " + key + ")")
                + " is not a Weka class; options may name only classes under weka., e.g. " + example + ".", null);
    }

    static String optionNames(OptionHandler handler) {
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
