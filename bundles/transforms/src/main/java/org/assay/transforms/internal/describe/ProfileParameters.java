package org.assay.transforms.internal.describe;

import java.util.List;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code profile}. */
record ProfileParameters(
        @Param(description = "The columns to profile, in this order; empty profiles every column.", defaultValue = "[]")
        @Columns
        List<String> columns,
        @Param(description = "Publish statistics of columns tagged pii: top values and min/max. Off: a pii column "
                + "gets counts only (count, missing, distinct, validity), never a value.", defaultValue = "false")
        boolean allowPii,
        @Param(description = "How many values with their frequencies to list per column (most frequent first, ties "
                + "in value order).", defaultValue = "10", min = 0, max = 100)
        int topValues,
        @Param(description = "Distinct values counted exactly per column; above it the distinct count is a "
                + "HyperLogLog estimate (standard error about 0.8%; within 2.3% measured at 1M values) and top values are ranked among the values first "
                + "seen within the budget.", defaultValue = "20000", min = 1, max = 1000000)
        int distinctBudget,
        @Param(description = "Numeric values kept per column for quartiles and the histogram: exact up to this many "
                + "non-missing values, above it from a seeded uniform sample (reservoir) of this size.",
                defaultValue = "100000", min = 10, max = 5000000)
        int sampleSize,
        @Param(description = "Seed of the sample, so a rerun gives the same quartiles.", defaultValue = "42")
        long seed,
        @Param(description = "How the histogram's bins are chosen.", defaultValue = "freedman-diaconis")
        BinRule bins,
        @Param(description = "Most bins a histogram gets.", defaultValue = "50", min = 1, max = 1000)
        int maxBins,
        @Param(description = "Draw a small chart per column for the run report (a numeric column's histogram, "
                + "any other column's top values), " + ProfileCharts.PER_SHEET + " to a PNG sheet, at most "
                + ProfileCharts.MAX_SHEETS + " sheets; pii columns only with allowPii.", defaultValue = "true")
        boolean charts) {
}
