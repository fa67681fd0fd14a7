package org.assay.forecast.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Forecasts one series: chooses and fits the model, scores it and the seasonal-naive baseline on
 * a holdout of the last periods, then refits on the whole series for the forecast itself.
 */
final class Forecaster {

    /** Holdout errors of one method; MAPE and sMAPE in percent, NaN when undefined. */
    record Errors(double mae, double rmse, double mape, double smape) {
        static Errors of(double[] actual, double[] forecast) {
            double abs = 0;
            double sq = 0;
            double ape = 0;
            int apeN = 0;
            double sape = 0;
            int sapeN = 0;
            for (int i = 0; i < actual.length; i++) {
                double e = actual[i] - forecast[i];
                abs += Math.abs(e);
                sq += e * e;
                if (actual[i] != 0) {
                    ape += Math.abs(e / actual[i]);
                    apeN++;
                }
                double denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
                if (denominator != 0) {
                    sape += 2 * Math.abs(e) / denominator;
                    sapeN++;
                }
            }
            int n = actual.length;
            return new Errors(abs / n, Math.sqrt(sq / n), apeN == 0 ? Double.NaN : 100 * ape / apeN,
                    sapeN == 0 ? Double.NaN : 100 * sape / sapeN);
        }
    }

    /** Everything reported for one series. */
    record Result(String model, HoltWinters.Fit fit, double[] forecast, double[] lower, double[] upper,
            double[] baseline, int holdout, Errors modelErrors, Errors baselineErrors, String note) {
    }

    private final Method method;
    private final Seasonality seasonality;
    private final int m;
    private final double confidence;

    Forecaster(Method method, Seasonality seasonality, int m, double confidence) {
        this.method = method;
        this.seasonality = seasonality;
        this.m = m;
        this.confidence = confidence;
    }

    /** Seasonal naive: each period repeats the last observed period of the same phase; naive below one season. */
    static double[] seasonalNaive(double[] y, int m, int h) {
        double[] f = new double[h];
        for (int k = 0; k < h; k++) {
            f[k] = y.length >= m ? y[y.length - m + (k % m)] : y[y.length - 1];
        }
        return f;
    }

    Result forecast(double[] y, int horizon, int holdout) {
        List<String> notes = new ArrayList<>();
        // The training part keeps two full seasons, the least a seasonal model starts from.
        int minTrain = Math.max(4, 2 * m + 2);
        int test = Math.max(0, Math.min(holdout, y.length - minTrain));
        if (test < holdout) {
            notes.add(test == 0 ? "no holdout evaluation: " + y.length + " periods, fewer than " + (minTrain + 1)
                    : "holdout shortened from " + holdout + " to " + test + " periods to keep " + minTrain
                            + " for training");
        }
        Errors modelErrors = null;
        Errors baselineErrors = null;
        if (test > 0) {
            double[] train = Arrays.copyOf(y, y.length - test);
            double[] actual = Arrays.copyOfRange(y, y.length - test, y.length);
            HoltWinters.Fit trained = choose(train);
            double[] predicted = trained == null ? seasonalNaive(train, m, test) : trained.forecast(test);
            modelErrors = Errors.of(actual, predicted);
            baselineErrors = Errors.of(actual, seasonalNaive(train, m, test));
        }
        HoltWinters.Fit fit = choose(y);
        double[] baseline = seasonalNaive(y, m, horizon);
        if (fit == null) {
            notes.add(method == Method.SEASONAL_NAIVE ? "seasonal naive chosen"
                    : "too short for Holt-Winters (" + y.length + " periods): seasonal naive used");
            return new Result("seasonal naive", null, baseline, naiveLower(y, baseline), naiveUpper(y, baseline),
                    baseline, test, modelErrors, baselineErrors, String.join("; ", notes));
        }
        double[][] band = fit.interval(horizon, confidence, 2000);
        return new Result(fit.shape().describe(), fit, fit.forecast(horizon), band[0], band[1], baseline, test,
                modelErrors, baselineErrors, String.join("; ", notes));
    }

    /** The candidate with the lowest AIC, or null for seasonal naive (asked for, or too little data). */
    HoltWinters.Fit choose(double[] y) {
        if (method == Method.SEASONAL_NAIVE || y.length < 4) {
            return null;
        }
        boolean positive = Arrays.stream(y).allMatch(v -> v > 0);
        List<HoltWinters.Season> seasons = new ArrayList<>();
        boolean seasonal = m > 1 && y.length >= 2 * m + 2;
        switch (seasonality) {
            case AUTO -> {
                if (seasonal) {
                    seasons.add(HoltWinters.Season.ADDITIVE);
                    if (positive) {
                        seasons.add(HoltWinters.Season.MULTIPLICATIVE);
                    }
                } else {
                    seasons.add(HoltWinters.Season.NONE);
                }
            }
            case ADDITIVE -> seasons.add(seasonal ? HoltWinters.Season.ADDITIVE : HoltWinters.Season.NONE);
            case MULTIPLICATIVE -> seasons.add(seasonal && positive ? HoltWinters.Season.MULTIPLICATIVE
                    : seasonal ? HoltWinters.Season.ADDITIVE : HoltWinters.Season.NONE);
            case NONE -> seasons.add(HoltWinters.Season.NONE);
        }
        HoltWinters.Fit best = null;
        for (HoltWinters.Season season : seasons) {
            for (boolean[] trend : new boolean[][] {{false, false}, {true, false}, {true, true}}) {
                HoltWinters.Shape shape = new HoltWinters.Shape(season, trend[0], trend[1]);
                HoltWinters.Fit fit = HoltWinters.fit(y, shape, m);
                if (best == null || fit.aic() < best.aic()) {
                    best = fit;
                }
            }
        }
        return best;
    }

    /** A band for the naive fallback: the spread of the seasonal differences seen so far. */
    private double[] naiveLower(double[] y, double[] f) {
        return shift(f, -spread(y));
    }

    private double[] naiveUpper(double[] y, double[] f) {
        return shift(f, spread(y));
    }

    private double spread(double[] y) {
        int lag = y.length > m ? m : 1;
        if (y.length <= lag) {
            return 0;
        }
        double[] diffs = new double[y.length - lag];
        for (int i = lag; i < y.length; i++) {
            diffs[i - lag] = Math.abs(y[i] - y[i - lag]);
        }
        Arrays.sort(diffs);
        return HoltWinters.quantile(diffs, confidence);
    }

    private static double[] shift(double[] f, double by) {
        double[] r = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            r[i] = f[i] + by;
        }
        return r;
    }
}
