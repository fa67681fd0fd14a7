package org.assay.crm.internal;

import java.util.function.BooleanSupplier;

/**
 * The BG/NBD model of repeat purchases (Fader, Hardie and Lee 2005, "Counting your customers
 * the easy way"): while alive a customer buys at Poisson rate λ ~ Gamma(r, α) and after each
 * purchase drops out with probability p ~ Beta(a, b). Unit-free: times in any unit, α in it too.
 * Per customer: x repeat purchases, t_x the time of the last one, T the time observed (both
 * from the first purchase).
 */
record BgNbd(double r, double alpha, double a, double b) {

    /** A fit: the parameters, the total log-likelihood and whether Nelder-Mead converged. */
    record Fit(BgNbd model, double logLikelihood, boolean converged) { }

    /** The log-likelihood of one customer (equation 6 of the paper). */
    double logLikelihood(double x, double tx, double t) {
        double a1 = Special.lnGamma(r + x) - Special.lnGamma(r) + r * Math.log(alpha);
        double a2 = Special.lnGamma(a + b) + Special.lnGamma(b + x) - Special.lnGamma(b)
                - Special.lnGamma(a + b + x);
        double a3 = -(r + x) * Math.log(alpha + t);
        if (x == 0) {
            return a1 + a2 + a3;
        }
        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        double hi = Math.max(a3, a4);
        return a1 + a2 + hi + Math.log(Math.exp(a3 - hi) + Math.exp(a4 - hi));
    }

    double logLikelihood(double[] x, double[] tx, double[] t) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += logLikelihood(x[i], tx[i], t[i]);
        }
        return s;
    }

    /** P(alive at T | x, t_x, T) (equation 11 of the paper's technical note). */
    double pAlive(double x, double tx, double t) {
        if (x == 0) {
            return 1;
        }
        return 1 / (1 + a / (b + x - 1) * Math.exp((r + x) * Math.log((alpha + t) / (alpha + tx))));
    }

    /** Expected purchases in the next {@code h} time units (equation 10 of the paper). */
    double expected(double x, double tx, double t, double h) {
        if (h <= 0) {
            return 0;
        }
        double ratio = Math.exp((r + x) * Math.log((alpha + t) / (alpha + t + h)));
        double f = Special.hyp2f1(r + x, b + x, a + b + x - 1, h / (alpha + t + h));
        double numerator = (a + b + x - 1) / (a - 1) * (1 - ratio * f);
        double denominator = x == 0 ? 1 : 1 + a / (b + x - 1) * Math.exp((r + x) * Math.log((alpha + t)
                / (alpha + tx)));
        return numerator / denominator;
    }

    /**
     * Maximum likelihood by Nelder-Mead on the log parameters from several starts; the best
     * wins. {@code scale} (e.g. the mean of T) sets the starting α.
     */
    static Fit fit(double[] x, double[] tx, double[] t, double scale, BooleanSupplier cancelled) {
        double[][] starts = {{0, Math.log(scale), 0, 0}, {Math.log(0.25), Math.log(scale / 10), Math.log(0.8),
            Math.log(2.5)}, {Math.log(2), Math.log(scale * 3), Math.log(2), Math.log(5)}};
        Fit best = null;
        for (double[] start : starts) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            NelderMead.Result res = NelderMead.minimise(v -> {
                BgNbd m = of(v);
                return m.valid() ? -m.logLikelihood(x, tx, t) : Double.NaN;
            }, start, 0.5, 5000, 1e-10);
            // a restart from the optimum lets the simplex escape a collapsed shape
            res = NelderMead.minimise(v -> {
                BgNbd m = of(v);
                return m.valid() ? -m.logLikelihood(x, tx, t) : Double.NaN;
            }, res.x(), 0.1, 5000, 1e-10);
            if (Double.isFinite(res.value()) && (best == null || -res.value() > best.logLikelihood())) {
                best = new Fit(of(res.x()), -res.value(), res.converged());
            }
        }
        return best;
    }

    private static BgNbd of(double[] v) {
        return new BgNbd(Math.exp(v[0]), Math.exp(v[1]), Math.exp(v[2]), Math.exp(v[3]));
    }

    /** All parameters finite and positive, and away from a = 1 where the expectation is undefined. */
    boolean valid() {
        return r > 0 && alpha > 0 && a > 0 && b > 0 && Double.isFinite(r + alpha + a + b) && r < 1e6
                && alpha < 1e9 && a < 1e6 && b < 1e6;
    }
}
