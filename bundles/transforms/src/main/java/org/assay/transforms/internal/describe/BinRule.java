package org.assay.transforms.internal.describe;

import org.assay.api.step.typed.DescribedValue;

/** How many histogram bins a numeric column gets. */
enum BinRule implements DescribedValue {
    FREEDMAN_DIACONIS("bin width 2 IQR / n^(1/3) (robust to outliers); Sturges when the IQR is 0"),
    STURGES("ceil(log2 n) + 1 bins (suits roughly normal data)");

    private final String description;

    BinRule(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    /**
     * The number of equal-width bins over [min, max] for n values whose interquartile range is
     * iqr, at least 1 and at most {@code maxBins}.
     */
    int bins(long n, double min, double max, double iqr, int maxBins) {
        if (n <= 1 || max <= min) {
            return 1;
        }
        double count;
        if (this == FREEDMAN_DIACONIS && iqr > 0) {
            double width = 2 * iqr / Math.cbrt(n);
            count = Math.ceil((max - min) / width);
        } else {
            count = Math.ceil(Math.log(n) / Math.log(2)) + 1;
        }
        return (int) Math.max(1, Math.min(maxBins, count));
    }
}
