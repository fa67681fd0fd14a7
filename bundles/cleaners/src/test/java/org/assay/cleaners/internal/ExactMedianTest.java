package org.assay.cleaners.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactMedianTest {

    private static double sortedMedian(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return (s[(s.length - 1) / 2] + s[s.length / 2]) / 2.0;
    }

    /** Runs all passes like the step does; returns how many passes it took. */
    private static int passes(ExactMedian m, double[] values, boolean decimal) {
        for (double v : values) {
            if (decimal) {
                m.addDouble(v);
            } else {
                m.addLong((long) v);
            }
        }
        m.endFirstPass();
        int passes = 1;
        while (m.needsAnotherPass()) {
            for (double v : values) {
                if (decimal) {
                    m.refineDouble(v);
                } else {
                    m.refineLong((long) v);
                }
            }
            m.endRefinePass();
            passes++;
        }
        return passes;
    }

    @Test
    void smallInputIsSortedInOnePass() {
        ExactMedian m = new ExactMedian(true, 100);
        assertEquals(1, passes(m, new double[] {5, 1, 3, 2}, true));
        assertEquals(2.5, m.median());
    }

    @Test
    void largeDecimalInputIsExactOverMorePasses() {
        Random rnd = new Random(7);
        for (int n : new int[] {1001, 1000, 5000}) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                // Negatives, repeats and a wide range all matter for the bit-pattern keys.
                v[i] = i % 10 == 0 ? 42.0 : rnd.nextGaussian() * 1e4 - 3000;
            }
            ExactMedian m = new ExactMedian(true, 64);
            int passes = passes(m, v, true);
            assertTrue(passes > 1, "the limit forces refinement passes");
            assertEquals(sortedMedian(v), m.median(), "n=" + n);
        }
    }

    @Test
    void largeIntegerInputWithManyEqualValuesIsExact() {
        Random rnd = new Random(3);
        double[] v = new double[4000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 3000 ? 37 : rnd.nextInt(200) - 100;
        }
        ExactMedian m = new ExactMedian(false, 50);
        passes(m, v, false);
        assertEquals(sortedMedian(v), m.median());
    }

    @Test
    void emptyInputHasNoMedian() {
        ExactMedian m = new ExactMedian(true, 10);
        m.endFirstPass();
        assertFalse(m.needsAnotherPass());
        assertTrue(Double.isNaN(m.median()));
    }
}
