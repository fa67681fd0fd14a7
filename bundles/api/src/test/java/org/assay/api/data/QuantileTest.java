package org.assay.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantileTest {

    /** The values R's quantile(c(1, 2, 4, 8, 16), type = 7) gives. */
    @Test
    void interpolatesBetweenOrderStatisticsAsRType7() {
        double[] v = {1, 2, 4, 8, 16};
        assertEquals(1, Quantile.of(v, 0), 0);
        assertEquals(2, Quantile.of(v, 0.25), 1e-12);
        assertEquals(4, Quantile.of(v, 0.5), 1e-12);
        assertEquals(8, Quantile.of(v, 0.75), 1e-12);
        assertEquals(16, Quantile.of(v, 1), 0);
        assertEquals(12.8, Quantile.of(v, 0.9), 1e-12);
        assertEquals(2.5, Quantile.of(new double[] {1, 2, 3, 4}, 0.5), 1e-12);
    }

    @Test
    void onlyTheFirstNValuesCount() {
        double[] buffer = {3, 5, 7, 0, 0};
        assertEquals(5, Quantile.of(buffer, 3, 0.5), 1e-12);
        assertEquals(7, Quantile.of(buffer, 3, 1), 0);
        assertEquals(4, Quantile.of(new double[] {4}, 0.3), 0);
    }

    @Test
    void noValuesIsNaNAndABadProbabilityIsRefused() {
        assertTrue(Double.isNaN(Quantile.of(new double[0], 0.5)));
        assertTrue(Double.isNaN(Quantile.of(new double[] {1, 2}, 0, 0.5)));
        assertThrows(IllegalArgumentException.class, () -> Quantile.of(new double[] {1}, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Quantile.of(new double[] {1}, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Quantile.of(new double[] {1}, 2, 0.5));
    }
}
