package org.assay.miners.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.Map;
import javax.management.BadAttributeValueExpException;
import org.assay.api.step.StepFailure;
import org.assay.miners.internal.ClustererSetup.SetupException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import weka.classifiers.Classifier;
import weka.classifiers.meta.Bagging;
import weka.classifiers.trees.RandomForest;

/** The class-name sandbox of weka-classify and the deserialisation filter of model files. */
class ModelSafetyTest {

    @Test
    void namedClassifiersAndMetaSchemesAreCreated() throws Exception {
        for (String name : new String[] {"weka.classifiers.trees.J48", "weka.classifiers.trees.RandomForest",
            "weka.classifiers.functions.Logistic", "weka.classifiers.bayes.NaiveBayes", "weka.classifiers.functions.SMO",
            "weka.classifiers.lazy.IBk", "weka.classifiers.functions.MultilayerPerceptron"}) {
            assertEquals(name, ClassifierSetup.create(name, "").getClass().getName());
        }
        Classifier bagging = ClassifierSetup.create("weka.classifiers.meta.Bagging",
                "-I 5 -W weka.classifiers.trees.RandomForest -- -I 20");
        assertTrue(((Bagging) bagging).getClassifier() instanceof RandomForest);
        assertEquals(20, ((RandomForest) ((Bagging) bagging).getClassifier()).getNumIterations());
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.lang.Runtime", "weka.core.Instances", "weka.clusterers.SimpleKMeans",
        "javax.script.ScriptEngineManager", "weka.classifiers.AbstractClassifier", "weka.classifiers.trees.NoSuchTree",
        "weka.classifiers.misc.SerializedClassifier", "weka.classifiers.pmml.consumer.Regression", "J48",
        "weka.classifiers.trees.J48; rm -rf /"})
    void otherClassesAreNeverInstantiated(String name) {
        SetupException e = assertThrows(SetupException.class, () -> ClassifierSetup.create(name, ""));
        assertTrue(e.getMessage().startsWith("algorithm: "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "-W java.lang.ProcessBuilder",
        "-W weka.classifiers.trees.J48 -- -X com.evil.Gadget",
        "-F \"org.evil.Filter -R 1\" -W weka.classifiers.trees.J48",
        "-P /tmp/evil.model -B weka.classifiers.trees.J48",
        "-C costs.cost -W weka.classifiers.trees.J48",
        "-W weka.classifiers.misc.SerializedClassifier -- -model x",
        "-F \"weka.filters.supervised.attribute.AddClassification -serialized m.bin\" -W weka.classifiers.trees.J48",
        "-F \"weka.filters.unsupervised.attribute.StringToWordVector -stopwords-handler"
            + " \\\"weka.core.stopwords.WordsFromFile -stopwords words\\\"\" -W weka.classifiers.trees.J48",
        "-W weka.classifiers.trees.J48 -- -M ../../etc/passwd"})
    void optionsThatLoadForeignClassesOrFilesAreRefused(String options) {
        String algorithm = options.startsWith("-P") ? "weka.classifiers.meta.Vote"
                : options.startsWith("-C") ? "weka.classifiers.meta.CostSensitiveClassifier"
                : options.startsWith("-F") ? "weka.classifiers.meta.FilteredClassifier"
                : "weka.classifiers.meta.Bagging";
        SetupException e = assertThrows(SetupException.class, () -> ClassifierSetup.create(algorithm, options));
        assertTrue(e.getMessage().startsWith("options: ") || e.getMessage().startsWith("algorithm: "), e.getMessage());
    }

    @Test
    void unknownOptionsAreNamed() {
        SetupException e = assertThrows(SetupException.class,
                () -> ClassifierSetup.create("weka.classifiers.trees.J48", "-Q 3 -zzz"));
        assertTrue(e.getMessage().contains("J48"), e.getMessage());
    }

    /** A serialised gadget (the JDK's classic toString trampoline) in place of a model is refused, not run. */
    @Test
    void aCraftedSerialisedGadgetIsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            Map<String, Object> wrapper = new HashMap<>();
            wrapper.put("x", new BadAttributeValueExpException("payload"));
            out.writeObject(wrapper);
            out.writeObject(wrapper);
        }
        StepFailure e = assertThrows(StepFailure.class,
                () -> WekaModelCodec.decode(new ByteArrayInputStream(bytes.toByteArray()), "the model"));
        assertTrue(e.getMessage().contains("was refused"), e.getMessage());
        assertTrue(e.getMessage().contains("REJECTED"), e.getMessage());
    }

    @Test
    void somethingElseThanAModelIsNamedAsSuch() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject("hello");
            out.writeObject(Integer.valueOf(1));
        }
        StepFailure e = assertThrows(StepFailure.class,
                () -> WekaModelCodec.decode(new ByteArrayInputStream(bytes.toByteArray()), "the model"));
        assertTrue(e.getMessage().contains("is not a Weka classifier"), e.getMessage());
    }
}
