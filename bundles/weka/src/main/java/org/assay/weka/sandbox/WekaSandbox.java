package org.assay.weka.sandbox;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.Utils;

/**
 * What a step checks before it lets Weka read a class name or an option string from a
 * workflow. A class name is an attack surface: loading a class may run its static initialiser
 * and creating it runs its constructor; Weka loads (and initialises) the classes named in
 * options and checks their type only afterwards. So a step checks the name's package
 * ({@link #isClassIn}), loads it with {@link #loadUninitialised}, checks its type, and only
 * then creates it ({@link #newInstance}); and it refuses options naming classes outside {@code weka.}
 * ({@link #firstForeignClass}) before {@link #configure} hands them to Weka.
 *
 * <p>Classes are loaded through the Weka bundle's own class loader: a step bundle imports only
 * some Weka packages, and Weka's {@code Utils.forName} scans {@code java.class.path}, which is
 * empty inside OSGi.
 */
public final class WekaSandbox {

    /** The only package a class named inside options may be in. */
    public static final String WEKA_PACKAGE = "weka.";
    private static final Pattern DOTTED_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+");

    private WekaSandbox() {
    }

    /** A class name that options name outside {@code weka.}, and the option key it follows (or null). */
    public record ForeignClass(String name, String key) {
    }

    /** Whether {@code s} reads as a dotted Java class name ({@code a.b.C}). */
    public static boolean isClassName(String s) {
        return DOTTED_NAME.matcher(s).matches();
    }

    /** Whether {@code name} is a dotted class name starting with {@code prefix} (e.g. {@code "weka.clusterers."}). */
    public static boolean isClassIn(String name, String prefix) {
        return name.startsWith(prefix) && isClassName(name);
    }

    /** Whether {@code s} parses as a double (Weka option values are often numbers). */
    public static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The class, loaded through Weka's class loader without being initialised: no static code
     * runs before the caller has checked its type.
     *
     * @param examples class names to suggest when there is no such class
     * @throws SandboxException naming {@code algorithm} when Weka has no such class (or it cannot be linked)
     */
    public static Class<?> loadUninitialised(String name, String examples) throws SandboxException {
        try {
            return Class.forName(name, false, Instances.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SandboxException("algorithm: Weka has no class '" + name + "'. Check the spelling (full class"
                    + " name, case matters), e.g. " + examples + ".", e);
        }
    }

    /**
     * A new instance of a class the caller has checked is a {@code T}, by its public no-argument
     * constructor.
     *
     * @param instead what to use instead when it cannot be created, e.g. "Use a concrete clusterer, e.g. ..."
     * @throws SandboxException naming {@code algorithm} when the class is abstract or has no such constructor
     */
    public static <T> T newInstance(Class<?> type, Class<T> as, String instead) throws SandboxException {
        try {
            return as.cast(type.getConstructor().newInstance());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new SandboxException("algorithm: " + type.getName() + " cannot be created on its own (it is"
                    + " abstract or needs arguments). " + instead + ".", e);
        }
    }

    /**
     * The first class the options name outside {@code weka.}, or null: every token that reads as
     * a dotted name must start with {@code weka.}, and the value after a key in
     * {@code schemeKeys} must be empty, another option, a Weka class name, or (when
     * {@code numbersAfterKeys}) a number. Quoted nested option strings
     * ({@code -F "weka.filters.X -R 1"}) and options after {@code --} are checked the same way,
     * however deep.
     *
     * @throws SandboxException when a nested option string cannot be read
     */
    public static ForeignClass firstForeignClass(String[] tokens, Set<String> schemeKeys, boolean numbersAfterKeys)
            throws SandboxException {
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i].strip();
            if (schemeKeys.contains(token) && i + 1 < tokens.length) {
                String first = tokens[i + 1].strip().split("\\s+", 2)[0];
                boolean anotherOption = first.startsWith("-") && !(numbersAfterKeys && isNumber(first));
                boolean number = numbersAfterKeys && isNumber(first);
                if (!first.isEmpty() && !anotherOption && !number && !isClassIn(first, WEKA_PACKAGE)) {
                    return new ForeignClass(first, token);
                }
            }
            if (token.chars().anyMatch(Character::isWhitespace)) {
                String[] nested;
                try {
                    nested = Utils.splitOptions(token);
                } catch (Exception e) {
                    throw new SandboxException("options: cannot read the nested options '" + tokens[i] + "' ("
                            + message(e) + ").", e);
                }
                ForeignClass found = firstForeignClass(nested, schemeKeys, numbersAfterKeys);
                if (found != null) {
                    return found;
                }
            } else if (isClassName(token) && !token.startsWith(WEKA_PACKAGE)) {
                return new ForeignClass(token, null);
            }
        }
        return null;
    }

    /**
     * Hands checked options to a created scheme and refuses what it did not take: a scheme that
     * takes no options, options it rejects, and options it leaves unread (Weka blanks each
     * option it consumes).
     *
     * @param scheme    the created scheme
     * @param shortName its simple class name, for messages
     * @param options   the options as the user wrote them, for messages
     * @param split     {@code options} split by {@link Utils#splitOptions}, not empty; blanked by Weka
     * @throws SandboxException naming {@code options} and the options the scheme knows
     */
    public static void configure(Object scheme, String shortName, String options, String[] split)
            throws SandboxException {
        if (!(scheme instanceof OptionHandler handler)) {
            throw new SandboxException("options: " + shortName + " takes no options; leave 'options' empty.", null);
        }
        try {
            handler.setOptions(split);
        } catch (Exception e) {
            throw new SandboxException("options: " + shortName + " rejected '" + options + "': " + sentence(e)
                    + " " + shortName + " knows " + optionNames(handler) + ".", e);
        }
        List<String> unknown = new ArrayList<>();
        for (String s : split) {
            if (!s.isEmpty()) {
                unknown.add(s);
            }
        }
        if (!unknown.isEmpty()) {
            throw new SandboxException("options: " + shortName + " does not understand " + String.join(" ", unknown)
                    + ". " + shortName + " knows " + optionNames(handler) + ".", null);
        }
    }

    /** "the options -N -S ..." as the scheme lists them, or "no options". */
    public static String optionNames(OptionHandler handler) {
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
    public static String sentence(Throwable e) {
        String m = message(e);
        char last = m.charAt(m.length() - 1);
        return last == '.' || last == '!' || last == '?' ? m : m + ".";
    }

    /** Weka's message, or the exception's type when Weka gave none. */
    public static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
    }
}
