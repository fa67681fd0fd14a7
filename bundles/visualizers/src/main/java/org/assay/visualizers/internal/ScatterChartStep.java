package org.assay.visualizers.internal;

import java.awt.Color;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One run of {@code scatter-chart}: stream the input into a fixed-size random sample, then
 * draw it. Memory is bounded by {@code maxPoints} whatever the input size.
 */
final class ScatterChartStep implements Step {

    /**
     * Most series drawn; beyond, the smallest are merged into one "Other" series. As many as the
     * palette has colours (a parameter's description needs a constant), so an RFM chart shows
     * its eleven segments apart.
     */
    static final int MAX_SERIES_SHOWN = 12;
    /**
     * Marker shapes by palette round: a declared category list can number a value past the
     * twelve colours, and that value then shares its colour with an earlier one but not its shape.
     */
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE,
        SeriesMarkers.TRIANGLE_UP};
    /** Most distinct series values held while reading. */
    static final int MAX_DISTINCT_SERIES = 1_000;

    /**
     * Most points in the SVG: each is a circle element of about 35 bytes, so this keeps the file
     * under 1 MB (the axes, grid and text add up to 200 KB). Beyond it the SVG draws a uniform sample
     * of this many of the PNG's points, and its title says so.
     */
    static final int SVG_MAX_POINTS = 15_000;

    private static final long MS_PER_DAY = 86_400_000L;

    private final ScatterChartParameters p;
    private final StepDescriptor descriptor;

    ScatterChartStep(ScatterChartParameters parameters, StepDescriptor descriptor) {
        this.p = parameters;
        this.descriptor = descriptor;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        String seriesName = p.series().orElse(null);
        PointSample sample = new PointSample(p.maxPoints());
        Map<String, Integer> seriesIds = new HashMap<>();
        List<String> seriesKeys = new ArrayList<>();
        List<long[]> seriesRows = new ArrayList<>();
        Axis x;
        Axis y;
        Field seriesField = null;
        long consumed = 0;
        ImputedValues imputed;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            ChartColumns columns = new ChartColumns(in.schema(), p.allowPii(), descriptor);
            imputed = ImputedValues.of(in.schema(), List.of(p.x(), p.y()));
            x = Axis.of(columns, "x", p.x(), "xTransform", p.xTransform());
            y = Axis.of(columns, "y", p.y(), "yTransform", p.yTransform());
            int series = -1;
            if (seriesName != null) {
                series = columns.require("series", seriesName);
                seriesField = columns.field(series);
            } else {
                seriesIds.put(null, 0);
                seriesKeys.add(null);
                seriesRows.add(new long[1]);
            }
            for (Batch batch = in.next(); batch != null; batch = in.next()) {
                ctx.checkCancelled();
                imputed.add(batch);
                Column xs = batch.column(x.index);
                Column ys = batch.column(y.index);
                Column ss = series < 0 ? null : batch.column(series);
                for (int r = 0; r < batch.rowCount(); r++) {
                    boolean hasX = !xs.isNull(r);
                    boolean hasY = !ys.isNull(r);
                    double xv = hasX ? x.observe(xs.getDouble(r)) : 0;
                    double yv = hasY ? y.observe(ys.getDouble(r)) : 0;
                    if (!hasX || !hasY) {
                        continue;
                    }
                    int sid = 0;
                    if (ss != null) {
                        String key = ss.getString(r);
                        Integer id = seriesIds.get(key);
                        if (id == null) {
                            if (seriesKeys.size() >= MAX_DISTINCT_SERIES) {
                                throw new StepFailure("parameter 'series': column '" + seriesName + "' has more than "
                                        + MAX_DISTINCT_SERIES + " distinct values; use a column with a few values,"
                                        + " such as a cluster or a segment");
                            }
                            id = seriesKeys.size();
                            seriesIds.put(key, id);
                            seriesKeys.add(key);
                            seriesRows.add(new long[1]);
                        }
                        sid = id;
                    }
                    seriesRows.get(sid)[0]++;
                    sample.offer(xv, yv, sid);
                }
                consumed += batch.rowCount();
            }
        }

        long withoutValues = consumed - sample.seen();
        if (withoutValues > 0) {
            ctx.log().info("scatter-chart {}: {} of {} rows have no {} or no {} and are not drawn", ctx.stepId(),
                    withoutValues, consumed, x.column, y.column);
        }
        String title = p.title().orElseGet(() ->
                y.label() + " vs " + x.label() + (seriesName == null ? "" : " by " + seriesName));
        String shownTitle = title + note(sample, withoutValues) + imputed.suffix();
        CsvTable table = seriesName == null ? new CsvTable(x.label(), y.label())
                : new CsvTable(x.label(), y.label(), seriesName);
        XYChart chart = draw(sample, x, y, seriesKeys, seriesRows, seriesField, shownTitle,
                p.xLabel().orElseGet(x::axisTitle), p.yLabel().orElseGet(y::axisTitle), p.width(), p.height(), table);
        XYChart svgChart = chart;
        PointSample svgSample = sample.subsample(SVG_MAX_POINTS);
        if (svgSample != sample) {
            // The SVG's own points are not a table of their own: the CSV lists the PNG's.
            svgChart = draw(svgSample, x, y, seriesKeys, seriesRows, seriesField, title + note(svgSample,
                    withoutValues) + imputed.suffix(), p.xLabel().orElseGet(x::axisTitle), p.yLabel().orElseGet(y::axisTitle),
                    p.width(), p.height(), seriesName == null ? new CsvTable(x.label(), y.label())
                            : new CsvTable(x.label(), y.label(), seriesName));
        }
        ChartOutput.publish(ctx, p, chart, svgChart, shownTitle, table);
        ctx.countOut(consumed);
        ctx.progress(1.0);
    }

    /** What the reader must know to read the chart right: sampling and rows left out. */
    static String note(PointSample sample, long withoutValues) {
        List<String> parts = new ArrayList<>();
        if (sample.seen() == 0) {
            parts.add("no rows with both values");
        }
        if (sample.isSampled()) {
            parts.add(String.format(Locale.ROOT, "random sample of %,d of %,d points", sample.size(), sample.seen()));
        }
        if (withoutValues > 0) {
            parts.add(String.format(Locale.ROOT, "%,d rows without values not shown", withoutValues));
        }
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }

    private static XYChart draw(PointSample sample, Axis x, Axis y, List<String> seriesKeys, List<long[]> seriesRows,
            Field seriesField, String title, String xTitle, String yTitle, int width, int height, CsvTable table) {
        boolean legend = seriesField != null;
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        ChartLook.apply(styler, legend);
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        styler.setPlotGridVerticalLinesVisible(true);
        styler.setxAxisTickLabelsFormattingFunction(x.tickFormat());
        styler.setyAxisTickLabelsFormattingFunction(y.tickFormat());
        boolean dense = sample.size() > 2_000;
        styler.setMarkerSize(dense ? 5 : 7);

        // Which series get their own colour: the largest by rows, listed in natural order.
        int n = seriesKeys.size();
        List<Integer> byRows = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            byRows.add(s);
        }
        Comparator<String> natural = seriesField == null ? Comparator.nullsLast(Comparator.naturalOrder())
                : CategoryOrder.natural(seriesField);
        byRows.sort(Comparator.<Integer>comparingLong(s -> -seriesRows.get(s)[0])
                .thenComparing(s -> seriesKeys.get(s), natural));
        List<Integer> kept = new ArrayList<>(n > MAX_SERIES_SHOWN ? byRows.subList(0, MAX_SERIES_SHOWN - 1) : byRows);
        kept.sort(Comparator.comparing(s -> seriesKeys.get(s), natural));
        int[] slot = new int[n];
        Arrays.fill(slot, kept.size());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            slot[kept.get(i)] = i;
            names.add(BarAggregation.label(seriesKeys.get(kept.get(i))));
        }
        if (n > kept.size()) {
            names.add("Other (" + (n - kept.size()) + ")");
        }
        int[] counts = new int[names.size()];
        for (int i = 0; i < sample.size(); i++) {
            counts[slot[sample.series(i)]]++;
        }
        double[][] xs = new double[names.size()][];
        double[][] ys = new double[names.size()][];
        for (int s = 0; s < names.size(); s++) {
            xs[s] = new double[counts[s]];
            ys[s] = new double[counts[s]];
        }
        int[] fill = new int[names.size()];
        for (int i = 0; i < sample.size(); i++) {
            int s = slot[sample.series(i)];
            xs[s][fill[s]] = x.plotted(sample.x(i));
            ys[s][fill[s]] = y.plotted(sample.y(i));
            fill[s]++;
            // The points drawn, as plotted (days ago, not the raw date); the series as in the legend.
            Object xv = x.cell(sample.x(i));
            Object yv = y.cell(sample.y(i));
            if (legend) {
                table.row(xv, yv, names.get(s));
            } else {
                table.row(xv, yv);
            }
        }
        CategoryColours colours = CategoryColours.of(seriesField, names);
        int alpha = dense ? 110 : 190;
        boolean drawn = false;
        for (int s = 0; s < names.size(); s++) {
            if (counts[s] == 0) {
                continue;
            }
            XYSeries series = chart.addSeries(legend ? ChartLook.shorten(names.get(s), 30) : y.column, xs[s], ys[s]);
            Color c = legend ? colours.colour(names.get(s)) : ChartLook.PALETTE[0];
            series.setMarker(legend ? MARKERS[colours.round(names.get(s)) % MARKERS.length] : SeriesMarkers.CIRCLE);
            series.setMarkerColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha));
            drawn = true;
        }
        if (!drawn) {
            // XChart needs a series to lay out the axes; an empty one shows an empty plot.
            XYSeries empty = chart.addSeries("(no points)", new double[] {0}, new double[] {0});
            empty.setMarker(SeriesMarkers.NONE);
            empty.setShowInLegend(false);
        }
        return chart;
    }

    /** One axis: which column, how its values are plotted and labelled. */
    static final class Axis {
        final String column;
        final int index;
        final FieldType type;
        final boolean daysAgo;
        /** Largest raw value seen over all rows, for days-ago. */
        double max = Double.NEGATIVE_INFINITY;
        /** Smallest raw value seen, for the date ticks. */
        double min = Double.POSITIVE_INFINITY;
        /** Calendar ticks of a date axis (not days-ago), set once every row is seen. */
        private DateAxis dates;

        Axis(String column, int index, FieldType type, boolean daysAgo) {
            this.column = column;
            this.index = index;
            this.type = type;
            this.daysAgo = daysAgo;
        }

        /**
         * The axis for the column {@code name}, named by parameter {@code param} and plotted as
         * {@code transform} says (parameter {@code transformParam}).
         */
        static Axis of(ChartColumns columns, String param, String name, String transformParam,
                AxisTransform transform) throws StepFailure {
            int index = columns.require(param, name);
            FieldType type = columns.field(index).type();
            boolean daysAgo = transform == AxisTransform.DAYS_AGO;
            // Depends on the column's type and on another parameter, which a ColumnRule cannot say: checked here.
            if (daysAgo && type != FieldType.DATE && type != FieldType.TIMESTAMP) {
                throw new StepFailure("parameter '" + transformParam + "': days-ago needs a date or timestamp column,"
                        + " but '" + name + "' (parameter '" + param + "') is " + type.jsonName()
                        + "; use \"" + transformParam + "\": \"none\"");
            }
            return new Axis(name, index, type, daysAgo);
        }

        double observe(double raw) {
            if (raw > max) {
                max = raw;
            }
            if (raw < min) {
                min = raw;
            }
            return raw;
        }

        private double day(double raw) {
            return type == FieldType.DATE ? raw : raw / MS_PER_DAY;
        }

        double plotted(double raw) {
            if (isDate()) {
                if (dates == null) {
                    dates = min > max ? DateAxis.of(0, 0, DateAxis.Unit.DAY)
                            : DateAxis.of(day(min), day(max), DateAxis.Unit.DAY);
                }
                return dates.plotted(day(raw));
            }
            if (!daysAgo) {
                return raw;
            }
            return type == FieldType.DATE ? max - raw : (max - raw) / MS_PER_DAY;
        }

        /** The CSV cell of a raw value: as plotted for days-ago, a date as ISO text, else the number. */
        Object cell(double raw) {
            if (daysAgo || !(type == FieldType.DATE || type == FieldType.TIMESTAMP)) {
                return plotted(raw);
            }
            return type == FieldType.DATE ? LocalDate.ofEpochDay((long) raw).toString()
                    : Instant.ofEpochMilli((long) raw).toString();
        }

        String label() {
            return daysAgo ? "days since " + column : column;
        }

        String axisTitle() {
            if (daysAgo && max > Double.NEGATIVE_INFINITY) {
                return "days since " + column + " (before " + formatDate(max) + ")";
            }
            return column;
        }

        private String formatDate(double raw) {
            return type == FieldType.DATE ? LocalDate.ofEpochDay((long) raw).toString()
                    : DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.ofEpochMilli((long) raw).atOffset(ZoneOffset.UTC));
        }

        private boolean isDate() {
            return !daysAgo && (type == FieldType.DATE || type == FieldType.TIMESTAMP);
        }

        /** Call after every row is seen: a date axis's ticks depend on its span. */
        Function<Double, String> tickFormat() {
            if (!isDate()) {
                return ChartLook::number;
            }
            plotted(min > max ? 0 : min);
            return dates.ticks();
        }
    }
}
