package org.assay.visualizers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;

/**
 * Renders each new chart type from realistic inputs into target/chart-gallery (PNG, SVG, CSV),
 * so a person can look at them after a build, and checks each wrote its three files.
 */
class ChartGalleryTest {

    static final Path GALLERY = Path.of("target", "chart-gallery");

    /** Rows shaped like the forecast step's output: history then 12 forecast months with an interval. */
    static final Schema FORECAST = Schema.of(Field.of("series", FieldType.STRING), Field.of("period", FieldType.DATE),
            Field.of("kind", FieldType.CATEGORICAL).withCategories(List.of("history", "forecast")),
            Field.of("value", FieldType.DECIMAL), Field.of("lower", FieldType.DECIMAL),
            Field.of("upper", FieldType.DECIMAL));

    static List<Object[]> forecastRows() {
        Random random = new Random(3);
        List<Object[]> rows = new ArrayList<>();
        LocalDate start = LocalDate.of(2022, 1, 1);
        for (int m = 0; m < 48; m++) {
            double season = 1 + 0.25 * Math.sin(2 * Math.PI * m / 12);
            double level = 20_000 + 300 * m;
            LocalDate month = start.plusMonths(m);
            if (m < 36) {
                rows.add(new Object[] {"total", month, "history", level * season + random.nextGaussian() * 1500, null,
                    null});
            } else {
                double v = level * season;
                double w = 1500 + 250 * (m - 36);
                rows.add(new Object[] {"total", month, "forecast", v, v - 1.96 * w, v + 1.96 * w});
            }
        }
        return rows;
    }

    static StepTestRunner render(StepTestRunner runner, Schema schema, List<Object[]> rows) throws Exception {
        runner.input("in", schema, rows, 4096).run();
        assertEquals(3, runner.artifacts().size());
        StepTestRunner.Artifact png = runner.artifacts().get(0);
        assertEquals(ArtifactKind.CHART, png.kind());
        assertEquals(ArtifactKind.CHART, runner.artifacts().get(1).kind());
        assertEquals(ArtifactKind.DATA, runner.artifacts().get(2).kind());
        BufferedImage image = ImageIO.read(png.file().toFile());
        assertTrue(image.getWidth() >= 200);
        assertTrue(Files.size(runner.artifacts().get(1).file()) > 1000);
        runner.assertRowsAccountedFor();
        return runner;
    }

    @Test
    void lineCharts() throws Exception {
        render(new StepTestRunner(new LineChartStepType(), GALLERY.resolve("line-forecast"))
                .param("x", "period").param("y", List.of("value")).param("series", "kind")
                .param("lower", "lower").param("upper", "upper").param("period", "month")
                .param("title", "Monthly sales: history and 12-month forecast").param("yLabel", "sales (EUR)"),
                FORECAST, forecastRows());
        render(new StepTestRunner(new LineChartStepType(), GALLERY.resolve("line-monthly-spend"))
                .param("x", "last_purchase").param("y", List.of("spend")).param("series", "segment")
                .param("period", "month").param("aggregate", "mean"),
                SampleCustomers.SCHEMA, SampleCustomers.rows(5000));
        // Daily rows over two months (week ticks) and over six years (year ticks).
        render(new StepTestRunner(new LineChartStepType(), GALLERY.resolve("line-daily-weeks"))
                .param("x", "day").param("y", List.of("orders")), DAILY, dailyRows(60));
        render(new StepTestRunner(new LineChartStepType(), GALLERY.resolve("line-daily-years"))
                .param("x", "day").param("y", List.of("orders")), DAILY, dailyRows(6 * 365));
        render(new StepTestRunner(new ScatterChartStepType(), GALLERY.resolve("scatter-date"))
                .param("x", "last_purchase").param("y", "spend").param("series", "cluster"),
                SampleCustomers.SCHEMA, SampleCustomers.rows(3000));
    }

    static final Schema DAILY = Schema.of(Field.of("day", FieldType.DATE), Field.of("orders", FieldType.INTEGER));

