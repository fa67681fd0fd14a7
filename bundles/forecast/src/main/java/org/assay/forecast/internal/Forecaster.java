package org.assay.forecast.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assay.api.data.Quantile;

/**
 * Forecasts one series: chooses and fits the model, scores it and the seasonal-naive baseline on
 * a holdout of the last periods (the choice made inside the training part), then chooses and
 * refits on the whole series for the forecast itself.
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

    /**
     * Everything reported for one series. {@code model} and {@code fit} forecast; the holdout
     * errors are those of {@code scoredModel} ({@code scoredFit} when Holt-Winters), chosen and
     * fitted on the training part, which may differ from the model chosen on the whole series.
     */
    record Result(String model, HoltWinters.Fit fit, double[] forecast, double[] lower, double[] upper,
            double[] baseline, int holdout, Errors modelErrors, Errors baselineErrors, String note,
            String scoredModel, HoltWinters.Fit scoredFit) {
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
        String scored = null;
        HoltWinters.Fit scoredFit = null;
        if (test > 0) {
            // Chosen and fitted on the training part only: the holdout is never looked at.
            double[] train = Arrays.copyOf(y, y.length - test);
            double[] actual = Arrays.copyOfRange(y, y.length - test, y.length);
            Model trained = choose(train, test, new ArrayList<>());
            double[] predicted = trained == null ? seasonalNaive(train, m, test) : trained.forecast(test);
            scored = trained == null ? "seasonal naive" : trained.describe();
            scoredFit = trained == null ? null : trained.holtWinters();
            modelErrors = Errors.of(actual, predicted);
            baselineErrors = Errors.of(actual, seasonalNaive(train, m, test));
        }
        Model fit = choose(y, horizon, notes);
        String finalModel = fit == null ? "seasonal naive" : fit.describe();
        if (scored != null && !scored.equals(finalModel)) {
            notes.add("the holdout was scored with " + scored + ", chosen on the first " + (y.length - test)
                    + " periods; the forecast uses " + finalModel + ", chosen on all " + y.length);
        }
        double[] baseline = seasonalNaive(y, m, horizon);
        if (fit == null) {
            if (method == Method.SEASONAL_NAIVE) {
                notes.add("seasonal naive chosen");
            } else if (notes.stream().noneMatch(n -> n.startsWith("chose") || n.startsWith("too short"))) {
                notes.add("too short for " + (method == Method.WEKA_FORECASTER ? "WekaForecaster" : "Holt-Winters")
                        + " (" + y.length + " periods): seasonal naive used");
            }
            return new Result("seasonal naive", null, baseline, naiveLower(y, baseline), naiveUpper(y, baseline),
                    baseline, test, modelErrors, baselineErrors, String.join("; ", notes), scored, scoredFit);
        }
        double[][] band = fit.interval(horizon, confidence);
        return new Result(fit.describe(), fit.holtWinters(), fit.forecast(horizon), band[0], band[1], baseline, test,
                modelErrors, baselineErrors, String.join("; ", notes), scored, scoredFit);
    }

    /** A way to fit a model to a series; {@code fit} returns null when the series is too short for it. */
    private record Candidate(String name, int minimumLength, ModelFit fit) {
    }

    @FunctionalInterface
    private interface ModelFit {
        /** Fits on {@code y} for {@code h} periods ahead; {@code intervals} false when only scored. */
        Model fit(double[] y, int h, boolean intervals);
    }

    /**
     * The model for {@code y}, or null for seasonal naive (asked for, chosen, or too little data).
     * Several candidates (method auto, or WekaForecaster with and without the log scale) are
     * compared by rolling-origin validation inside {@code y}: each is fitted on the series up
     * to an origin and scored on the periods after it (at most one season), for origins at the
     * end of {@code y} and up to two earlier ones; the lowest MAPE wins (WAPE when the
     * validation periods hold a zero).
     */
    Model choose(double[] y, int h, List<String> notes) {
        List<Candidate> candidates = candidates(y);
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.size() == 1) {
            return candidates.get(0).fit().fit(y, h, true);
        }
        int v = Math.max(1, Math.min(h, m > 1 ? m : h));
        int step = Math.max(1, m / 2);
        List<Candidate> eligible = candidates.stream().filter(c -> c.minimumLength() <= y.length - v).toList();
        if (eligible.isEmpty()) {
            Candidate fallback = candidates.get(0);
            notes.add("too short to validate (" + y.length + " periods), " + fallback.name() + " used");
            return fallback.fit().fit(y, h, true);
        }
        int least = eligible.stream().mapToInt(Candidate::minimumLength).max().orElseThrow();
        List<Integer> origins = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            int origin = y.length - v - k * step;
            if (origin >= least) {
                origins.add(origin);
            }
        }
        boolean zero = false;
        for (int origin : origins) {
            for (int t = origin; t < origin + v; t++) {
                zero |= y[t] == 0;
            }
        }
        double bestScore = Double.POSITIVE_INFINITY;
        Candidate best = null;
        List<String> scores = new ArrayList<>();
        for (Candidate c : eligible) {
            double score;
            try {
                score = validate(c, y, origins, v, zero);
            } catch (IllegalArgumentException e) {
                scores.add(c.name() + " failed");
                continue;
            }
            scores.add(String.format(java.util.Locale.ROOT, "%s %.2f%%", c.name(), score));
            if (score < bestScore) {
                bestScore = score;
                best = c;
            }
        }
        if (best == null) {
            return null;
        }
        notes.add("chose " + best.name() + " by validation " + (zero ? "WAPE" : "MAPE") + " over "
                + origins.size() + " origin(s) inside the data, " + v + " periods ahead: " + String.join(", ", scores));
        try {
            return best.fit().fit(y, h, true);
        } catch (IllegalArgumentException e) {
            Candidate fallback = candidates.get(0);
            notes.add(best.name() + " failed on the whole series (" + e.getMessage() + "): " + fallback.name()
                    + " used");
            return fallback == best ? null : fallback.fit().fit(y, h, true);
        }
    }

    private double validate(Candidate c, double[] y, List<Integer> origins, int v, boolean wape) {
        double error = 0;
        double scale = 0;
        int n = 0;
        for (int origin : origins) {
            double[] train = Arrays.copyOf(y, origin);
            Model model = c.fit().fit(train, v, false);
            double[] f = model == null ? seasonalNaive(train, m, v) : model.forecast(v);
            for (int k = 0; k < v; k++) {
                double actual = y[origin + k];
                double e = Math.abs(actual - f[k]);
                if (!Double.isFinite(e)) {
                    throw new IllegalArgumentException(c.name() + " gave a non-finite forecast");
                }
                error += wape ? e : e / Math.abs(actual);
                scale += Math.abs(actual);
                n++;
            }
        }
        return wape ? (scale == 0 ? 0 : 100 * error / scale) : 100 * error / n;
    }

    private List<Candidate> candidates(double[] y) {
        List<Candidate> all = new ArrayList<>();
        if (method == Method.SEASONAL_NAIVE || y.length < 4) {
            return all;
        }
        boolean positive = Arrays.stream(y).allMatch(v -> v > 0);
        List<HoltWinters.Season> seasons = seasons(y.length, positive);
        if (method == Method.HOLT_WINTERS) {
            all.add(new Candidate("Holt-Winters", 4, (s, h, band) -> Model.of(aicBest(s, seasons(s.length, positive)))));
            return all;
        }
        int wekaLength = WekaTimeSeries.minimumLength(m);
        if (method == Method.WEKA_FORECASTER) {
            if (y.length < wekaLength) {
                return all;
            }
            all.add(weka(false, wekaLength));
            if (positive && seasonality != Seasonality.ADDITIVE) {
                all.add(weka(true, wekaLength));
            }
            return all;
        }
        // auto: each seasonal form with its trend (none, linear, damped) chosen by AIC, and WekaForecaster
        boolean seasonal = seasons.contains(HoltWinters.Season.ADDITIVE)
                || seasons.contains(HoltWinters.Season.MULTIPLICATIVE);
        int hwLength = seasonal ? 2 * m + 2 : 4;
        for (HoltWinters.Season season : seasons) {
            String form = switch (season) {
                case NONE -> "Holt";
                case ADDITIVE -> "Holt-Winters additive";
                case MULTIPLICATIVE -> "Holt-Winters multiplicative";
            };
            all.add(new Candidate(form, hwLength, (s, h, band) -> Model.of(aicBest(s, List.of(season)))));
        }
        all.add(weka(false, wekaLength));
        if (positive && seasonality != Seasonality.ADDITIVE) {
            all.add(weka(true, wekaLength));
        }
        return all;
    }

    private Candidate weka(boolean log, int length) {
        return new Candidate(log ? "WekaForecaster log" : "WekaForecaster", length,
                (s, h, band) -> WekaTimeSeries.fit(s, m, log, h, band ? confidence : 0));
    }

    private List<HoltWinters.Season> seasons(int length, boolean positive) {
        List<HoltWinters.Season> seasons = new ArrayList<>();
        boolean seasonal = m > 1 && length >= 2 * m + 2;
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
        return seasons;
    }

    /** The Holt-Winters shape with the lowest AIC among the given seasonal forms and no, linear or damped trend. */
    HoltWinters.Fit aicBest(double[] y, List<HoltWinters.Season> seasons) {
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
        return Quantile.of(diffs, confidence);
    }

    private static double[] shift(double[] f, double by) {
        double[] r = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            r[i] = f[i] + by;
        }
        return r;
    }
}
