package org.assay.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.classifiers.Evaluation;
import weka.classifiers.trees.J48;
import weka.core.Instances;

/**
 * Weka's own reference result, so a broken or mismatched Weka jar shows up here and not in a
 * miner: J48 with default options on credit-g, 10-fold cross-validation with seed 1, gets
 * 705 of 1000 instances right.
 */
class J48CreditGTest {

    private static final String CREDIT_G = "weka/gui/knowledgeflow/templates/credit-g.arff";

    @Test
    void j48CrossValidatesCreditGToTheReferenceResult() throws Exception {
        Instances data;
        try (InputStream in = Instances.class.getClassLoader().getResourceAsStream(CREDIT_G)) {
            assertNotNull(in, CREDIT_G + " is missing from the Weka jar");
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                data = new Instances(reader);
            }
        }
        data.setClassIndex(data.numAttributes() - 1);
        assertEquals(1000, data.numInstances());

        Evaluation evaluation = new Evaluation(data);
        evaluation.crossValidateModel(new J48(), data, 10, new Random(1));

        assertEquals(705, Math.round(evaluation.correct()));
    }
}
