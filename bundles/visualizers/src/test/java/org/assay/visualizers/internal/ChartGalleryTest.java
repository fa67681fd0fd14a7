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
}
