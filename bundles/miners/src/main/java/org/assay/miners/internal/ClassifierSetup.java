package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assay.miners.internal.ClustererSetup.SetupException;
import org.assay.weka.sandbox.SandboxException;
import org.assay.weka.sandbox.WekaSandbox;
import weka.classifiers.Classifier;
import weka.core.Utils;

/**
 * Creates a Weka classifier from a class name and a Weka option string, and explains in plain
 * words why it cannot; the classifier counterpart of {@link ClustererSetup}, with the same rules
 * for class names (checked before anything is loaded, loaded without initialising, created only
 * when it implements {@link Classifier}; classes named in the options must be under weka.).
 *
 * <p>Classifiers add one more attack surface: some options name files Weka reads, and some of
 * those files are Java-serialised models, which is remote code execution waiting for a gadget.
 * So the options may not name a file: no token with a path separator, no option that Weka
 * documents as a file (Vote {@code -P}, CostSensitiveClassifier {@code -C}/{@code -N},
 * {@code -serialized}, {@code -stopwords}, {@code -model}), and none of the classes whose whole
 * job is reading a file (SerializedClassifier, InputMappedClassifier's model loader, PMML,
 * FromFile network search, WordsFromFile stop words). Reading a stored model goes through
 * {@link WekaModelCodec}, which filters what it deserialises.
 */
final class ClassifierSetup {

    static final String EXAMPLES = "weka.classifiers.trees.J48, weka.classifiers.trees.RandomForest, "
            + "weka.classifiers.functions.Logistic, weka.classifiers.bayes.NaiveBayes, weka.classifiers.functions.SMO,"
            + " weka.classifiers.lazy.IBk or weka.classifiers.functions.LinearRegression";
    private static final String OPTION_EXAMPLE = "-W weka.classifiers.trees.J48 or -F \"weka.filters.unsupervised"
            + ".attribute.Discretize -B 10\"";
    private static final String CLASSIFIER_PACKAGE = "weka.classifiers.";

    /** Classes that exist to read a file (a model, a network, stop words): never named here. */
    static final Set<String> FILE_READERS = Set.of(
            "weka.classifiers.misc.SerializedClassifier",
            "weka.classifiers.misc.InputMappedClassifier",
            "weka.classifiers.bayes.net.search.fixed.FromFile",
            "weka.core.stopwords.WordsFromFile",
            "weka.core.stopwords.RegExpFromFile");
    private static final String PMML_PACKAGE = "weka.classifiers.pmml.";
    /** Options whose value is a file, wherever they appear. */
    private static final Set<String> FILE_KEYS = Set.of("-serialized", "-stopwords", "-model");
    /** Options that are a file only in a given scheme (elsewhere -P and -C are numbers). */
    private static final Map<String, Set<String>> FILE_KEYS_OF = Map.of(
            "weka.classifiers.meta.Vote", Set.of("-P"),
            "weka.classifiers.meta.CostSensitiveClassifier", Set.of("-C", "-N"));

    /** The default algorithm: chosen by the task when the target is known. */
    static final String AUTO = "auto";
    static final String AUTO_CLASSIFIER = "weka.classifiers.functions.Logistic";
    static final String AUTO_REGRESSION = "weka.classifiers.functions.LinearRegression";

    private ClassifierSetup() {
    }

    /**
     * The class {@code algorithm} names; for {@link #AUTO}, logistic regression for a nominal
     * target and linear regression for a numeric one. Why those: on churn data (the generated
     * sample and a Telco-shaped file) they match scikit-learn's logistic regression on the same
     * folds, where Weka's J48 is far behind (benchmarks/README.md, section 5); both are fast,
     * need no tuning, handle missing values and nominal columns, and their coefficients read as
     * reasons.
     */
    static String resolve(String algorithm, boolean nominalTarget) {
        String name = algorithm == null ? "" : algorithm.trim();
        if (!name.equals(AUTO)) {
            return name;
        }
        return nominalTarget ? AUTO_CLASSIFIER : AUTO_REGRESSION;
    }

