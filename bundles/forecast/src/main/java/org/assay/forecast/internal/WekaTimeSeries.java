package org.assay.forecast.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import weka.classifiers.evaluation.NumericPrediction;
import weka.classifiers.functions.LinearRegression;
import weka.classifiers.timeseries.WekaForecaster;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.filters.supervised.attribute.TSLagMaker;

/**
 * Weka's time-series forecasting package ({@link WekaForecaster}): the series becomes a
 * regression on its own lags 1..max(m, 3) and a seasonal periodic feature, a cyclic nominal
 * attribute {@code phase} (p0 .. p(m-1)) that the lag maker carries into the future, plus
 * Weka's trend adjustment (an artificial time index; its powers and products with lags are off).
 * The base learner is Weka's linear regression (M5 attribute selection). With {@code log}
 * the series is modelled on the log scale (Weka's variance adjustment), for seasons that grow
 * with the level. Prediction intervals are Weka's own, from the errors on the training part
 * at each step ahead.
 */
final class WekaTimeSeries implements Model {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private final double[] forecastCache;
    private final double[][] bandCache;
    private final String description;

    private WekaTimeSeries(double[] forecast, double[][] band, String description) {
        this.forecastCache = forecast;
        this.bandCache = band;
        this.description = description;
    }

    /** The least number of periods: the lags plus two seasons to learn from. */
    static int minimumLength(int m) {
        return maxLag(m) + 2 * Math.max(m, 2) + 2;
    }

    private static int maxLag(int m) {
        return Math.max(m, 3);
    }

    /**
     * Fits on {@code y} and forecasts {@code h} periods with intervals at {@code confidence}
     * (0: no intervals, which saves Weka the h-step forecasts from every training period).
     *
     * @throws IllegalArgumentException when the series is too short or Weka cannot fit it
     */
    static WekaTimeSeries fit(double[] y, int m, boolean log, int h, double confidence) {
        if (y.length < minimumLength(m)) {
            throw new IllegalArgumentException("WekaForecaster needs " + minimumLength(m) + " periods, the series has "
                    + y.length);
        }
        int season = Math.max(m, 1);
        ArrayList<String> phases = new ArrayList<>();
        for (int k = 0; k < season; k++) {
            phases.add("p" + k);
        }
        ArrayList<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("y"));
        boolean periodic = m > 1;
        if (periodic) {
            attributes.add(new Attribute("phase", phases));
        }
        Instances data = new Instances("series", attributes, y.length);
        for (int t = 0; t < y.length; t++) {
            double[] row = periodic ? new double[] {y[t], t % season} : new double[] {y[t]};
            data.add(new DenseInstance(1, row));
        }
        try {
            WekaForecaster forecaster = new WekaForecaster();
            forecaster.setFieldsToForecast("y");
            LinearRegression base = new LinearRegression();
            forecaster.setBaseForecaster(base);
            TSLagMaker lags = forecaster.getTSLagMaker();
            lags.setMinLag(1);
            lags.setMaxLag(maxLag(m));
            lags.setAdjustForTrends(true);
            // A straight time trend only: powers of time and time x lag products extrapolate wildly
            // from a few years of data (and multiply the attributes the regression selects from).
            lags.setIncludePowersOfTime(false);
            lags.setIncludeTimeLagProducts(false);
            lags.setAdjustForVariance(log);
            if (periodic) {
                lags.setPrimaryPeriodicFieldName("phase");
            }
            if (confidence > 0) {
                forecaster.setCalculateConfIntervalsForForecasts(h);
                forecaster.setConfidenceLevel(confidence);
            }
            forecaster.buildForecaster(data, QUIET);
            forecaster.primeForecaster(data);
            List<List<NumericPrediction>> steps = forecaster.forecast(h, QUIET);
            double[] f = new double[h];
            double[][] band = new double[2][h];
            for (int k = 0; k < h; k++) {
                NumericPrediction p = steps.get(k).get(0);
                f[k] = p.predicted();
                double[][] intervals = p.predictionIntervals();
                if (intervals != null && intervals.length > 0 && !Double.isNaN(intervals[0][0])) {
                    band[0][k] = Math.min(intervals[0][0], f[k]);
                    band[1][k] = Math.max(intervals[0][1], f[k]);
                } else {
                    band[0][k] = f[k];
                    band[1][k] = f[k];
                }
                if (!Double.isFinite(f[k])) {
                    throw new IllegalArgumentException("WekaForecaster gave a non-finite forecast");
                }
            }
            // No commas: the name is a cell of the evaluation table.
            return new WekaTimeSeries(f, band, "WekaForecaster (linear regression on lags 1-" + maxLag(m)
                    + (periodic ? " + season phase" : "") + " + trend" + (log ? "; log scale" : "") + ")");
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("WekaForecaster failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public double[] forecast(int h) {
        if (h > forecastCache.length) {
            throw new IllegalArgumentException("fitted for " + forecastCache.length + " periods, asked " + h);
        }
        return java.util.Arrays.copyOf(forecastCache, h);
    }

    @Override
    public double[][] interval(int h, double confidence) {
        return new double[][] {java.util.Arrays.copyOf(bandCache[0], h), java.util.Arrays.copyOf(bandCache[1], h)};
    }

    @Override
    public HoltWinters.Fit holtWinters() {
        return null;
    }
}
