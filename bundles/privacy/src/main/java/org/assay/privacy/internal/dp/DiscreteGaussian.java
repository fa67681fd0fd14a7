package org.assay.privacy.internal.dp;

import java.util.random.RandomGenerator;

/**
 * The discrete Gaussian mechanism (Canonne, Kamath and Steinke, "The Discrete Gaussian for
 * Differential Privacy", 2020): integer noise with P(z) proportional to exp(-z^2 / (2 sigma^2)).
 * Integers for the same reason as {@link DiscreteLaplace}: a floating-point Gaussian's low bits
 * can give the true value away. Sampling is their Algorithm 3 (a discrete Laplace proposal with
 * scale floor(sigma) + 1, accepted with probability exp(-(|y| - sigma^2/t)^2 / (2 sigma^2))), so
 * it is exact up to the double precision of the acceptance test.
 *
 * <p>Calibration is exact too, not the classic bound sigma = sensitivity * sqrt(2 ln(1.25/delta))
 * / epsilon (which holds only for epsilon below 1 and over-noises): {@link #delta} is the
 * smallest delta for which the mechanism is (epsilon, delta)-DP (their Theorem 7, the discrete
 * form of Balle and Wang's analytic Gaussian mechanism), and {@link #sigma} searches the smallest
 * sigma whose delta is at most the one asked, to within 0.03%, always on the safe side. For
 * epsilon 1, delta 1e-5 and sensitivity 1 that is sigma 3.74 (continuous analytic: 3.73;
 * classic: 4.84). Not thread-safe when the generator is not.
 */
final class DiscreteGaussian {

    private final RandomGenerator random;
    private final DiscreteLaplace laplace;

    DiscreteGaussian(RandomGenerator random) {
        this.random = random;
        this.laplace = new DiscreteLaplace(random);
    }

    /** One draw with parameter {@code sigma} (> 0) in grid units. */
    long sample(double sigma) {
        double t = Math.floor(sigma) + 1;
        double s2 = sigma * sigma;
        while (true) {
            long y = laplace.sample(t);
            double d = Math.abs(y) - s2 / t;
            if (random.nextDouble() < Math.exp(-d * d / (2 * s2))) {
                return y;
            }
        }
    }

    /**
     * The smallest delta for which adding discrete Gaussian noise with {@code sigma} to a query of
     * integer {@code sensitivity} is (epsilon, delta)-DP: with X the noise, L = floor(eps sigma^2 /
     * sens - sens/2) + 1 and U = floor(eps sigma^2 / sens + sens/2) + 1, delta = P[L <= X < U] -
     * (e^eps - 1) P[X >= U]. The subtracted series is cut once its terms no longer count (at most
     * 12 sigma + 1000 of them), which can only overstate delta.
     */
    static double delta(double sigma, long sensitivity, double epsilon) {
        double s2 = sigma * sigma;
        double c = epsilon * s2 / sensitivity;
        long lower = (long) Math.floor(c - sensitivity / 2.0) + 1;
        long upper = (long) Math.floor(c + sensitivity / 2.0) + 1;
        double norm = normalizer(sigma);
        double inside = 0;
        for (long x = lower; x < upper; x++) {
            inside += Math.exp(-(double) x * x / (2 * s2));
        }
        double tail = 0;
        long terms = (long) (12 * sigma) + 1000;
        for (long x = upper; x < upper + terms; x++) {
            double term = Math.exp(-(double) x * x / (2 * s2));
            tail += term;
            if (term <= tail * 1e-20) {
                // The rest adds nothing a double holds; stopping early can only overstate delta.
                break;
            }
        }
        return (inside - Math.expm1(epsilon) * tail) / norm;
    }

    /**
     * The sum over all integers of exp(-x^2 / (2 sigma^2)). From sigma 2 on, Poisson summation:
     * sigma sqrt(2 pi) (1 + 2 sum_k exp(-2 pi^2 sigma^2 k^2)), whose k >= 1 terms are then below
     * 1e-34 and left out; below that the terms are summed.
     */
    static double normalizer(double sigma) {
        if (sigma >= 2) {
            return sigma * Math.sqrt(2 * Math.PI);
        }
        double s2 = sigma * sigma;
        double sum = 1;
        for (long x = 1; x < 200; x++) {
            sum += 2 * Math.exp(-(double) x * x / (2 * s2));
        }
        return sum;
    }

    /**
     * The smallest sigma (to within 0.03%, rounded up) for which a query of integer
     * {@code sensitivity} is (epsilon, delta)-DP with this noise.
     *
     * @param delta in (0, 1)
     */
    static double sigma(long sensitivity, double epsilon, double delta) {
        double lo = 0;
        double hi = sensitivity / 64.0;
        while (delta(hi, sensitivity, epsilon) > delta) {
            lo = hi;
            hi *= 2;
        }
        while (hi - lo > 2.5e-4 * hi) {
            double mid = (lo + hi) / 2;
            if (delta(mid, sensitivity, epsilon) > delta) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }
}