    /**
     * A new, configured classifier.
     *
     * @throws SetupException naming {@code algorithm} or {@code options} and what to do
     */
    static Classifier create(String className, String options) throws SetupException {
        String name = className == null ? "" : className.trim();
        Classifier classifier = instantiate(name);
        String[] split;
        try {
            split = Utils.splitOptions(options == null ? "" : options);
        } catch (Exception e) {
            throw new SetupException("options: cannot read '" + options + "' as Weka options (" + ClustererSetup.message(e)
                    + "). Write them as on Weka's command line, e.g. \"-C 0.25 -M 2\"; put nested schemes in"
                    + " double quotes.", e);
        }
        if (split.length == 0) {
            return classifier;
        }
        ClustererSetup.refuseForeignClasses(split, OPTION_EXAMPLE);
        List<String> tokens = new ArrayList<>();
        flatten(split, tokens);
        tokens.add(name);
        refuseFiles(tokens);
        ClustererSetup.configure(classifier, classifier.getClass().getSimpleName(), options, split);
        return classifier;
    }

    /** Problems with the two parameters, for validation; empty when both are fine. */
    static List<String> problems(String className, String options) {
        if (className != null && className.trim().equals(AUTO)) {
            return options == null || options.isBlank() ? List.of() : List.of("options: \"algorithm\": \"auto\""
                    + " takes no options (it picks Logistic or LinearRegression with Weka's defaults); name the"
                    + " algorithm to pass options, e.g. \"algorithm\": \"" + AUTO_CLASSIFIER + "\".");
        }
        try {
            create(className, options);
            return List.of();
        } catch (SetupException e) {
            return List.of(e.getMessage());
        }
    }

    private static Classifier instantiate(String name) throws SetupException {
        if (name.isEmpty()) {
            throw new SetupException("algorithm: name a Weka classifier class, e.g. " + EXAMPLES + ".", null);
        }
        if (!WekaSandbox.isClassIn(name, CLASSIFIER_PACKAGE)) {
            throw notAClassifier(name);
        }
        if (FILE_READERS.contains(name) || name.startsWith(PMML_PACKAGE)) {
            throw readsFiles(name);
        }
        try {
            // Not initialised: no static code runs before the type check below.
            Class<?> type = WekaSandbox.loadUninitialised(name, EXAMPLES);
            if (!Classifier.class.isAssignableFrom(type)) {
                throw notAClassifier(name);
            }
            return WekaSandbox.newInstance(type, Classifier.class, "Use a concrete classifier, e.g. " + EXAMPLES);
        } catch (SandboxException e) {
            throw new SetupException(e.getMessage(), e.getCause());
        }
    }

    /** Every token, with quoted nested option strings split out, however deep. */
    private static void flatten(String[] tokens, List<String> out) throws SetupException {
        for (String token : tokens) {
            out.add(token.strip());
            if (token.strip().chars().anyMatch(Character::isWhitespace)) {
                try {
                    flatten(Utils.splitOptions(token), out);
                } catch (Exception e) {
                    throw new SetupException("options: cannot read the nested options '" + token + "' ("
                            + ClustererSetup.message(e) + ").", e);
                }
            }
        }
    }

    private static void refuseFiles(List<String> tokens) throws SetupException {
        for (String token : tokens) {
            if (token.chars().anyMatch(Character::isWhitespace)) {
                continue; // a nested option string, checked token by token
            }
            if (FILE_READERS.contains(token) || token.startsWith(PMML_PACKAGE)) {
                throw readsFiles(token);
            }
            if (FILE_KEYS.contains(token)) {
                throw fileOption(token);
            }
            if (token.indexOf('/') >= 0 || token.indexOf('\\') >= 0 || token.startsWith("~")) {
                throw new SetupException("options: '" + token + "' looks like a file path; a step's options may not"
                        + " name files (the step reads its data from its input and stores models itself).", null);
            }
        }
        for (Map.Entry<String, Set<String>> e : FILE_KEYS_OF.entrySet()) {
            if (tokens.contains(e.getKey())) {
                for (String key : e.getValue()) {
                    if (tokens.contains(key)) {
                        throw fileOption(key + " of " + e.getKey().substring(e.getKey().lastIndexOf('.') + 1));
                    }
                }
            }
        }
    }

    private static SetupException fileOption(String key) {
        return new SetupException("options: " + key + " names a file for Weka to read; a step's options may not name"
                + " files. Give inline values instead (e.g. -cost-matrix \"[0 1; 5 0]\"), or score with a stored"
                + " model through weka-score.", null);
    }

    private static SetupException readsFiles(String name) {
        return new SetupException("algorithm: " + name + " reads a model or other file from disk, which a workflow"
                + " may not do through options; train with weka-classify and apply models with weka-score.", null);
    }

    private static SetupException notAClassifier(String name) {
        return new SetupException("algorithm: '" + name + "' is not a Weka classifier (a class under"
                + " weka.classifiers implementing weka.classifiers.Classifier); use one of " + EXAMPLES + ".", null);
    }
}