    static List<Object[]> dailyRows(int days) {
        Random random = new Random(11);
        List<Object[]> rows = new ArrayList<>();
        LocalDate start = LocalDate.of(2019, 3, 13);
        for (int d = 0; d < days; d++) {
            double weekly = start.plusDays(d).getDayOfWeek().getValue() >= 6 ? 1.6 : 1;
            rows.add(new Object[] {start.plusDays(d), (long) (100 * weekly + d * 0.05 + random.nextInt(30))});
        }
        return rows;
    }

    @Test
    void barCharts() throws Exception {
        render(new StepTestRunner(new BarChartStepType(), GALLERY.resolve("bar-segments"))
                .param("category", "cluster").param("title", "Customers per segment"),
                SampleCustomers.SCHEMA, SampleCustomers.rows(3000));
        // A declared category (a segment) is coloured per bar: one stacked series per bar.
        render(new StepTestRunner(new BarChartStepType(), GALLERY.resolve("bar-declared-segments"))
                .param("category", "segment").param("title", "Customers per tier"),
                SampleCustomers.SCHEMA, SampleCustomers.rows(3000));
        // A long title, as the notes make them: the font shrinks so it fits.
        render(new StepTestRunner(new HistogramStepType(), GALLERY.resolve("histogram-long-title"))
                .param("column", "spend").param("series", "cluster")
                .param("title", "Spend of every customer by segment, all regions and every sales channel"),
                SampleCustomers.SCHEMA, SampleCustomers.rows(5_000));
    }

    @Test
    void pieCharts() throws Exception {
        render(new StepTestRunner(new PieChartStepType(), GALLERY.resolve("pie-segments"))
                .param("category", "cluster").param("title", "Customers per segment"),
                SampleCustomers.SCHEMA, SampleCustomers.rows(2000));
        render(new StepTestRunner(new PieChartStepType(), GALLERY.resolve("pie-donut-spend"))
                .param("category", "region").param("value", "spend").param("donut", true),
                SampleCustomers.SCHEMA, SampleCustomers.rows(2000));
        render(new StepTestRunner(new PieChartStepType(), GALLERY.resolve("pie-many"))
                .param("category", "customer_id").param("maxSlices", 6),
                SampleCustomers.SCHEMA, SampleCustomers.rows(40));
    }

    @Test
    void boxPlots() throws Exception {
        render(new StepTestRunner(new BoxPlotStepType(), GALLERY.resolve("box-segments"))
                .param("value", "spend").param("category", "cluster").param("yLabel", "spend (EUR)"),
                SampleCustomers.SCHEMA, SampleCustomers.rows(20_000));
        render(new StepTestRunner(new BoxPlotStepType(), GALLERY.resolve("box-one"))
                .param("value", "spend"), SampleCustomers.SCHEMA, SampleCustomers.rows(300));
    }

    /** Shaped like weka-classify's curves output: per class, one point per distinct score, by threshold. */
    static final Schema CURVES = Schema.of(Field.of("class", FieldType.CATEGORICAL),
            Field.of("threshold", FieldType.DECIMAL), Field.of("false_positive_rate", FieldType.DECIMAL),
            Field.of("true_positive_rate", FieldType.DECIMAL), Field.of("sample_share", FieldType.DECIMAL));

    static List<Object[]> curveRows(int predictions) {
        Random random = new Random(5);
        double[] score = new double[predictions];
        boolean[] yes = new boolean[predictions];
        int positives = 0;
        for (int i = 0; i < predictions; i++) {
            yes[i] = random.nextDouble() < 0.3;
            positives += yes[i] ? 1 : 0;
            score[i] = 1 / (1 + Math.exp(-(random.nextGaussian() + (yes[i] ? 1.4 : 0))));
        }
        List<Object[]> rows = new ArrayList<>();
        for (String cls : List.of("no", "yes")) {
            boolean positive = cls.equals("yes");
            Integer[] idx = new Integer[predictions];
            for (int i = 0; i < predictions; i++) {
                idx[i] = i;
            }
            // Score of the class: p for yes, 1 - p for no; thresholds ascending as Weka writes them.
            java.util.Arrays.sort(idx, (a, b) -> Double.compare(positive ? score[a] : 1 - score[a],
                    positive ? score[b] : 1 - score[b]));
            int pos = positive ? positives : predictions - positives;
            int tp = pos;
            int fp = predictions - pos;
            for (int k = 0; k < predictions; k++) {
                int i = idx[k];
                double t = positive ? score[i] : 1 - score[i];
                rows.add(new Object[] {cls, t, fp / (double) (predictions - pos), tp / (double) pos,
                    (predictions - k) / (double) predictions});
                if (yes[i] == positive) {
                    tp--;
                } else {
                    fp--;
                }
            }
            rows.add(new Object[] {cls, 1.0, 0.0, 0.0, 0.0});
        }
        return rows;
    }

