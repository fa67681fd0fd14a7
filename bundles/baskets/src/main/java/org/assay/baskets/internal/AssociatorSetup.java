package org.assay.baskets.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.assay.weka.sandbox.SandboxException;
import org.assay.weka.sandbox.WekaSandbox;
import weka.associations.Apriori;
import weka.associations.AssociationRulesProducer;
import weka.associations.Associator;
import weka.associations.FPGrowth;
import weka.core.Utils;

/**
 * Creates a Weka associator from a class name and options, and says in plain words why it
 * cannot. Used at deploy (validation) and at run time, so both say the same.
 *
 * <p>A class name is an attack surface (loading runs static code, creating runs a constructor),
 * so the name must be under {@code weka.associations.}, is loaded without initialising it, and
 * must implement both {@link Associator} and {@link AssociationRulesProducer} (the step reads the
 * rules as objects, not as text) before it is created. Classes named inside the options must be
 * under {@code weka.}: Weka loads and initialises them before it checks their type. The checks
 * are shared with the miners' Weka steps: {@link WekaSandbox}.
 *
 * <p>{@code weka.associations.FPGrowth} is created as {@link ItemsetFPGrowth}, the same algorithm
 * with its frequent item sets readable.
 */
final class AssociatorSetup {

    static final String PACKAGE = "weka.associations.";
    static final String EXAMPLES = "weka.associations.FPGrowth or weka.associations.Apriori";
    private static final Set<String> SCHEME_KEYS = Set.of("-W", "-F");

    private AssociatorSetup() {
    }

    /** Thrown with a message for the user that starts with the parameter at fault ("algorithm: ..."). */
    static final class SetupException extends Exception {
        private static final long serialVersionUID = 1L;

        SetupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The Weka options the step passes: {@code options} verbatim when given, otherwise built from
     * the step's own parameters. Apriori always gets {@code -Z} (the first value, "not bought",
     * is treated as missing), or it would also mine rules about items not bought.
     */
    static String effectiveOptions(String className, AssociateParameters p) {
        if (p.options().isPresent() && !p.options().get().isBlank()) {
            return p.options().get().strip();
        }
        String support = Utils.doubleToString(p.minSupport(), 12).strip();
        String metric = Utils.doubleToString(p.minMetric(), 12).strip();
        int type = p.metric().wekaType();
        if (FPGrowth.class.getName().equals(className)) {
            // -S: all rules above the support floor, not Weka's default of lowering support from
            // 100% until -N rules are found.
            return String.format(Locale.ROOT, "-S -M %s -T %d -C %s -I %d -N %d", support, type, metric,
                    p.maxRuleLength(), p.maxRules());
        }
        if (Apriori.class.getName().equals(className)) {
            return String.format(Locale.ROOT, "-Z -M %s -T %d -C %s -N %d", support, type, metric, p.maxRules());
        }
        return "";
    }

    /** A new, configured associator; for FPGrowth the {@link ItemsetFPGrowth} subclass. */
    static Associator create(String className, String options) throws SetupException {
        Associator associator = instantiate(className);
        String[] split;
        try {
            split = Utils.splitOptions(options == null ? "" : options);
        } catch (Exception e) {
            throw new SetupException("options: cannot read '" + options + "' as Weka options (" + message(e)
                    + "). Write them as on Weka's command line, e.g. \"-S -M 0.01 -C 0.5\".", e);
        }
        if (split.length == 0) {
            return associator;
        }
        refuseForeignClasses(split);
        try {
            WekaSandbox.configure(associator, shortName(className), options, split);
        } catch (SandboxException e) {
            throw new SetupException(e.getMessage(), e.getCause());
        }
        return associator;
    }

    /** The problems with algorithm and options, for validation; empty when both are fine. */
    static List<String> problems(String className, String options) {
        try {
            create(className, options);
            return List.of();
        } catch (SetupException e) {
            return List.of(e.getMessage());
        }
    }

    static String shortName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static Associator instantiate(String className) throws SetupException {
        String name = className == null ? "" : className.strip();
        if (name.isEmpty()) {
            throw new SetupException("algorithm: name a Weka associator class, e.g. " + EXAMPLES + ".", null);
        }
        if (!WekaSandbox.isClassIn(name, PACKAGE)) {
            throw notAnAssociator(name);
        }
        if (FPGrowth.class.getName().equals(name)) {
            return new ItemsetFPGrowth();
        }
        try {
            // Not initialised: no static code runs before the type check below.
            Class<?> type = WekaSandbox.loadUninitialised(name, EXAMPLES);
            if (!Associator.class.isAssignableFrom(type) || !AssociationRulesProducer.class.isAssignableFrom(type)) {
                throw notAnAssociator(name);
            }
            return WekaSandbox.newInstance(type, Associator.class, "Use " + EXAMPLES);
        } catch (SandboxException e) {
            throw new SetupException(e.getMessage(), e.getCause());
        }
    }

    private static SetupException notAnAssociator(String name) {
        return new SetupException("algorithm: '" + name + "' is not a Weka associator that produces rules; use "
                + EXAMPLES + ".", null);
    }

    /**
     * Every dotted name in the options, however deeply quoted, must be a class under weka.
     * Unlike the miners' steps, a number after -W or -F is refused too: no associator takes one.
     */
    private static void refuseForeignClasses(String[] tokens) throws SetupException {
        WekaSandbox.ForeignClass foreign;
        try {
            foreign = WekaSandbox.firstForeignClass(tokens, SCHEME_KEYS, false);
        } catch (SandboxException e) {
            throw new SetupException(e.getMessage(), e.getCause());
        }
        if (foreign != null) {
            throw new SetupException("options: '" + foreign.name() + "' is not a Weka class; options may name only"
                    + " classes under weka., e.g. -F weka.filters.unsupervised.attribute.Remove.", null);
        }
    }

    static String sentence(Throwable e) {
        return WekaSandbox.sentence(e);
    }

    static String message(Throwable e) {
        return WekaSandbox.message(e);
    }
}
