package org.assay.visualizers.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepFailure;
import org.assay.visualizers.internal.HistogramParameters.BinRule;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One run of {@code histogram}, in two passes: the first finds the exact minimum, maximum and
 * count and a fixed-seed sample of {@link BoxStats#SAMPLE} values for the IQR the rule needs;
 * the second counts every value into its bin. Memory is the sample and the bins, not the rows.
 */
final class HistogramStep implements Step {

    static final int MAX_BINS = 200;
    static final int MAX_SERIES = 10;

    private final HistogramParameters p;
    private final StepDescriptor descriptor;

    HistogramStep(HistogramParameters parameters, StepDescriptor descriptor) {
        this.p = parameters;
        this.descriptor = descriptor;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        BoxStats all = new BoxStats();
        Field seriesField = null;
        int value;
        int series;
        boolean integers;
        ImputedValues imputed;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            ChartColumns columns = new ChartColumns(in.schema(), p.allowPii(), descriptor);
            imputed = ImputedValues.of(in.schema(), List.of(p.column()));
            value = columns.require("column", p.column());
            series = p.series().isPresent() ? columns.require("series", p.series().get()) : -1;
            seriesField = series < 0 ? null : columns.field(series);
            integers = columns.field(value).type() == FieldType.INTEGER;
            for (Batch batch = in.next(); batch != null; batch = in.next()) {
                imputed.add(batch);
                ctx.checkCancelled();
                Column v = batch.column(value);
                for (int r = 0; r < batch.rowCount(); r++) {
                    if (!v.isNull(r) && Double.isFinite(v.getDouble(r))) {
                        all.add(v.getDouble(r));
                    }
                }
            }
        }
        ctx.progress(0.5);
        double min = all.min();
        double max = all.max();
        String ruleText;
        int bins;
        if (p.bins().isPresent()) {
            bins = p.bins().get();
            ruleText = null;
        } else {
            long n = all.count();
            BinRule rule = p.rule();
            double iqr = all.iqr();
            if (rule == BinRule.FREEDMAN_DIACONIS && n > 1 && iqr > 0 && max > min) {
                double width = 2 * iqr / Math.cbrt(n);
                bins = (int) Math.ceil((max - min) / width);
                ruleText = "Freedman–Diaconis";
            } else if (rule == BinRule.SQRT) {
                bins = (int) Math.ceil(Math.sqrt(Math.max(1, n)));
                ruleText = "square root of n";
            } else {
                bins = (int) Math.ceil(1 + Math.log(Math.max(1, n)) / Math.log(2));
                ruleText = rule == BinRule.FREEDMAN_DIACONIS ? "Sturges (IQR is 0)" : "Sturges";
            }
            if (bins > MAX_BINS) {
                ruleText += ", capped at " + MAX_BINS + " bins";
            }
            bins = Math.max(1, Math.min(MAX_BINS, bins));
        }
        double width = max > min ? (max - min) / bins : 1;
        if (integers && max > min) {
            // Integer values: whole-number bin widths, so no bin holds more integers than its neighbour.
            width = Math.max(1, Math.ceil(width));
            bins = (int) Math.min(MAX_BINS, Math.floor((max - min) / width) + 1);
        }
        double lo = Double.isNaN(min) ? 0 : min;

        Map<String, long[]> counts = new HashMap<>();
        List<String> order = new ArrayList<>();
        long consumed = 0;
        long missing = 0;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            for (Batch batch = in.next(); batch != null; batch = in.next()) {
                ctx.checkCancelled();
                Column v = batch.column(value);
                Column s = series < 0 ? null : batch.column(series);
                for (int r = 0; r < batch.rowCount(); r++) {
                    if (v.isNull(r) || !Double.isFinite(v.getDouble(r))) {
                        missing++;
                        continue;
                    }
                    String key = s == null ? p.column() : BarAggregation.label(s.getString(r));
                    long[] c = counts.get(key);
                    if (c == null) {
                        if (counts.size() >= MAX_SERIES) {
                            throw new StepFailure("parameter 'series': column '" + p.series().get() + "' has more than "
                                    + MAX_SERIES + " values; use a column with fewer values, such as a segment");
                        }
                        c = new long[bins];
                        counts.put(key, c);
                        order.add(key);
                    }
                    int b = (int) Math.floor((v.getDouble(r) - lo) / width);
                    c[Math.max(0, Math.min(bins - 1, b))]++;
                }
                consumed += batch.rowCount();
            }
        }
        if (seriesField != null) {
            java.util.Comparator<String> natural = CategoryOrder.natural(seriesField);
            order.sort((a, b) -> natural.compare(a.equals(BarAggregation.label(null)) ? null : a,
                    b.equals(BarAggregation.label(null)) ? null : b));
        }
        // Three significant digits: a width of 9.99 must not read as 10.
        String widthText = new java.math.BigDecimal(width).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
        // "23 bins of 241" read as 23 out of 241 bins: say what 241 is.
        String note = String.format(Locale.ROOT, "%d bins, each %s wide", bins, widthText)
                + (ruleText == null ? "" : ", " + ruleText);
        // The binning rule is part of what the chart says, so it is in the title, like other charts' sampling notes.
        String title = p.title().orElse("Distribution of " + p.column() + p.series().map(s -> " by " + s).orElse(""))
                + " (" + note + ")" + imputed.suffix();
        String xTitle = p.xLabel().orElse(p.column());
        String yTitle = p.yLabel().orElse("rows");
        CsvTable table = new CsvTable("series", "bin_from", "bin_to", "rows");
        XYChart chart = new XYChartBuilder().width(p.width()).height(p.height()).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        ChartLook.apply(styler, seriesField != null);
        styler.setYAxisMin(0.0);
        styler.setxAxisTickLabelsFormattingFunction(ChartLook::number);
        styler.setyAxisTickLabelsFormattingFunction(ChartLook::number);
        CategoryColours colours = CategoryColours.of(seriesField, order);
        for (String key : order) {
            long[] c = counts.get(key);
            // A step outline over the bin edges: each bin's count held from its left edge to the next.
            double[] xs = new double[bins + 1];
            double[] ys = new double[bins + 1];
            for (int b = 0; b < bins; b++) {
                double from = lo + b * width;
                xs[b] = from;
                ys[b] = c[b];
                table.row(key, from, from + width, c[b]);
            }
            xs[bins] = lo + bins * width;
            ys[bins] = c[bins - 1];
            XYSeries s = chart.addSeries(ChartLook.shorten(key, 30), xs, ys);
            Color colour = seriesField == null ? ChartLook.PALETTE[0] : colours.colour(key);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
            s.setFillColor(ChartLook.translucent(colour, seriesField == null ? 200 : 70));
            s.setLineColor(colour);
            s.setLineStyle(new BasicStroke(1.6f));
            s.setMarker(SeriesMarkers.NONE);
        }
        if (!order.isEmpty()) {
            niceXTicks(chart, lo, width);
        }
        if (order.isEmpty()) {
            XYSeries empty = chart.addSeries("(no values)", new double[] {0}, new double[] {0});
            empty.setMarker(SeriesMarkers.NONE);
            empty.setShowInLegend(false);
        }
        if (missing > 0) {
            ctx.log().info("histogram {}: {} rows without a value of {} are not drawn", ctx.stepId(), missing,
                    p.column());
        }
        ChartOutput.publish(ctx, p, chart, title, table);
        ctx.countOut(consumed);
        ctx.progress(1.0);
    }

    /**
     * Puts the x-axis ticks on round values (steps of 1, 2 or 5 times a power of ten: 0, 200,
     * 400 ...) instead of on bin edges. XChart places ticks on the data's x values whenever those
     * are equally spaced, and bin edges always are, so a histogram read "2.58, 486, 970". One
     * invisible point a fraction (1/&pi;) into the first bin breaks the equal spacing; XChart then
     * chooses round ticks over the axis range, which stays the bins' range, so the bars keep
     * their true edges and the CSV keeps the exact ones.
     */
    static void niceXTicks(XYChart chart, double lo, double width) {
        XYSeries offGrid = chart.addSeries("\u200Bticks", new double[] {lo + width / Math.PI}, new double[] {0});
        offGrid.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        offGrid.setMarker(SeriesMarkers.NONE);
        offGrid.setLineColor(ChartLook.translucent(Color.WHITE, 0));
        offGrid.setShowInLegend(false);
    }
}