    static final Schema CONFUSION = Schema.of(Field.of("actual", FieldType.CATEGORICAL),
            Field.of("predicted", FieldType.CATEGORICAL), Field.of("count", FieldType.DECIMAL));

    @Test
    void modelCharts() throws Exception {
        render(new StepTestRunner(new RocChartStepType(), GALLERY.resolve("roc")), CURVES, curveRows(20_000));
        render(new StepTestRunner(new LiftChartStepType(), GALLERY.resolve("lift")).param("positiveClass", "yes"),
                CURVES, curveRows(20_000));
        render(new StepTestRunner(new ConfusionMatrixStepType(), GALLERY.resolve("confusion")).param("count", "count"),
                CONFUSION, List.of(new Object[] {"no", "no", 612.0}, new Object[] {"no", "yes", 88.0},
                        new Object[] {"yes", "no", 97.0}, new Object[] {"yes", "yes", 203.0}));
        render(new StepTestRunner(new ConfusionMatrixStepType(), GALLERY.resolve("confusion-share"))
                .param("count", "count").param("normalize", "actual"),
                CONFUSION, List.of(new Object[] {"no", "no", 612.0}, new Object[] {"no", "yes", 88.0},
                        new Object[] {"yes", "no", 97.0}, new Object[] {"yes", "yes", 203.0}));
    }

    @Test
    void histograms() throws Exception {
        render(new StepTestRunner(new HistogramStepType(), GALLERY.resolve("histogram-spend")).param("column", "spend"),
                SampleCustomers.SCHEMA, SampleCustomers.rows(20_000));
        render(new StepTestRunner(new HistogramStepType(), GALLERY.resolve("histogram-by-cluster"))
                .param("column", "spend").param("series", "cluster"),
                SampleCustomers.SCHEMA, SampleCustomers.rows(5_000));
    }

    @Test
    void heatmaps() throws Exception {
        render(new StepTestRunner(new HeatmapStepType(), GALLERY.resolve("heatmap-mean-spend"))
                .param("x", "region").param("y", "cluster").param("value", "spend"),
                SampleCustomers.SCHEMA, SampleCustomers.rows(5_000));
        render(new StepTestRunner(new HeatmapStepType(), GALLERY.resolve("heatmap-correlation"))
                .param("columns", List.of("orders", "spend", "tenure_months", "days_since_order", "returns",
                        "support_calls")).param("title", "How customer measures move together"),
                MEASURES, measureRows(5_000));
    }

    static final Schema MEASURES = Schema.of(Field.of("orders", FieldType.INTEGER), Field.of("spend", FieldType.DECIMAL),
            Field.of("tenure_months", FieldType.INTEGER), Field.of("days_since_order", FieldType.INTEGER),
            Field.of("returns", FieldType.INTEGER), Field.of("support_calls", FieldType.INTEGER));

    static List<Object[]> measureRows(int n) {
        Random random = new Random(17);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double loyalty = random.nextGaussian();
            long orders = Math.max(0, Math.round(10 + 4 * loyalty + 2 * random.nextGaussian()));
            rows.add(new Object[] {orders, orders * (40 + 10 * random.nextGaussian()),
                Math.max(1, Math.round(24 + 10 * loyalty + 12 * random.nextGaussian())),
                Math.max(0, Math.round(60 - 25 * loyalty + 30 * random.nextGaussian())),
                Math.max(0, Math.round(0.1 * orders + random.nextGaussian())),
                i % 7 == 0 ? null : Math.max(0, Math.round(2 + random.nextGaussian()))});
        }
        return rows;
    }
}
