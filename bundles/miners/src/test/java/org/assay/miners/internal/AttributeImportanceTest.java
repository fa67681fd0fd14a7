package org.assay.miners.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import weka.attributeSelection.GainRatioAttributeEval;
import weka.attributeSelection.InfoGainAttributeEval;
import weka.core.Instances;

class AttributeImportanceTest {

    /**
     * Discretising once and counting once for both figures gives, bit for bit, what each of
     * Weka's evaluators gives on its own.
     */
    @Test
    void sameFiguresAsWekasEvaluatorsOnCreditG() throws Exception {
        assertSameAsWeka(ChurnData.creditG());
    }

    /** Missing values take Weka's own evaluators (which spread missing counts): the same figures again. */
    @Test
    void sameFiguresAsWekasEvaluatorsWithMissingValues() throws Exception {
        Instances credit = ChurnData.creditG();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < credit.numInstances(); i++) {
            if (random.nextInt(10) == 0) {
                credit.instance(i).setMissing(random.nextInt(credit.numAttributes() - 1));
            }
        }
        assertSameAsWeka(credit);
    }

    private static void assertSameAsWeka(Instances credit) throws Exception {
        InfoGainAttributeEval gain = new InfoGainAttributeEval();
        gain.buildEvaluator(credit);
        GainRatioAttributeEval ratio = new GainRatioAttributeEval();
        ratio.buildEvaluator(credit);
        List<AttributeImportance.Row> rows = AttributeImportance.scores(credit);
        assertEquals(credit.numAttributes() - 1, rows.size());
        for (int j = 0; j < rows.size(); j++) {
            assertEquals(gain.evaluateAttribute(j), rows.get(j).first(), 0, rows.get(j).attribute());
            assertEquals(ratio.evaluateAttribute(j), rows.get(j).second(), 0, rows.get(j).attribute());
        }
    }

    @Test
    void valuesInReasonsAreShort() {
        assertEquals("2", PerturbationExplainer.shown(2.0));
        assertEquals("70.55", PerturbationExplainer.shown(70.549999));
        assertEquals("0.3", PerturbationExplainer.shown(0.1 + 0.2));
    }
}
