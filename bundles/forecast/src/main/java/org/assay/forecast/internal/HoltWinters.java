package org.assay.forecast.internal;

import java.util.Arrays;
import java.util.Random;
import org.assay.api.data.Quantile;

/**
 * Holt-Winters exponential smoothing (Holt 1957, Winters 1960) in the component form of
 * Hyndman and Athanasopoulos, "Forecasting: Principles and Practice", ch. 8, with an optional
 * damped trend (Gardner and McKenzie 1985):
 *
 * <pre>
 *   additive:        l_t = a (y_t - s_{t-m}) + (1 - a)(l_{t-1} + f b_{t-1})
 *                    b_t = b* (l_t - l_{t-1}) + (1 - b*) f b_{t-1}
 *                    s_t = g (y_t - l_{t-1} - f b_{t-1}) + (1 - g) s_{t-m}
 *   multiplicative:  l_t = a (y_t / s_{t-m}) + (1 - a)(l_{t-1} + f b_{t-1})
 *                    s_t = g (y_t / (l_{t-1} + f b_{t-1})) + (1 - g) s_{t-m}
 *   forecast:        y_{T+h} = (l_T + (f + ... + f^h) b_T) (+ or x) s_{T+h-m(k+1)}
 * </pre>
 *
 * The smoothing parameters (and the damping f in [0.8, 0.98]) are fitted by minimising the sum
 * of squared one-step-ahead errors with Nelder-Mead from several starts. Initial states follow
 * the classical decomposition of the first two seasons. Prediction intervals come from
 * simulating future paths with bootstrapped one-step errors (relative errors for the
 * multiplicative form, whose spread grows with the level), so they widen with the horizon;
 * errors of the first season after the start, still under the crude initial states, are left
 * out of that pool when enough later ones exist.
 */
final class HoltWinters {

    /** The seasonal form. */
    enum Season { NONE, ADDITIVE, MULTIPLICATIVE }

    /** A model shape to fit: seasonal form, whether there is a trend and whether it is damped. */
    record Shape(Season season, boolean trend, boolean damped) {
        String describe() {
            String t = !trend ? "no trend" : damped ? "damped trend" : "linear trend";
            return switch (season) {
                case NONE -> "Holt (" + t + ", no season)";
                case ADDITIVE -> "Holt-Winters additive (" + t + ")";
                case MULTIPLICATIVE -> "Holt-Winters multiplicative (" + t + ")";
            };
        }

        int parameters() {
            return 1 + (trend ? 1 : 0) + (damped ? 1 : 0) + (season == Season.NONE ? 0 : 1);
        }
    }

    /** A fitted model. */
    record Fit(Shape shape, int m, double alpha, double beta, double gamma, double phi, double sse, int n,
            double level, double trendState, double[] seasonals, double[] residuals) {

        /** Akaike's criterion on the one-step errors, counting smoothing parameters and initial states. */
        double aic() {
            int states = 1 + (shape.trend() ? 1 : 0) + (shape.season() == Season.NONE ? 0 : m);
            return n * Math.log(Math.max(sse, 1e-12) / n) + 2.0 * (shape.parameters() + states);
        }

        /** Point forecasts for the next {@code h} periods. */
        double[] forecast(int h) {
            double[] f = new double[h];
            double damp = 0;
            double power = 1;
            for (int k = 1; k <= h; k++) {
                power *= phi;
                damp += shape.trend() ? power : 0;
                double base = level + damp * trendState;
                f[k - 1] = seasonal(base, seasonals, (k - 1) % m);
            }
            return f;
        }

        private double seasonal(double base, double[] s, int index) {
            return switch (shape.season()) {
                case NONE -> base;
                case ADDITIVE -> base + s[index];
                case MULTIPLICATIVE -> base * s[index];
            };
        }

        /**
         * Lower and upper bounds at {@code confidence} for the next {@code h} periods, from
         * {@code paths} simulated futures (fixed seed: the same data gives the same band).
         */
        double[][] interval(int h, double confidence, int paths) {
            double[][] sims = new double[h][paths];
            int usable = residuals.length;
            Random random = new Random(42);
            for (int p = 0; p < paths; p++) {
                double l = level;
                double b = trendState;
                double[] s = seasonals.clone();
                for (int k = 0; k < h; k++) {
                    double base = l + (shape.trend() ? phi * b : 0);
                    double mean = seasonal(base, s, k % m);
                    double e = usable == 0 ? 0 : residuals[random.nextInt(usable)];
                    double y = shape.season() == Season.MULTIPLICATIVE ? mean * (1 + e) : mean + e;
                    sims[k][p] = y;
                    double[] next = step(shape, alpha, beta, gamma, phi, l, b, s[k % m], y);
                    l = next[0];
                    b = next[1];
                    s[k % m] = next[2];
                }
            }
            double[][] bounds = new double[2][h];
            for (int k = 0; k < h; k++) {
                Arrays.sort(sims[k]);
                bounds[0][k] = Quantile.of(sims[k], (1 - confidence) / 2);
                bounds[1][k] = Quantile.of(sims[k], (1 + confidence) / 2);
            }
            return bounds;
        }
    }

    private HoltWinters() {
    }

    /** The least number of observations a shape needs: two full seasons for a seasonal model. */
    static int minimumLength(Shape shape, int m) {
        return shape.season() == Season.NONE ? 4 : 2 * m + 2;
    }

