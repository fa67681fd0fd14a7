package org.assay.visualizers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;

/**
 * Renders one chart of each kind into target/chart-samples, so a person can look at them
 * after a build (the images are the product of this bundle).
 */
class ChartSamplesTest {

    private static final Path SAMPLES = Path.of("target", "chart-samples");

    @Test
    void rendersSampleCharts() throws Exception {
        render(new StepTestRunner(new BarChartStepType(), SAMPLES.resolve("bar-count"))
                .param("category", "region"), 1000);
        render(new StepTestRunner(new BarChartStepType(), SAMPLES.resolve("bar-grouped"))
                .param("category", "region").param("series", "segment").param("value", "spend")
                .param("aggregate", "mean"), 1000);
        render(new StepTestRunner(new BarChartStepType(), SAMPLES.resolve("bar-many"))
                .param("category", "customer_id").param("value", "spend").param("sort", "value-desc")
                .param("title", "Top customers by spend").param("showOther", false), 1000);
        render(new StepTestRunner(new ScatterChartStepType(), SAMPLES.resolve("scatter-recency"))
                .param("x", "last_purchase").param("xTransform", "days-ago").param("y", "spend")
                .param("series", "cluster").param("title", "Spend vs recency by cluster"), 30_000);
        render(new StepTestRunner(new ScatterChartStepType(), SAMPLES.resolve("scatter-dates"))
                .param("x", "last_purchase").param("y", "spend"), 500);
        render(new StepTestRunner(new BarChartStepType(), SAMPLES.resolve("bar-empty"))
                .param("category", "segment"), 0);
        render(new StepTestRunner(new ScatterChartStepType(), SAMPLES.resolve("scatter-empty"))
                .param("x", "spend").param("y", "customer_id").param("series", "cluster"), 0);
        render(new StepTestRunner(new BarChartStepType(), SAMPLES.resolve("bar-long-labels"))
                .param("category", "email").param("allowPii", true).param("maxCategories", 8), 40);
    }

    private static void render(StepTestRunner runner, int rows) throws Exception {
        runner.input("in", SampleCustomers.SCHEMA, SampleCustomers.rows(rows), 4096).run();
        BufferedImage image = ImageIO.read(runner.artifacts().get(0).file().toFile());
        assertEquals(900, image.getWidth());
        assertEquals(560, image.getHeight());
    }
}
