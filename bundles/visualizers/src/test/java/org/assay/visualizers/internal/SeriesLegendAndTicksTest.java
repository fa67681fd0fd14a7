package org.assay.visualizers.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * Series colours, histogram ticks and legend names. The charts are also written to
 * target/chart-polish, to be looked at.
 */
class SeriesLegendAndTicksTest {

    private static final Path OUT = Path.of("target", "chart-polish");
    private static final List<String> RFM = List.of("Champions", "Loyal customers", "Potential loyalists",
            "New customers", "Promising", "Need attention", "About to sleep", "At risk", "Can't lose them",
            "Hibernating", "Lost");

    @Test
    void twelveSeriesGetTwelveDistinctColours() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            values.add("s" + (char) ('a' + i));
        }
        CategoryColours colours = CategoryColours.of(Field.of("s", FieldType.STRING), values);
        Set<Color> seen = new HashSet<>();
        for (String v : values) {
            assertNotEquals(ChartLook.OTHER, colours.colour(v), v);
            assertEquals(0, colours.round(v), v);
            seen.add(colours.colour(v));
        }
        assertEquals(12, seen.size(), "colours " + seen);
        assertEquals(ChartLook.PALETTE.length, ScatterChartStep.MAX_SERIES_SHOWN);
        // No palette colour is the grey kept for "Other".
        assertFalse(Set.of(ChartLook.PALETTE).contains(ChartLook.OTHER));
    }

    @Test
    void theThirteenthDeclaredValueRepeatsAColourInTheNextRound() {
        List<String> declared = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            declared.add("c" + i);
        }
        Field cluster = Field.of("cluster", FieldType.CATEGORICAL).withCategories(declared);
        CategoryColours colours = CategoryColours.of(cluster, declared);
        assertEquals(colours.colour("c0"), colours.colour("c12"));
        assertEquals(0, colours.round("c0"));
        assertEquals(1, colours.round("c12"));
    }

    @Test
    void anRfmScatterShowsEveryOneOfItsElevenSegments() throws Exception {
        Schema schema = Schema.of(Field.of("recency_days", FieldType.INTEGER), Field.of("frequency", FieldType.INTEGER),
                Field.of("segment", FieldType.STRING));
        List<Object[]> rows = new ArrayList<>();
        for (int s = 0; s < RFM.size(); s++) {
            for (int i = 0; i < 30; i++) {
                rows.add(row((long) (s * 30 + (i * 7) % 40), (long) (1 + (s + i) % 12), RFM.get(s)));
            }
        }
        StepTestRunner r = new StepTestRunner(new ScatterChartStepType(), OUT.resolve("scatter-rfm"))
                .param("x", "recency_days").param("y", "frequency").param("series", "segment")
                .input("in", schema, rows, 100).run();
        List<String> csv = ChartAssertions.assertChartFiles(r, null);
        Set<String> shown = new TreeSet<>();
        for (String line : csv.subList(1, csv.size())) {
            shown.add(line.substring(line.lastIndexOf(',') + 1));
        }
        assertEquals(new TreeSet<>(RFM.stream().map(s -> s.contains(",") ? "\"" + s + "\"" : s).toList()), shown);
    }

    @Test
    void histogramTicksAreRoundValuesNotBinEdges() throws Exception {
        // The reported chart: 20 bins from 2.58 to 970.
        double lo = 2.58;
        double width = (970 - lo) / 20;
        List<Double> without = ticks(lo, width, false);
        assertTrue(without.contains(lo + 2 * width), "XChart on its own ticks the bin edges: " + without);

        List<Double> ticks = ticks(lo, width, true);
        assertTrue(ticks.size() >= 3, "ticks " + ticks);
        double step = ticks.get(1) - ticks.get(0);
        double magnitude = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        double mantissa = step / magnitude;
        assertTrue(Set.of(1L, 2L, 5L).contains(Math.round(mantissa)) && Math.abs(mantissa - Math.round(mantissa)) < 1e-6,
                "step " + step + " is not 1, 2 or 5 times a power of ten: " + ticks);
        for (double t : ticks) {
            assertEquals(0, Math.abs(t / step - Math.rint(t / step)), 1e-6, "tick " + t + " is off the step " + step);
        }
        assertEquals(List.of(100.0, 200.0, 300.0, 400.0, 500.0, 600.0, 700.0, 800.0, 900.0), ticks);
    }

    @Test
    void aHistogramOfTheReportedRangeIsDrawn() throws Exception {
        Schema schema = Schema.of(Field.of("spend", FieldType.DECIMAL));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(row(2.58 + Math.pow(i / 499.0, 2) * (970 - 2.58)));
        }
        StepTestRunner r = new StepTestRunner(new HistogramStepType(), OUT.resolve("histogram"))
                .param("column", "spend").param("bins", 20).input("in", schema, rows, 100).run();
        List<String> csv = ChartAssertions.assertChartFiles(r, null);
        // The bars keep their true edges.
        assertTrue(csv.get(1).startsWith("spend,2.58,"), csv.get(1));
    }

    @Test
    void legendNamesReadAsWords() {
        assertEquals("nps", LegendNames.line("nps", null));
        assertEquals("repeat rate", LegendNames.line("repeat_rate", null));
        assertEquals("North_East", LegendNames.line("North_East", Field.of("region", FieldType.STRING)));
        assertEquals("__", LegendNames.words("__"));
        assertEquals("nps interval (nps low to nps high)",
                LegendNames.band("nps", "nps_low", "nps_high", Optional.empty(), true));
        assertEquals("95% interval", LegendNames.band("nps", "nps_low", "nps_high", Optional.of("95% interval"), true));
        assertEquals("forecast 95% interval",
                LegendNames.band("forecast", "lower", "upper", Optional.of("95% interval"), false));
    }

    @Test
    void aLineChartWithABandLabelNamesItsBandSo() throws Exception {
        Schema schema = Schema.of(Field.of("period_start", FieldType.DATE), Field.of("nps", FieldType.DECIMAL),
                Field.of("nps_low", FieldType.DECIMAL), Field.of("nps_high", FieldType.DECIMAL));
        List<Object[]> rows = new ArrayList<>();
        for (int q = 0; q < 8; q++) {
            double nps = 20 + 3 * q;
            rows.add(row(LocalDate.of(2024 + q / 4, 1 + 3 * (q % 4), 1), nps, nps - 6, nps + 6));
        }
        StepTestRunner plain = new StepTestRunner(new LineChartStepType(), OUT.resolve("line-band"))
                .param("x", "period_start").param("y", List.of("nps")).param("lower", "nps_low")
                .param("upper", "nps_high").input("in", schema, rows, 100).run();
        ChartAssertions.assertChartFiles(plain, null);
        StepTestRunner labelled = new StepTestRunner(new LineChartStepType(), OUT.resolve("line-band-label"))
                .param("x", "period_start").param("y", List.of("nps")).param("lower", "nps_low")
                .param("upper", "nps_high").param("bandLabel", "95% interval").input("in", schema, rows, 100).run();
        ChartAssertions.assertChartFiles(labelled, null);
    }

    /** The x values XChart labels on a histogram-like chart of 20 bins from {@code lo}. */
    private static List<Double> ticks(double lo, double width, boolean nice) throws Exception {
        XYChart chart = new XYChartBuilder().width(800).height(500).build();
        ChartLook.apply(chart.getStyler(), false);
        List<Double> labelled = new ArrayList<>();
        chart.getStyler().setxAxisTickLabelsFormattingFunction(v -> {
            labelled.add(v);
            return ChartLook.number(v);
        });
        double[] xs = new double[21];
        double[] ys = new double[21];
        for (int b = 0; b <= 20; b++) {
            xs[b] = lo + b * width;
            ys[b] = b % 7;
        }
        chart.addSeries("bins", xs, ys).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        if (nice) {
            HistogramStep.niceXTicks(chart, lo, width);
        }
        BitmapEncoder.getBufferedImage(chart);
        labelled.clear();
        // The second paint is the one that counts: the first may also try out candidate layouts.
        BitmapEncoder.getBufferedImage(chart);
        // XChart also formats the axis ends and a candidate tick past them, which it does not draw
        // as ticks (the PNG of aHistogramOfTheReportedRangeIsDrawn shows 100 to 900).
        double hi = lo + 20 * width;
        return new ArrayList<>(new TreeSet<>(labelled.stream()
                .filter(v -> v > lo + 1e-9 && v < hi - 1e-9).toList()));
    }
}