    /** Fits the shape to {@code y}; {@code m} is the season length (1 for none). */
    static Fit fit(double[] y, Shape shape, int m) {
        int season = shape.season() == Season.NONE ? 1 : m;
        double[][] starts = {{0.3, 0.1, 0.1, 0.9}, {0.7, 0.05, 0.2, 0.95}, {0.1, 0.01, 0.05, 0.85},
            {0.5, 0.3, 0.4, 0.9}};
        double[] best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (double[] start : starts) {
            double[] x = NelderMead.minimize(v -> sse(y, shape, season, params(v, shape)), toFree(start), 600);
            double value = sse(y, shape, season, params(x, shape));
            if (value < bestSse) {
                bestSse = value;
                best = x;
            }
        }
        double[] p = params(best, shape);
        return run(y, shape, season, p[0], p[1], p[2], p[3]);
    }

    /** alpha, beta, gamma in (0.0001, 0.9999); phi in [0.8, 0.98] when damped, else 1. */
    private static double[] params(double[] free, Shape shape) {
        double alpha = bounded(free[0], 1e-4, 0.9999);
        double beta = shape.trend() ? bounded(free[1], 1e-4, 0.9999) : 0;
        double gamma = shape.season() == Season.NONE ? 0 : bounded(free[2], 1e-4, 0.9999);
        double phi = shape.damped() ? bounded(free[3], 0.8, 0.98) : 1;
        return new double[] {alpha, beta, gamma, phi};
    }

    private static double[] toFree(double[] p) {
        return new double[] {unbounded(p[0], 1e-4, 0.9999), unbounded(p[1], 1e-4, 0.9999),
            unbounded(p[2], 1e-4, 0.9999), unbounded(p[3], 0.8, 0.98)};
    }

    private static double bounded(double x, double lo, double hi) {
        return lo + (hi - lo) / (1 + Math.exp(-x));
    }

    private static double unbounded(double p, double lo, double hi) {
        double u = (p - lo) / (hi - lo);
        return Math.log(u / (1 - u));
    }

    private static double sse(double[] y, Shape shape, int m, double[] p) {
        return run(y, shape, m, p[0], p[1], p[2], p[3]).sse();
    }

    /** Runs the recursions over {@code y} from the classical initial states. */
    static Fit run(double[] y, Shape shape, int m, double alpha, double beta, double gamma, double phi) {
        double level;
        double trend = 0;
        double[] s = new double[m];
        if (shape.season() == Season.NONE) {
            level = y[0];
            trend = shape.trend() ? y[1] - y[0] : 0;
        } else {
            double first = mean(y, 0, m);
            double second = mean(y, m, 2 * m);
            level = first;
            trend = shape.trend() ? (second - first) / m : 0;
            for (int i = 0; i < m; i++) {
                // Detrended against the first season's centre, so a trend is not read as season.
                double base = first + (i - (m - 1) / 2.0) * trend;
                s[i] = shape.season() == Season.ADDITIVE ? y[i] - base : (base == 0 ? 1 : y[i] / base);
            }
            level = first + ((m - 1) / 2.0) * trend;
        }
        int start = shape.season() == Season.NONE ? 1 : m;
        double sse = 0;
        double[] residuals = new double[y.length - start];
        for (int t = start; t < y.length; t++) {
            int i = t % m;
            double base = level + (shape.trend() ? phi * trend : 0);
            double predicted = switch (shape.season()) {
                case NONE -> base;
                case ADDITIVE -> base + s[i];
                case MULTIPLICATIVE -> base * s[i];
            };
            double e = y[t] - predicted;
            sse += e * e;
            residuals[t - start] = shape.season() == Season.MULTIPLICATIVE ? (predicted == 0 ? 0 : e / predicted) : e;
            double[] next = step(shape, alpha, beta, gamma, phi, level, trend, s[i], y[t]);
            level = next[0];
            trend = next[1];
            s[i] = next[2];
        }
        if (!Double.isFinite(sse)) {
            sse = Double.MAX_VALUE;
        }
        // The first season after the start still carries the crude initial states; its errors
        // would widen the band for good, so the intervals draw on later errors when there are enough.
        int settled = Math.min(m, residuals.length);
        if (residuals.length - settled >= Math.max(12, m)) {
            residuals = Arrays.copyOfRange(residuals, settled, residuals.length);
        }
        // Seasonal indices rotated so index 0 is the period right after the last observation.
        double[] ahead = new double[m];
        for (int k = 0; k < m; k++) {
            ahead[k] = s[(y.length + k) % m];
        }
        return new Fit(shape, m, alpha, beta, gamma, phi, sse, y.length - start, level, trend, ahead, residuals);
    }

    /** One update of level, trend and the season's index after observing {@code y}. */
    private static double[] step(Shape shape, double alpha, double beta, double gamma, double phi, double level,
            double trend, double season, double y) {
        double damped = shape.trend() ? phi * trend : 0;
        double base = level + damped;
        double newLevel;
        double newSeason = season;
        switch (shape.season()) {
            case ADDITIVE -> {
                newLevel = alpha * (y - season) + (1 - alpha) * base;
                newSeason = gamma * (y - base) + (1 - gamma) * season;
            }
            case MULTIPLICATIVE -> {
                newLevel = alpha * (season == 0 ? y : y / season) + (1 - alpha) * base;
                newSeason = gamma * (base == 0 ? 1 : y / base) + (1 - gamma) * season;
            }
            default -> newLevel = alpha * y + (1 - alpha) * base;
        }
        double newTrend = shape.trend() ? beta * (newLevel - level) + (1 - beta) * damped : 0;
        return new double[] {newLevel, newTrend, newSeason};
    }

    private static double mean(double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += y[i];
        }
        return sum / (to - from);
    }
}
