package org.assay.visualizers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;
import java.util.SplittableRandom;

import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;

/**
 * A million input rows give SVGs under 1 MB: the scatter draws a smaller sample in its SVG than in
 * its PNG, the line merges points, and each says so on the chart. Written to target/chart-gallery.
 */
class LargeInputSvgTest {

    static final int ROWS = 1_000_000;
    static final long MAX_SVG = 1_000_000;

    static final Schema SCHEMA = Schema.of(Field.of("day", FieldType.DATE), Field.of("tenure", FieldType.INTEGER),
            Field.of("spend", FieldType.DECIMAL), Field.of("visits", FieldType.DECIMAL),
            Field.of("segment", FieldType.CATEGORICAL).withCategories(List.of("A", "B", "C", "D")));

    /** Rows made on the fly, so the test holds the batches only. */
    static List<Object[]> rows(int n) {
        long start = LocalDate.of(2020, 1, 1).toEpochDay();
        return new AbstractList<>() {
            @Override
            public Object[] get(int i) {
                SplittableRandom r = new SplittableRandom(i);
                int segment = r.nextInt(4);
                double visits = r.nextDouble() * 50;
                return new Object[] {LocalDate.ofEpochDay(start + i % 1500), (long) (i % 40_000),
                    visits * (10 + 5 * segment) + r.nextDouble() * 200, visits, "ABCD".substring(segment, segment + 1)};
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    private static long svgSize(StepTestRunner r) throws Exception {
        Path svg = r.artifacts().get(1).file();
        long size = Files.size(svg);
        System.out.printf("%s: %,d bytes; %s%n", svg, size, r.artifacts().get(1).title());
        return size;
    }

    @Test
    void aMillionRowsGiveSmallSvgs() throws Exception {
        Path gallery = ChartGalleryTest.GALLERY;
        StepTestRunner scatter = new StepTestRunner(new ScatterChartStepType(), gallery.resolve("scatter-1m"))
                .param("x", "visits").param("y", "spend").param("series", "segment")
                .input("in", SCHEMA, rows(ROWS), 4096).run();
        ChartAssertions.assertChartFiles(scatter, null);
        assertTrue(svgSize(scatter) < MAX_SVG);

        // A larger PNG sample: the SVG draws 15,000 of its points and its own title says so.
        StepTestRunner large = new StepTestRunner(new ScatterChartStepType(), gallery.resolve("scatter-1m-large"))
                .param("x", "visits").param("y", "spend").param("maxPoints", 100_000)
                .input("in", SCHEMA, rows(ROWS), 4096).run();
        ChartAssertions.assertChartFiles(large, "spend vs visits (random sample of 100,000 of 1,000,000 points)");
        assertTrue(svgSize(large) < MAX_SVG);
        String svgText = Files.readString(large.artifacts().get(1).file());
        assertEquals(ScatterChartStep.SVG_MAX_POINTS, svgText.split("<circle ", -1).length - 1);

        StepTestRunner line = new StepTestRunner(new LineChartStepType(), gallery.resolve("line-1m"))
                .param("x", "tenure").param("y", List.of("spend")).param("series", "segment")
                .param("aggregate", "mean").input("in", SCHEMA, rows(ROWS), 4096).run();
        ChartAssertions.assertChartFiles(line, null);
        assertTrue(svgSize(line) < MAX_SVG);

        StepTestRunner daily = new StepTestRunner(new LineChartStepType(), gallery.resolve("line-1m-daily"))
                .param("x", "day").param("y", List.of("spend", "visits")).input("in", SCHEMA, rows(ROWS), 4096)
                .run();
        ChartAssertions.assertChartFiles(daily, null);
        assertTrue(svgSize(daily) < MAX_SVG);
    }
}
