package org.assay.visualizers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CategoryAxisLayoutTest {

    /** Plot width of the default 900 px chart, less the y axis and padding (measured: about 780 px). */
    private static final int PLOT_WIDTH = 760;

    @Test
    void everyBarKeepsItsLabelUpToTheDefaultMaximumOfBars() {
        // XChart skips labels when the room per bar is below the hint: eleven RFM segments lost every second name.
        for (int bars = 1; bars <= 30; bars++) {
            CategoryAxisLayout axis = CategoryAxisLayout.of(bars, 15);
            assertTrue(PLOT_WIDTH / bars >= axis.tickSpacingHint(),
                    bars + " bars: " + PLOT_WIDTH / bars + " px each, hint " + axis.tickSpacingHint());
        }
    }

    @Test
    void slantedLabelsKeepAFactorAndItsValueWhole() {
        CategoryAxisLayout axis = CategoryAxisLayout.of(10, 23);
        assertEquals(45, axis.rotation());
        assertEquals("product_category = home", ChartLook.shorten("product_category = home", axis.maxLabelChars()));
    }

    @Test
    void fewShortLabelsStayUpright() {
        assertEquals(0, CategoryAxisLayout.of(3, 8).rotation());
        assertEquals(90, CategoryAxisLayout.of(20, 8).rotation());
    }
}
