package org.assay.visualizers.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.ColumnRule;
import org.assay.api.step.ParameterSpec;
import org.assay.api.step.ReadMode;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScatterChartStepTest {

    @TempDir
    Path dir;

    private StepTestRunner runner(String sub) {
        return new StepTestRunner(new ScatterChartStepType(), dir.resolve(sub));
    }

    @Test
    void plotsEveryRowAsAPngOfTheRequestedSize() throws Exception {
        StepTestRunner r = runner("a").param("x", "last_purchase").param("xTransform", "days-ago")
                .param("y", "spend").param("series", "cluster").param("width", 700).param("height", 450)
                .input("in", SampleCustomers.SCHEMA, SampleCustomers.rows(500), 128).run();

        assertEquals(3, r.artifacts().size());
        StepTestRunner.Artifact png = r.artifacts().get(0);
        ChartAssertions.assertSvg(r.artifacts().get(1).file(), 700, 450);
        // The points drawn, as plotted: days ago, spend, cluster.
        List<String> points = java.nio.file.Files.readAllLines(r.artifacts().get(2).file());
        assertEquals("days since last_purchase,spend,cluster", points.get(0));
        assertEquals(501, points.size());
        assertEquals(ArtifactKind.CHART, png.kind());
        assertEquals("spend vs days since last_purchase by cluster", png.title());
        BufferedImage image = ImageIO.read(png.file().toFile());
        assertNotNull(image);
        assertEquals(700, image.getWidth());
        assertEquals(450, image.getHeight());
        assertEquals(500, r.countedOut());
        r.assertRowsAccountedFor();
    }

    @Test
    void samplesBeyondMaxPointsDeterministicallyAndSaysSo() throws Exception {
        StepTestRunner first = runner("a").param("x", "spend").param("y", "customer_id").param("maxPoints", 100)
                .input("in", SampleCustomers.SCHEMA, SampleCustomers.rows(1000), 300).run();
        StepTestRunner second = runner("b").param("x", "spend").param("y", "customer_id").param("maxPoints", 100)
                .input("in", SampleCustomers.SCHEMA, SampleCustomers.rows(1000), 300).run();

        assertEquals("customer_id vs spend (random sample of 100 of 1,000 points)", first.artifacts().get(0).title());
        assertArrayEquals(Files.readAllBytes(first.artifacts().get(0).file()),
                Files.readAllBytes(second.artifacts().get(0).file()));
        assertEquals(1000, first.countedOut());
        first.assertRowsAccountedFor();
    }

    @Test
    void countsRowsWithoutValuesButDoesNotDrawThem() throws Exception {
        var schema = org.assay.api.data.Schema.of(Field.of("x", FieldType.INTEGER), Field.of("y", FieldType.DECIMAL));
        StepTestRunner r = runner("a").param("x", "x").param("y", "y").param("title", "Y by x")
                .input("in", schema, row(1L, 2.0), row(null, 3.0), row(4L, null), row(5L, 6.5)).run();
        assertEquals("Y by x (2 rows without values not shown)", r.artifacts().get(0).title());
        assertEquals(4, r.countedOut());
        r.assertRowsAccountedFor();
    }

    @Test
    void daysAgoCountsBackFromTheLatestValue() {
        ScatterChartStep.Axis dates = new ScatterChartStep.Axis("last_purchase", 0, FieldType.DATE, true);
        double old = dates.observe(LocalDate.of(2024, 1, 1).toEpochDay());
        dates.observe(LocalDate.of(2024, 3, 1).toEpochDay());
        assertEquals(60.0, dates.plotted(old));
        assertEquals("days since last_purchase (before 2024-03-01)", dates.axisTitle());

        ScatterChartStep.Axis times = new ScatterChartStep.Axis("seen_at", 0, FieldType.TIMESTAMP, true);
        double morning = times.observe(Instant.parse("2024-03-01T06:00:00Z").toEpochMilli());
        times.observe(Instant.parse("2024-03-03T18:00:00Z").toEpochMilli());
        assertEquals(2.5, times.plotted(morning));

        ScatterChartStep.Axis plain = new ScatterChartStep.Axis("last_purchase", 0, FieldType.DATE, false);
        plain.observe(LocalDate.of(2024, 1, 1).toEpochDay());
        plain.observe(LocalDate.of(2024, 1, 9).toEpochDay());
        // Nine days: plotted in days, ticks read as dates.
        assertEquals("1 Jan 2024", plain.tickFormat().apply(plain.plotted(LocalDate.of(2024, 1, 1).toEpochDay())));
    }

    @Test
    void daysAgoNeedsADateColumn() {
        StepFailure failure = assertThrows(StepFailure.class, () -> runner("a").param("x", "spend")
                .param("xTransform", "days-ago").param("y", "customer_id")
                .input("in", SampleCustomers.SCHEMA, SampleCustomers.rows(5), 5).run());
        assertEquals("parameter 'xTransform': days-ago needs a date or timestamp column, but 'spend' (parameter 'x')"
                + " is decimal; use \"xTransform\": \"none\"", failure.getMessage());
    }

    @Test
    void refusesPiiColumnsUnlessAllowed() throws Exception {
        var schema = SampleCustomers.SCHEMA.with(SampleCustomers.SCHEMA.field("spend").withTags(FieldTag.PII));
        runner("a").param("x", "last_purchase").param("y", "spend").input("in", schema, SampleCustomers.rows(5), 5)
                .assertInvalid("y", "column 'spend' is tagged pii");
        runner("b").param("x", "last_purchase").param("y", "customer_id").param("series", "email")
                .input("in", SampleCustomers.SCHEMA, SampleCustomers.rows(5), 5)
                .assertInvalid("series", "column 'email' is tagged pii");

        StepTestRunner allowed = runner("c").param("x", "last_purchase").param("y", "spend").param("allowPii", true)
                .input("in", schema, SampleCustomers.rows(5), 5).run();
        assertNotNull(ImageIO.read(allowed.artifacts().get(0).file().toFile()));
    }

    @Test
    void namesUnknownAndUnplottableColumns() {
        runner("a").param("x", "spend").param("y", "age").input("in", SampleCustomers.SCHEMA, SampleCustomers.rows(5), 5)
                .assertInvalid("y", "no column 'age' in the input; its columns are [customer_id, email, segment,"
                        + " region, spend, last_purchase, cluster]");
        runner("b").param("x", "region").param("y", "spend").input("in", SampleCustomers.SCHEMA, SampleCustomers.rows(5), 5)
                .assertInvalid("x", "column 'region' is string; parameter x takes integer, decimal, date or timestamp columns");
    }

    @Test
    void drawsAnEmptyChartForNoRows() throws Exception {
        StepTestRunner r = runner("a").param("x", "spend").param("y", "customer_id").param("series", "cluster")
                .input("in", SampleCustomers.SCHEMA, List.of(), 10).run();
        assertNotNull(ImageIO.read(r.artifacts().get(0).file().toFile()));
        assertEquals("customer_id vs spend by cluster (no rows with both values)", r.artifacts().get(0).title());
        r.assertRowsAccountedFor();
    }

    @Test
    void axesAcceptNumbersAndDatesAndNoPiiUnlessAllowed() {
        StepDescriptor d = new ScatterChartStepType().descriptor();
        for (String axis : List.of("x", "y")) {
            ColumnRule rule = d.parameter(axis).orElseThrow().column();
            assertEquals(Set.of(FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE, FieldType.TIMESTAMP),
                    rule.accepts(), axis);
            assertFalse(rule.allowPii(), axis);
            assertEquals("allowPii", rule.allowPiiParameter(), axis);
        }
        ColumnRule series = d.parameter("series").orElseThrow().column();
        assertEquals(Set.of(), series.accepts(), "any column can colour the points, as at run time");
        assertEquals("allowPii", series.allowPiiParameter());
        assertEquals(ReadMode.ONCE, d.inputs().get(0).reads());
    }

    @Test
    void parametersAreCheckedAtTheParameter() {
        runner("a").param("x", "spend").param("y", "customer_id").param("series", "spend")
                .assertInvalid("series", "it names the same column as 'x' or 'y'; pick a categorical column");
        runner("a").param("x", "spend").param("y", "customer_id").param("xTransform", "days_ago")
                .assertInvalid("xTransform", "'days_ago' is not allowed; use one of [none, days-ago]");
        runner("a").param("x", "spend").param("y", "customer_id").param("yTransfrom", "days-ago")
                .assertInvalid("yTransfrom", "did you mean 'yTransform'?");
        runner("a").param("x", "spend").param("y", "customer_id").param("file", "chart.svg")
                .assertInvalid("file", "'chart.svg' must be a base name such as \"segments\"");
        runner("a").param("x", "spend").param("y", "customer_id").param("maxPoints", 10)
                .assertInvalid("maxPoints", "must be at least 100");
        ParameterSpec transform = new ScatterChartStepType().descriptor().parameter("xTransform").orElseThrow();
        assertEquals("none", transform.defaultValue());
        assertTrue(transform.description().contains("\"days-ago\": for a date or timestamp column"),
                transform.description());
    }

    @Test
    void sampleIsUniformAndBounded() {
        PointSample sample = new PointSample(1000);
        for (int i = 0; i < 100_000; i++) {
            sample.offer(i, 0, 0);
        }
        assertEquals(1000, sample.size());
        assertEquals(100_000, sample.seen());
        double mean = 0;
        for (int i = 0; i < sample.size(); i++) {
            mean += sample.x(i) / sample.size();
        }
        // A uniform sample of 0..99,999 has mean 50,000 with a standard error of about 900.
        assertEquals(50_000, mean, 3_000);
    }

    @Test
    void readsItsInputOnceSoItCanStream() {
        assertEquals(ReadMode.ONCE, new ScatterChartStepType().descriptor().input("in").orElseThrow().reads());
    }
}
