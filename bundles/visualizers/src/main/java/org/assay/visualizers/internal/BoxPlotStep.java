package org.assay.visualizers.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepFailure;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One run of {@code box-plot}: one {@link BoxStats} per category in one pass, then boxes drawn
 * on an XY plot (XChart's own box chart draws no outliers): a filled box from Q1 to Q3 in the
 * category's colour, the median as a thick line, Tukey whiskers, outliers as open dots.
 */
final class BoxPlotStep implements Step {

    /** Most distinct categories held while reading; each holds a sample of {@link BoxStats#SAMPLE}. */
    static final int MAX_DISTINCT = 500;
    private static final double HALF_WIDTH = 0.3;

    private final BoxPlotParameters p;
    private final StepDescriptor descriptor;

    BoxPlotStep(BoxPlotParameters parameters, StepDescriptor descriptor) {
        this.p = parameters;
        this.descriptor = descriptor;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        String categoryName = p.category().orElse(null);
        Map<String, BoxStats> boxes = new HashMap<>();
        Field categoryField = null;
        long consumed = 0;
        ImputedValues imputed;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            ChartColumns columns = new ChartColumns(in.schema(), p.allowPii(), descriptor);
            imputed = ImputedValues.of(in.schema(), List.of(p.value()));
            int value = columns.require("value", p.value());
            int category = categoryName == null ? -1 : columns.require("category", categoryName);
            categoryField = category < 0 ? null : columns.field(category);
            for (Batch batch = in.next(); batch != null; batch = in.next()) {
                imputed.add(batch);
                ctx.checkCancelled();
                Column v = batch.column(value);
                Column c = category < 0 ? null : batch.column(category);
                for (int r = 0; r < batch.rowCount(); r++) {
                    String key = c == null ? p.value() : BarAggregation.label(c.getString(r));
                    BoxStats box = boxes.get(key);
                    if (box == null) {
                        if (boxes.size() >= MAX_DISTINCT) {
                            throw new StepFailure("parameter 'category': column '" + categoryName + "' has more than "
                                    + MAX_DISTINCT + " distinct values, too many boxes; use a column with fewer values"
                                    + " (a segment, a region)");
                        }
                        box = new BoxStats();
                        boxes.put(key, box);
                    }
                    box.row();
                    if (!v.isNull(r) && Double.isFinite(v.getDouble(r))) {
                        box.add(v.getDouble(r));
                    }
                }
                consumed += batch.rowCount();
            }
        }

        // The largest categories are drawn, in natural order; the CSV has every category.
        Comparator<String> natural = categoryField == null ? Comparator.naturalOrder()
                : Comparator.comparing(BoxPlotStep::unlabel, CategoryOrder.natural(categoryField));
        List<String> all = new ArrayList<>(boxes.keySet());
        all.sort(Comparator.<String>comparingLong(k -> -boxes.get(k).count()).thenComparing(natural));
        List<String> shown = new ArrayList<>(all.subList(0, Math.min(p.maxCategories(), all.size())));
        shown.removeIf(k -> boxes.get(k).count() == 0);
        shown.sort(natural);
        all.sort(natural);

        List<String> notes = new ArrayList<>();
        if (boxes.values().stream().anyMatch(BoxStats::sampled)) {
            notes.add(String.format(Locale.ROOT, "quartiles from a random sample of %,d per box", BoxStats.SAMPLE));
        }
        if (all.size() > shown.size()) {
            notes.add((all.size() - shown.size()) + " smaller or empty categories not shown");
        }
        String title = p.title().orElse("Distribution of " + p.value() + (categoryName == null ? "" : " by "
                + categoryName)) + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")") + imputed.suffix();
        CsvTable table = new CsvTable(categoryName == null ? "box" : categoryName, "rows", "values", "mean", "min",
                "lower_whisker", "q1", "median", "q3", "upper_whisker", "max", "outliers", "sampled");
        for (String k : all) {
            BoxStats b = boxes.get(k);
            table.row(k, b.rows(), b.count(), b.mean(), b.min(), b.lowerWhisker(), b.quantile(0.25),
                    b.quantile(0.5), b.quantile(0.75), b.upperWhisker(), b.max(), (long) b.outliers().length,
                    b.sampled());
        }
        XYChart chart = draw(shown, boxes, categoryField, title);
        ChartOutput.publish(ctx, p, chart, title, table);
        ctx.countOut(consumed);
        ctx.progress(1.0);
    }

    private static String unlabel(String label) {
        return label.equals(BarAggregation.label(null)) ? null : label;
    }

    private XYChart draw(List<String> shown, Map<String, BoxStats> boxes, Field categoryField, String title) {
        XYChart chart = new XYChartBuilder().width(p.width()).height(p.height()).title(title)
                .xAxisTitle(p.xLabel().orElse(p.category().orElse(""))).yAxisTitle(p.yLabel().orElse(p.value()))
                .build();
        XYStyler styler = chart.getStyler();
        ChartLook.apply(styler, false);
        styler.setXAxisTicksVisible(false);
        styler.setXAxisMin(1 - 2 * HALF_WIDTH);
        styler.setXAxisMax(Math.max(1, shown.size()) + 2 * HALF_WIDTH);
        // XChart's number axis puts its ticks where it likes (and thins labels it finds alike), so
        // the box names are written as annotations in a strip above the highest value.
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (String k : shown) {
            lo = Math.min(lo, boxes.get(k).min());
            hi = Math.max(hi, boxes.get(k).max());
        }
        double range = hi > lo ? hi - lo : Math.max(1, Math.abs(hi));
        if (!shown.isEmpty()) {
            styler.setYAxisMin(lo - 0.03 * range);
            styler.setYAxisMax(hi + 0.12 * range);
        }
        styler.setAnnotationTextFont(styler.getAxisTickLabelsFont());
        styler.setAnnotationTextFontColor(ChartLook.TEXT);
        for (int i = 0; i < shown.size(); i++) {
            String label = ChartLook.shorten(shown.get(i), shown.size() > 8 ? 10 : 18);
            chart.addAnnotation(new AnnotationText(label, i + 1, hi + 0.07 * range, false));
        }
        CategoryColours colours = CategoryColours.of(categoryField, shown);
        List<Double> lx = new ArrayList<>();
        List<Double> ly = new ArrayList<>();
        List<Double> mx = new ArrayList<>();
        List<Double> my = new ArrayList<>();
        List<Double> ox = new ArrayList<>();
        List<Double> oy = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            BoxStats b = boxes.get(shown.get(i));
            double x = i + 1;
            double q1 = b.quantile(0.25);
            double q3 = b.quantile(0.75);
            XYSeries box = chart.addSeries(shown.get(i) + " box", new double[] {x - HALF_WIDTH, x + HALF_WIDTH,
                x + HALF_WIDTH, x - HALF_WIDTH}, new double[] {q1, q1, q3, q3});
            box.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            Color c = categoryField == null ? ChartLook.PALETTE[0] : colours.colour(shown.get(i));
            box.setFillColor(ChartLook.translucent(c, 150));
            box.setLineColor(c);
            box.setMarker(SeriesMarkers.NONE);
            box.setShowInLegend(false);
            double lw = b.lowerWhisker();
            double uw = b.upperWhisker();
            segment(lx, ly, x, q3, x, uw);
            segment(lx, ly, x, q1, x, lw);
            segment(lx, ly, x - HALF_WIDTH / 2, uw, x + HALF_WIDTH / 2, uw);
            segment(lx, ly, x - HALF_WIDTH / 2, lw, x + HALF_WIDTH / 2, lw);
            segment(mx, my, x - HALF_WIDTH, b.quantile(0.5), x + HALF_WIDTH, b.quantile(0.5));
            for (double o : b.outliers()) {
                ox.add(x);
                oy.add(o);
            }
        }
        if (!lx.isEmpty()) {
            line(chart, "whiskers", lx, ly, new BasicStroke(1.4f), new Color(0x444444));
            line(chart, "medians", mx, my, new BasicStroke(3f), ChartLook.TEXT);
        }
        if (!ox.isEmpty()) {
            XYSeries outliers = chart.addSeries("outliers", ox, oy);
            outliers.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            outliers.setMarker(SeriesMarkers.CIRCLE);
            outliers.setMarkerColor(ChartLook.translucent(new Color(0x444444), 120));
            outliers.setShowInLegend(false);
            styler.setMarkerSize(5);
        }
        if (shown.isEmpty()) {
            XYSeries empty = chart.addSeries("(no values)", new double[] {1}, new double[] {0});
            empty.setMarker(SeriesMarkers.NONE);
            empty.setShowInLegend(false);
        }
        return chart;
    }

    /** Adds a line from (x1, y1) to (x2, y2) to a series of disjoint segments (a NaN y breaks the line). */
    private static void segment(List<Double> xs, List<Double> ys, double x1, double y1, double x2, double y2) {
        xs.add(x1);
        ys.add(y1);
        xs.add(x2);
        ys.add(y2);
        xs.add(x2);
        ys.add(Double.NaN);
    }

    private static void line(XYChart chart, String name, List<Double> xs, List<Double> ys, BasicStroke stroke,
            Color colour) {
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineStyle(stroke);
        s.setLineColor(colour);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }
}
