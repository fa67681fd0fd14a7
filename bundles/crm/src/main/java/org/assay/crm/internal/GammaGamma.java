package org.assay.crm.internal;

/**
 * The Gamma-Gamma model of spend per transaction (Fader and Hardie 2013, "The Gamma-Gamma model
 * of monetary value"): a customer's spends are Gamma(p, ν) with ν ~ Gamma(q, γ). Fitted on repeat
 * customers' x repeat transactions and their mean spend m.
 */
record GammaGamma(double p, double q, double gamma) {

    record Fit(GammaGamma model, double logLikelihood, boolean converged) { }

    double logLikelihood(double x, double m) {
        return Special.lnGamma(p * x + q) - Special.lnGamma(p * x) - Special.lnGamma(q) + q * Math.log(gamma)
                + (p * x - 1) * Math.log(m) + p * x * Math.log(x) - (p * x + q) * Math.log(gamma + m * x);
    }

    /** The expected spend per transaction given x transactions with mean m (needs q > 1). */
    double expectedSpend(double x, double m) {
        return (gamma + m * x) * p / (p * x + q - 1);
    }

    /** The population mean spend, p γ / (q - 1). */
    double mean() {
        return p * gamma / (q - 1);
    }

    static Fit fit(double[] x, double[] m) {
        double mean = 0;
        for (double v : m) {
            mean += v / m.length;
        }
        double[][] starts = {{0, 0, Math.log(Math.max(mean, 1e-6))}, {Math.log(5), Math.log(3), Math.log(mean)}};
        Fit best = null;
        for (double[] start : starts) {
            NelderMead.Result res = NelderMead.minimise(v -> {
                GammaGamma g = new GammaGamma(Math.exp(v[0]), Math.exp(v[1]), Math.exp(v[2]));
                double s = 0;
                for (int i = 0; i < x.length; i++) {
                    s += g.logLikelihood(x[i], m[i]);
                }
                return -s;
            }, start, 0.5, 5000, 1e-10);
            if (Double.isFinite(res.value()) && (best == null || -res.value() > best.logLikelihood())) {
                double[] v = res.x();
                best = new Fit(new GammaGamma(Math.exp(v[0]), Math.exp(v[1]), Math.exp(v[2])), -res.value(),
                        res.converged());
            }
        }
        return best;
    }
}
