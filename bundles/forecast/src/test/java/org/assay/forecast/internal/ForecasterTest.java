package org.assay.forecast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ForecasterTest {

    /** 100 + 2t trend, +-20% multiplicative yearly season, 5% noise. */
    static double[] planted(int n, long seed) {
        Random r = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            double season = 1 + 0.2 * Math.sin(2 * Math.PI * t / 12);
            y[t] = (100 + 2 * t) * season * (1 + 0.05 * r.nextGaussian());
        }
        return y;
    }

    @Test
    void holtWintersBeatsSeasonalNaiveOnPlantedTrendAndSeason() {
        for (long seed = 1; seed <= 5; seed++) {
            Forecaster.Result r = new Forecaster(Method.HOLT_WINTERS, Seasonality.AUTO, 12, 0.95)
                    .forecast(planted(72, seed), 12, 12);
            assertEquals(12, r.holdout());
            assertTrue(r.modelErrors().mape() < r.baselineErrors().mape(), r.model() + " " + r.modelErrors() + " vs "
                    + r.baselineErrors());
            assertTrue(r.model().startsWith("Holt-Winters"), r.model());
        }
    }

    @Test
    void recoversAnExactAdditiveSeries() {
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 3 * t + new double[] {5, -3, 8, 0, -6, 2, 4, -1, -7, 3, 1, -6}[t % 12];
        }
        Forecaster.Result r = new Forecaster(Method.HOLT_WINTERS, Seasonality.ADDITIVE, 12, 0.9)
                .forecast(y, 12, 12);
        for (int k = 0; k < 12; k++) {
            int t = 60 + k;
            double truth = 50 + 3 * t + new double[] {5, -3, 8, 0, -6, 2, 4, -1, -7, 3, 1, -6}[t % 12];
            assertEquals(truth, r.forecast()[k], 0.5, "period " + t);
        }
    }

    @Test
    void intervalsHoldTheForecastAndWidenWithTheHorizon() {
        Forecaster.Result r = new Forecaster(Method.HOLT_WINTERS, Seasonality.AUTO, 12, 0.95)
                .forecast(planted(60, 3), 24, 12);
        for (int k = 0; k < 24; k++) {
            assertTrue(r.lower()[k] < r.forecast()[k] && r.forecast()[k] < r.upper()[k], "period " + k);
        }
        assertTrue(r.upper()[23] - r.lower()[23] > r.upper()[0] - r.lower()[0]);
    }

    @Test
    void intervalsCoverAboutTheirShareOfFutureValues() {
        int inside = 0;
        int total = 0;
        for (long seed = 1; seed <= 20; seed++) {
            double[] all = planted(84, seed);
            double[] history = java.util.Arrays.copyOf(all, 72);
            Forecaster.Result r = new Forecaster(Method.HOLT_WINTERS, Seasonality.AUTO, 12, 0.8)
                    .forecast(history, 12, 0);
            for (int k = 0; k < 12; k++) {
                inside += all[72 + k] >= r.lower()[k] && all[72 + k] <= r.upper()[k] ? 1 : 0;
                total++;
            }
        }
        double coverage = (double) inside / total;
        assertTrue(coverage > 0.65 && coverage < 0.95, "80% intervals covered " + coverage);
    }

    @Test
    void seasonalNaiveRepeatsTheLastSeason() {
        double[] y = {1, 2, 3, 4, 5, 6, 7};
        assertEquals(java.util.List.of(4.0, 5.0, 6.0, 7.0, 4.0), java.util.Arrays.stream(
                Forecaster.seasonalNaive(y, 4, 5)).boxed().toList());
        assertEquals(7.0, Forecaster.seasonalNaive(new double[] {3, 7}, 4, 1)[0]);
    }

    @Test
    void shortSeriesFallBackAndSaySo() {
        Forecaster.Result r = new Forecaster(Method.HOLT_WINTERS, Seasonality.AUTO, 12, 0.95)
                .forecast(new double[] {5, 6, 7}, 3, 12);
        assertEquals("seasonal naive", r.model());
        assertTrue(r.note().contains("no holdout"), r.note());
        Forecaster.Result holt = new Forecaster(Method.HOLT_WINTERS, Seasonality.AUTO, 12, 0.95)
                .forecast(new double[] {5, 6, 7, 8, 9, 10, 11, 12, 13, 14}, 3, 2);
        assertTrue(holt.model().startsWith("Holt ("), holt.model());
        assertEquals(15, holt.forecast()[0], 0.5);
    }

    @Test
    void errorsFollowTheirDefinitions() {
        Forecaster.Errors e = Forecaster.Errors.of(new double[] {100, 200, 0}, new double[] {110, 180, 10});
        assertEquals(40.0 / 3, e.mae(), 1e-9);
        assertEquals(Math.sqrt(600.0 / 3), e.rmse(), 1e-9);
        assertEquals(100 * (0.1 + 0.1) / 2, e.mape(), 1e-9, "zero actuals are left out of MAPE");
        assertEquals(100 * (20.0 / 210 + 40.0 / 380 + 2) / 3, e.smape(), 1e-9);
    }

    /** Box and Jenkins' airline passengers (thousands, monthly 1949-1960): a real series with trend and season. */
    static final double[] AIRLINE = {112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135,
        125, 149, 170, 170, 158, 133, 114, 140, 145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180,
        193, 181, 183, 218, 230, 242, 209, 191, 172, 194, 196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201,
        204, 188, 235, 227, 234, 264, 302, 293, 259, 229, 203, 229, 242, 233, 267, 269, 270, 315, 364, 347, 312, 274,
        237, 278, 284, 277, 317, 313, 318, 374, 413, 405, 355, 306, 271, 306, 315, 301, 356, 348, 355, 422, 465, 467,
        404, 347, 305, 336, 340, 318, 362, 348, 363, 435, 491, 505, 404, 359, 310, 337, 360, 342, 406, 396, 420, 472,
        548, 559, 463, 407, 362, 405, 417, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390, 432};

    @Test
    void beatsSeasonalNaiveOnTheAirlineSeries() {
        assertEquals(144, AIRLINE.length);
        Forecaster.Result r = new Forecaster(Method.HOLT_WINTERS, Seasonality.AUTO, 12, 0.95)
                .forecast(AIRLINE, 12, 12);
        assertTrue(r.modelErrors().mape() < r.baselineErrors().mape(), r.model() + " " + r.modelErrors() + " vs "
                + r.baselineErrors());
        assertTrue(r.modelErrors().mape() < 6, r.model() + " " + r.modelErrors());
    }

    @Test
    void autoChoosesForTheHoldoutWithoutLookingAtIt() {
        double[] y = planted(84, 4);
        double[] spoiled = y.clone();
        for (int t = 72; t < 84; t++) {
            spoiled[t] = t % 2 == 0 ? 10 * y[t] : 0.1 * y[t];
        }
        Forecaster auto = new Forecaster(Method.AUTO, Seasonality.AUTO, 12, 0.95);
        Forecaster.Result clean = auto.forecast(y, 12, 12);
        Forecaster.Result wild = auto.forecast(spoiled, 12, 12);
        assertEquals(clean.scoredModel(), wild.scoredModel(), "the holdout's values must not change the choice");
        assertTrue(clean.modelErrors().mape() < clean.baselineErrors().mape(), clean.toString());
        assertTrue(wild.modelErrors().mape() > 5 * clean.modelErrors().mape(), "scored on the spoiled holdout");
    }

    @Test
    void wekaForecasterFallsBackOnShortSeriesAndSaysSo() {
        Forecaster.Result r = new Forecaster(Method.WEKA_FORECASTER, Seasonality.AUTO, 12, 0.95)
                .forecast(java.util.Arrays.copyOf(planted(40, 2), 30), 6, 0);
        assertEquals("seasonal naive", r.model());
        assertTrue(r.note().contains("WekaForecaster"), r.note());
        Forecaster.Result weka = new Forecaster(Method.WEKA_FORECASTER, Seasonality.AUTO, 12, 0.95)
                .forecast(planted(72, 2), 6, 12);
        assertTrue(weka.model().startsWith("WekaForecaster") && weka.scoredModel().startsWith("WekaForecaster"),
                weka.model());
        assertTrue(weka.modelErrors().mape() < weka.baselineErrors().mape(), weka.modelErrors() + " vs "
                + weka.baselineErrors());
    }
}
