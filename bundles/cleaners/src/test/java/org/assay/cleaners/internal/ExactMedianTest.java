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
    void fewDistinctValuesBeyondTheLimitStayExactInOnePass() {
        Random rnd = new Random(5);
        for (int n : new int[] {10_000, 10_001}) {
            double[] ages = new double[n];
            double[] prices = new double[n];
            for (int i = 0; i < n; i++) {
                ages[i] = 18 + rnd.nextInt(70);
                // Negative and positive decimals on a grid, with zeros of both signs.
                prices[i] = i % 97 == 0 ? -0.0 : (rnd.nextInt(40) - 10) * 0.25;
            }
            ExactMedian integers = new ExactMedian(false, 1000);
            assertEquals(1, passes(integers, ages, false), "70 distinct ages fold into the limit");
            assertEquals(sortedMedian(ages), integers.median(), "n=" + n);
            ExactMedian decimals = new ExactMedian(true, 1000);
            assertEquals(1, passes(decimals, prices, true), "40 distinct prices fold into the limit");
            assertEquals(sortedMedian(prices), decimals.median(), "n=" + n);
        }
    }

    @Test
    void distinctValuesGrowingPastTheLimitSwitchToTheHistogramAndStayExact() {
        Random rnd = new Random(9);
        double[] v = new double[6000];
        for (int i = 0; i < v.length; i++) {
            // Few distinct values first (several folds), then many (the switch to the histogram).
            v[i] = i < 3000 ? rnd.nextInt(20) : rnd.nextInt(1_000_000) - 500_000;
        }
        ExactMedian m = new ExactMedian(false, 400);
        assertTrue(passes(m, v, false) > 1, "too many distinct values for one pass");
        assertEquals(sortedMedian(v), m.median());
    }

    @Test
    void aLimitSmallerThanTheFirstBufferIsKept() {
        double[] v = new double[500];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        ExactMedian m = new ExactMedian(false, 10);
        assertTrue(passes(m, v, false) > 1, "500 distinct values never fit in 10");
        assertEquals(249.5, m.median());
    }

    @Test
    void foldsByCountingAndBySortingAgreeAcrossLimitsAndDistinctCounts() {
        Random rnd = new Random(21);
        for (int limit : new int[] {3, 4, 10, 64, 1000, 5000}) {
            for (int distinctValues : new int[] {1, 2, 7, 100, 600, 3000}) {
                double[] v = new double[7919];
                for (int i = 0; i < v.length; i++) {
                    v[i] = rnd.nextInt(distinctValues) * 3 - 1000;
                }
                ExactMedian integers = new ExactMedian(false, limit);
                passes(integers, v, false);
                assertEquals(sortedMedian(v), integers.median(), "limit " + limit + ", " + distinctValues + " values");
                ExactMedian decimals = new ExactMedian(true, limit);
                double[] d = v.clone();
                for (int i = 0; i < d.length; i++) {
                    d[i] = d[i] / 7;
                }
                passes(decimals, d, true);
                assertEquals(sortedMedian(d), decimals.median(), "limit " + limit + ", " + distinctValues + " decimals");
            }
        }
    }

    @Test
    void emptyInputHasNoMedian() {
        ExactMedian m = new ExactMedian(true, 10);
        m.endFirstPass();
        assertFalse(m.needsAnotherPass());
        assertTrue(Double.isNaN(m.median()));
    }
}
