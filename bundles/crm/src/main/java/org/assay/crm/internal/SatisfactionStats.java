package org.assay.crm.internal;

/** The intervals of the satisfaction figures; all two-sided at a confidence level. */
final class SatisfactionStats {

    private SatisfactionStats() {
    }

    /** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
    static double normalQuantile(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            return -normalQuantile(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    static double z(double confidence) {
        return normalQuantile(0.5 + confidence / 2);
    }

    /**
     * NPS in points (-100..100) with its Wald interval: with shares p (promoters) and d
     * (detractors) of n, var(p - d) = (p + d - (p - d)^2) / n; clipped to -100..100.
     */
    static double[] nps(long promoters, long detractors, long n, double z) {
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double p = promoters / (double) n;
        double d = detractors / (double) n;
        double nps = p - d;
        double half = z * Math.sqrt(Math.max(0, p + d - nps * nps) / n);
        return new double[] {100 * nps, Math.max(-100, 100 * (nps - half)), Math.min(100, 100 * (nps + half))};
    }

    /** A share in percent with its Wilson score interval. */
    static double[] wilson(long k, long n, double z) {
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double p = k / (double) n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {100 * p, 100 * Math.max(0, centre - half), 100 * Math.min(1, centre + half)};
    }

    /**
     * Rate ratio and odds ratio of a low score, group (a low of n) against the rest (c low of m),
     * with log-scale (Katz; Woolf) intervals; 0.5 is added to every cell when one is 0 (Haldane).
     *
     * @return {rate ratio, low, high, odds ratio, low, high}
     */
    static double[] ratios(long a, long n, long c, long m, double z) {
        double aa = a;
        double bb = n - a;
        double cc = c;
        double dd = m - c;
        if (aa == 0 || bb == 0 || cc == 0 || dd == 0) {
            aa += 0.5;
            bb += 0.5;
            cc += 0.5;
            dd += 0.5;
        }
        double rr = (aa / (aa + bb)) / (cc / (cc + dd));
        double seRr = Math.sqrt(1 / aa - 1 / (aa + bb) + 1 / cc - 1 / (cc + dd));
        double or = (aa / bb) / (cc / dd);
        double seOr = Math.sqrt(1 / aa + 1 / bb + 1 / cc + 1 / dd);
        return new double[] {rr, rr * Math.exp(-z * seRr), rr * Math.exp(z * seRr),
            or, or * Math.exp(-z * seOr), or * Math.exp(z * seOr)};
    }
}
