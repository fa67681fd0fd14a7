package org.assay.privacy.internal.dp;

import java.util.random.RandomGenerator;

/**
 * Integer noise with P(z) proportional to exp(-|z| / scale): the two-sided geometric
 * mechanism (Ghosh, Roughgarden and Sundararajan), the difference of two geometric draws. It
 * releases integers, so the low bits of a floating-point Laplace draw cannot give the true
 * value away (Mironov 2012). Values that are not integers are put on a grid first (see
 * {@link DpAggregateStep}). Not thread-safe when the generator is not.
 */
final class DiscreteLaplace {

    private final RandomGenerator random;

    DiscreteLaplace(RandomGenerator random) {
        this.random = random;
    }

    /** One draw for {@code scale} = sensitivity / epsilon in grid units (> 0). */
    long sample(double scale) {
        return geometric(scale) - geometric(scale);
    }

    /** P(g) = (1 - a) a^g with a = exp(-1/scale), by inversion: floor(ln U / ln a). */
    private long geometric(double scale) {
        double u;
        do {
            u = random.nextDouble();
        } while (u == 0.0);
        double g = Math.floor(-scale * Math.log(u));
        return g >= Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : (long) g;
    }
}
