package org.assay.forecast.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The default method (auto) against the seasonal-naive baseline on real and real-shaped monthly
 * series, each scored on its last 12 months and, for robustness, on the 12 months before those
 * (the series cut one year earlier). The choice is made inside the training part only.
 */
class ForecastQualityTest {

    static double[] resource(String name) throws IOException {
        try (InputStream in = ForecastQualityTest.class.getResourceAsStream("/series/" + name)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            return Arrays.stream(lines).skip(1).filter(l -> !l.isBlank())
                    .mapToDouble(l -> Double.parseDouble(l.split(",")[1])).toArray();
        }
    }

    /** Australian-wine-like: slow growth, a strong multiplicative season peaking in winter, 7% noise. */
    static double[] wineLike(long seed) {
        Random r = new Random(seed);
        double[] shape = {0.62, 0.8, 0.9, 0.92, 1.02, 1.0, 1.15, 1.18, 1.02, 1.1, 1.2, 1.35};
        double[] y = new double[176];
        for (int t = 0; t < y.length; t++) {
            y[t] = (15000 + 60 * t) * shape[t % 12] * (1 + 0.07 * r.nextGaussian());
        }
        return y;
    }

    /** Retail-like: growth that flattens, a December peak that grows with the level, a random-walk level. */
    static double[] retailLike(long seed) {
        Random r = new Random(seed);
        double[] shape = {0.88, 0.86, 0.97, 0.97, 1.02, 0.99, 1.0, 1.02, 0.96, 1.0, 1.04, 1.29};
        double[] y = new double[120];
        double shock = 0;
        for (int t = 0; t < y.length; t++) {
            shock += 0.01 * r.nextGaussian();
            double level = 2000 * (1 + 0.5 * (1 - Math.exp(-t / 60.0))) * (1 + shock);
            y[t] = level * shape[t % 12] * (1 + 0.02 * r.nextGaussian());
        }
        return y;
    }

    /** Beer-like: a slow decline, an additive season of constant size, 4% noise. */
    static double[] beerLike(long seed) {
        Random r = new Random(seed);
        double[] season = {10, -5, 2, -8, -12, -20, -14, -10, -6, 8, 20, 35};
        double[] y = new double[156];
        for (int t = 0; t < y.length; t++) {
            y[t] = 160 - 0.15 * t + season[t % 12] + 6 * r.nextGaussian();
        }
        return y;
    }

    static Map<String, double[]> series() throws IOException {
        Map<String, double[]> all = new LinkedHashMap<>();
        all.put("airline passengers", ForecasterTest.AIRLINE);
        all.put("EU electrical equipment orders", resource("elec-equip.csv"));
        all.put("Mauna Loa CO2", resource("co2-monthly.csv"));
        all.put("Nino 1+2 sea temperature", resource("elnino.csv"));
        all.put("wine-like (generated)", wineLike(7));
        all.put("retail-like (generated)", retailLike(11));
        all.put("beer-like (generated)", beerLike(13));
        return all;
    }

    record Score(String series, int cut, String model, double mape, double naive) {
    }

    static List<Score> scores(Method method) throws IOException {
        List<Score> scores = new ArrayList<>();
        for (Map.Entry<String, double[]> e : series().entrySet()) {
            for (int cut = 0; cut <= 12; cut += 12) {
                double[] y = Arrays.copyOf(e.getValue(), e.getValue().length - cut);
                Forecaster.Result r = new Forecaster(method, Seasonality.AUTO, 12, 0.95).forecast(y, 12, 12);
                scores.add(new Score(e.getKey(), cut, r.scoredModel(), r.modelErrors().mape(), r.baselineErrors().mape()));
            }
        }
        return scores;
    }

    @Test
    void autoBeatsSeasonalNaiveOnTheLastYearOfEachSeries() throws IOException {
        List<Score> scores = scores(Method.AUTO);
        List<Score> holtWinters = scores(Method.HOLT_WINTERS);
        StringBuilder table = new StringBuilder();
        for (int i = 0; i < scores.size(); i++) {
            Score s = scores.get(i);
            table.append(String.format(Locale.ROOT, "%-32s cut %2d  auto MAPE %6.2f%%  naive %6.2f%%  ratio %.2f"
                    + "  (Holt-Winters by AIC %6.2f%%)  %s%n", s.series(), s.cut(), s.mape(), s.naive(),
                    s.mape() / s.naive(), holtWinters.get(i).mape(), s.model()));
        }
        System.out.print(table);
        for (Score s : scores) {
            if (s.cut() == 0 && !s.series().contains("generated")) {
                assertTrue(s.mape() < s.naive(), "on the last year of " + s.series() + "\n" + table);
            }
        }
        double model = scores.stream().mapToDouble(Score::mape).sum();
        double naive = scores.stream().mapToDouble(Score::naive).sum();
        assertTrue(model < 0.9 * naive, "auto's MAPE summed over all series and years is 10% below seasonal naive's: "
                + model + " vs " + naive + "\n" + table);
    }

    @Test
    void wekaForecasterBeatsSeasonalNaiveOnRealSeries() throws IOException {
        for (String name : List.of("airline passengers", "Mauna Loa CO2", "Nino 1+2 sea temperature")) {
            double[] y = series().get(name);
            Forecaster.Result r = new Forecaster(Method.WEKA_FORECASTER, Seasonality.AUTO, 12, 0.95)
                    .forecast(y, 12, 12);
            assertTrue(r.model().startsWith("WekaForecaster"), r.model());
            System.out.printf(Locale.ROOT, "WekaForecaster %s: MAPE %.2f%% vs naive %.2f%%%n", name,
                    r.modelErrors().mape(), r.baselineErrors().mape());
            assertTrue(r.modelErrors().mape() < r.baselineErrors().mape(), name + ": " + r.modelErrors() + " vs "
                    + r.baselineErrors());
            for (int k = 0; k < 12; k++) {
                assertTrue(r.lower()[k] <= r.forecast()[k] && r.forecast()[k] <= r.upper()[k]
                        && r.upper()[k] > r.lower()[k], name + " interval at " + k);
            }
        }
    }
}
