package org.assay.visualizers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ChartLookTest {

    @Test
    void ticksOfSmallValuesStayApart() {
        // Ticks of a bar chart of shares around 0.005: with two fixed decimals all read "0.00".
        assertDistinct(0.002, 0.004, 0.006, 0.008, 0.010, 0.012);
        assertDistinct(1.02, 1.05, 1.1);
        assertDistinct(0.25, 0.5, 0.75, 1.0, 1.25, 1.5);
        assertEquals(List.of("0.002", "1.05", "0.3", "12.5", "95", "3,085,044"),
                List.of(0.002, 1.05, 0.30000000000000004, 12.5, 94.98, 3_085_044.0).stream()
                        .map(ChartLook::number).toList());
    }

    @Test
    void roundingNoiseAroundZeroReadsZero() {
        assertEquals("0", ChartLook.number(5.551115123125783E-17));
        assertEquals("0", ChartLook.number(0.0));
        assertEquals("", ChartLook.number(Double.NaN));
    }

    @Test
    void aCountAxisLabelsOnlyWholeNumbers() {
        assertEquals(List.of("0", "", "", "1", "1,200"),
                List.of(0.0, 0.1, 0.5, 1.0, 1200.0).stream().map(ChartLook::count).toList());
    }

    private static void assertDistinct(double... ticks) {
        Set<String> labels = new LinkedHashSet<>();
        for (double t : ticks) {
            labels.add(ChartLook.number(t));
        }
        assertEquals(ticks.length, labels.size(), "tick labels " + labels);
    }
}
