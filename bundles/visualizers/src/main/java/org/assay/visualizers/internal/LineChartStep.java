package org.assay.visualizers.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

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
import org.assay.visualizers.internal.BarAggregation.Aggregate;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One run of {@code line-chart}: aggregate the rows per (line, x or period) in one pass, then
 * draw. Memory grows with the distinct points, capped at {@link #MAX_POINTS_HELD}, not with rows.
 */
final class LineChartStep implements Step {

    /** Most lines drawn. */
    static final int MAX_SERIES = 10;
    /** Most distinct (line, x) points held while reading; a finer axis needs a period. */
    static final int MAX_POINTS_HELD = 200_000;
    private static final long MS_PER_DAY = 86_400_000L;

    private final LineChartParameters p;
    private final StepDescriptor descriptor;

    LineChartStep(LineChartParameters parameters, StepDescriptor descriptor) {
        this.p = parameters;
        this.descriptor = descriptor;
    }

    /** Running count and sum of the line's value, and of the band's ends, at one x. */
    private static final class Cell {
        final long[] counted = new long[3];
        final double[] sums = new double[3];
        long rows;

        void add(Cell o) {
            rows += o.rows;
            for (int i = 0; i < 3; i++) {
                counted[i] += o.counted[i];
                sums[i] += o.sums[i];
            }
        }
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        boolean band = p.lower().isPresent();
        String seriesName = p.series().orElse(null);
        Map<String, TreeMap<Double, Cell>> lines = new LinkedHashMap<>();
        Field xField;
        Field seriesField = null;
        long consumed = 0;
        int held = 0;
        ImputedValues imputed;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            ChartColumns columns = new ChartColumns(in.schema(), p.allowPii(), descriptor);
            imputed = ImputedValues.of(in.schema(), p.y());
            int x = columns.require("x", p.x());
            xField = columns.field(x);
            if (p.period() != Period.NONE && !isTime(xField.type())) {
                throw new StepFailure(LineChartStepType.periodProblem(p.x(), xField.type()));
            }
            int[] ys = new int[p.y().size()];
            for (int i = 0; i < ys.length; i++) {
                ys[i] = columns.require("y", p.y().get(i));
            }
            int s = seriesName == null ? -1 : columns.require("series", seriesName);
            seriesField = s < 0 ? null : columns.field(s);
            int lo = band ? columns.require("lower", p.lower().get()) : -1;
            int hi = band ? columns.require("upper", p.upper().get()) : -1;
            for (Batch batch = in.next(); batch != null; batch = in.next()) {
                ctx.checkCancelled();
                imputed.add(batch);
                Column xc = batch.column(x);
                for (int r = 0; r < batch.rowCount(); r++) {
                    if (xc.isNull(r)) {
                        continue;
                    }
                    double xv = xValue(xc.getDouble(r), xField.type());
                    for (int i = 0; i < ys.length; i++) {
                        String line = s >= 0 ? BarAggregation.label(batch.column(s).getString(r)) : p.y().get(i);
                        TreeMap<Double, Cell> points = lines.get(line);
                        if (points == null) {
                            if (lines.size() >= MAX_SERIES) {
                                throw new StepFailure("parameter 'series': column '" + seriesName + "' has more than "
                                        + MAX_SERIES + " values, too many lines to read; use a column with fewer"
                                        + " values or filter the rows first");
                            }
                            points = new TreeMap<>();
                            lines.put(line, points);
                        }
                        Cell cell = points.get(xv);
                        if (cell == null) {
                            if (++held > MAX_POINTS_HELD) {
                                throw new StepFailure("parameter 'x': more than " + MAX_POINTS_HELD + " distinct"
                                        + " points; group a date axis with 'period' (e.g. \"month\") or bin the"
                                        + " x column first");
                            }
                            cell = new Cell();
                            points.put(xv, cell);
                        }
                        cell.rows++;
                        add(cell, 0, batch.column(ys[i]), r);
                        if (band) {
                            add(cell, 1, batch.column(lo), r);
                            add(cell, 2, batch.column(hi), r);
                        }
                    }
                }
                consumed += batch.rowCount();
            }
        }

        if (seriesField != null) {
            // Legend and table in the series' natural order (declared categories first), not in order of arrival.
            Map<String, TreeMap<Double, Cell>> sorted = new LinkedHashMap<>();
            java.util.Comparator<String> order = CategoryOrder.natural(seriesField);
            List<String> keys = new ArrayList<>(lines.keySet());
            keys.sort((a, b) -> order.compare(unlabel(a), unlabel(b)));
            for (String k : keys) {
                sorted.put(k, lines.get(k));
            }
            lines = sorted;
        }
        String yName = String.join(", ", p.y());
        String what = switch (p.aggregate()) {
            case COUNT -> "Rows";
            case SUM -> "Sum of " + yName;
            case MEAN -> "Mean of " + yName;
        };
        String xTitle = p.xLabel().orElse(p.period() == Period.NONE ? p.x()
                : p.x() + " (" + p.period().name().toLowerCase(Locale.ROOT) + ")");
        String yTitle = p.yLabel().orElse(what.toLowerCase(Locale.ROOT).startsWith("rows") ? "rows"
                : what.substring(0, 1).toLowerCase(Locale.ROOT) + what.substring(1));
        int merged = 0;
        for (Map.Entry<String, TreeMap<Double, Cell>> e : lines.entrySet()) {
            if (e.getValue().size() > p.maxPoints()) {
                merged = Math.max(merged, e.getValue().size());
                e.setValue(merge(e.getValue(), p.maxPoints()));
            }
        }
        String title = p.title().orElse(what + " by " + p.x()) + (merged > 0 ? String.format(Locale.ROOT,
                " (%,d x values merged into %,d equal-count buckets)", merged, p.maxPoints()) : "") + imputed.suffix();
        // The table names what was computed, whatever the axis is called.
        String measure = what.equals("Rows") ? "count" : what.substring(0, 1).toLowerCase(Locale.ROOT)
                + what.substring(1);
        CsvTable table = band ? new CsvTable("line", p.x(), measure, "lower", "upper", "rows")
                : new CsvTable("line", p.x(), measure, "rows");
        XYChart chart = draw(lines, xField.type(), seriesField, title, xTitle, yTitle, band, table);
        ChartOutput.publish(ctx, p, chart, title, table);
        ctx.countOut(consumed);
        ctx.progress(1.0);
    }

    private double xValue(double raw, FieldType type) {
        double day = type == FieldType.TIMESTAMP ? Math.floorDiv((long) raw, MS_PER_DAY) : raw;
        if (!isTime(type)) {
            return raw;
        }
        return p.period() == Period.NONE && type == FieldType.TIMESTAMP ? raw / MS_PER_DAY : p.period().start((long) day);
    }

    private static String unlabel(String label) {
        return label.equals(BarAggregation.label(null)) ? null : label;
    }

    static boolean isTime(FieldType type) {
        return type == FieldType.DATE || type == FieldType.TIMESTAMP;
    }

    private static void add(Cell cell, int slot, Column c, int r) {
        if (!c.isNull(r)) {
            double v = c.getDouble(r);
            if (Double.isFinite(v)) {
                cell.counted[slot]++;
                cell.sums[slot] += v;
            }
        }
    }

    /** Consecutive points merged into {@code buckets} of equal count, each at its first x. */
    private static TreeMap<Double, Cell> merge(TreeMap<Double, Cell> points, int buckets) {
        TreeMap<Double, Cell> out = new TreeMap<>();
        int n = points.size();
        int i = 0;
        Cell current = null;
        int bucket = -1;
        for (Map.Entry<Double, Cell> e : points.entrySet()) {
            int b = (int) ((long) i * buckets / n);
            if (b != bucket) {
                bucket = b;
                current = new Cell();
                out.put(e.getKey(), current);
            }
            current.add(e.getValue());
            i++;
        }
        return out;
    }

    private double value(Cell c, int slot) {
        return switch (p.aggregate()) {
            case COUNT -> c.rows;
            case SUM -> c.counted[slot] == 0 ? Double.NaN : c.sums[slot];
            case MEAN -> c.counted[slot] == 0 ? Double.NaN : c.sums[slot] / c.counted[slot];
        };
    }

    private XYChart draw(Map<String, TreeMap<Double, Cell>> lines, FieldType xType, Field seriesField, String title,
            String xTitle, String yTitle, boolean band, CsvTable table) {
        XYChart chart = new XYChartBuilder().width(p.width()).height(p.height()).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        ChartLook.apply(styler, lines.size() > 1 || band);
        styler.setPlotGridVerticalLinesVisible(true);
        styler.setyAxisTickLabelsFormattingFunction(ChartLook::number);
        DateAxis dates = isTime(xType) ? dateAxis(lines) : null;
        styler.setxAxisTickLabelsFormattingFunction(dates != null ? dates.ticks() : ChartLook::number);
        DoubleUnaryOperator plotX = dates == null ? v -> v : dates::plotted;
        styler.setMarkerSize(6);
        CategoryColours colours = seriesField == null ? null : CategoryColours.of(seriesField, lines.keySet());
        Map<String, Color> colourOf = new HashMap<>();
        int index = 0;
        for (String line : lines.keySet()) {
            colourOf.put(line, colours != null ? colours.colour(line) : ChartLook.PALETTE[index++ % ChartLook.PALETTE.length]);
        }
        Map<String, double[]> joins = band ? joins(lines) : Map.of();
        boolean drawn = false;
        // Bands first, so the lines are drawn over them.
        for (Map.Entry<String, TreeMap<Double, Cell>> e : band ? lines.entrySet() : List.<Map.Entry<String, TreeMap<Double, Cell>>>of()) {
            List<Double> xs = new ArrayList<>();
            List<Double> lows = new ArrayList<>();
            List<Double> highs = new ArrayList<>();
            double[] join = joins.get(e.getKey());
            if (join != null) {
                // The interval opens from the last known value: zero width where the history ends.
                xs.add(join[0]);
                lows.add(join[1]);
                highs.add(join[1]);
            }
            for (Map.Entry<Double, Cell> point : e.getValue().entrySet()) {
                double lo = value(point.getValue(), 1);
                double hi = value(point.getValue(), 2);
                if (!Double.isNaN(lo) && !Double.isNaN(hi)) {
                    xs.add(point.getKey());
                    lows.add(lo);
                    highs.add(hi);
                }
            }
            if (xs.size() < 2) {
                continue;
            }
            double[] px = new double[xs.size() * 2];
            double[] py = new double[xs.size() * 2];
            for (int i = 0; i < xs.size(); i++) {
                px[i] = plotX.applyAsDouble(xs.get(i));
                py[i] = highs.get(i);
                px[px.length - 1 - i] = px[i];
                py[py.length - 1 - i] = lows.get(i);
            }
            XYSeries s = chart.addSeries(LegendNames.band(LegendNames.line(e.getKey(), seriesField), p.lower().get(),
                    p.upper().get(), p.bandLabel(), lines.size() == 1), px, py);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            s.setFillColor(ChartLook.translucent(colourOf.get(e.getKey()), 60));
            s.setLineColor(ChartLook.translucent(colourOf.get(e.getKey()), 0));
            s.setMarker(SeriesMarkers.NONE);
            drawn = true;
        }
        Set<String> named = new HashSet<>();
        for (Map.Entry<String, TreeMap<Double, Cell>> e : lines.entrySet()) {
            List<Double> xs = new ArrayList<>();
            List<Double> vs = new ArrayList<>();
            double[] join = joins.get(e.getKey());
            if (join != null) {
                xs.add(plotX.applyAsDouble(join[0]));
                vs.add(join[1]);
            }
            for (Map.Entry<Double, Cell> point : e.getValue().entrySet()) {
                Cell c = point.getValue();
                double v = value(c, 0);
                Object xCell = xCell(point.getKey(), xType);
                if (band) {
                    table.row(e.getKey(), xCell, v, value(c, 1), value(c, 2), c.rows);
                } else {
                    table.row(e.getKey(), xCell, v, c.rows);
                }
                if (!Double.isNaN(v)) {
                    xs.add(plotX.applyAsDouble(point.getKey()));
                    vs.add(v);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            String name = ChartLook.shorten(LegendNames.line(e.getKey(), seriesField), 30);
            // Columns "a_b" and "a b" would read alike; XChart needs distinct names.
            XYSeries s = chart.addSeries(named.add(name) ? name : e.getKey(), xs, vs);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineColor(colourOf.get(e.getKey()));
            s.setLineStyle(new BasicStroke(2.2f));
            s.setMarker(xs.size() <= 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setMarkerColor(colourOf.get(e.getKey()));
            drawn = true;
        }
        if (!drawn) {
            XYSeries empty = chart.addSeries("(no points)", new double[] {0}, new double[] {0});
            empty.setMarker(SeriesMarkers.NONE);
            empty.setShowInLegend(false);
        }
        return chart;
    }

    /** The joins of the lines drawn: each line's values by x, and which lines have an interval. */
    private Map<String, double[]> joins(Map<String, TreeMap<Double, Cell>> lines) {
        Map<String, NavigableMap<Double, Double>> values = new LinkedHashMap<>();
        Set<String> withInterval = new HashSet<>();
        for (Map.Entry<String, TreeMap<Double, Cell>> e : lines.entrySet()) {
            TreeMap<Double, Double> v = new TreeMap<>();
            for (Map.Entry<Double, Cell> point : e.getValue().entrySet()) {
                v.put(point.getKey(), value(point.getValue(), 0));
                if (!Double.isNaN(value(point.getValue(), 1)) && !Double.isNaN(value(point.getValue(), 2))) {
                    withInterval.add(e.getKey());
                }
            }
            values.put(e.getKey(), v);
        }
        return joins(values, withInterval);
    }

    /**
     * Where a line with an interval (a forecast) starts after another line ends (the history),
     * the forecast is drawn from the history's last point, so the two read as one line with no
     * gap. Only lines that do not overlap in x are joined, from the line that ends last before
     * the joined one starts, and only if that line has a value at its last x.
     *
     * @return keyed by the joined line: {x, value} of the point it starts from
     */
    static Map<String, double[]> joins(Map<String, NavigableMap<Double, Double>> lines,
            Set<String> withInterval) {
        Map<String, double[]> joins = new HashMap<>();
        for (Map.Entry<String, NavigableMap<Double, Double>> b : lines.entrySet()) {
            if (b.getValue().isEmpty() || !withInterval.contains(b.getKey())) {
                continue;
            }
            double start = b.getValue().firstKey();
            double[] best = null;
            for (Map.Entry<String, NavigableMap<Double, Double>> a : lines.entrySet()) {
                if (a.getKey().equals(b.getKey()) || a.getValue().isEmpty() || a.getValue().lastKey() >= start) {
                    continue;
                }
                Map.Entry<Double, Double> last = a.getValue().lastEntry();
                if (!Double.isNaN(last.getValue()) && (best == null || last.getKey() > best[0])) {
                    best = new double[] {last.getKey(), last.getValue()};
                }
            }
            if (best != null) {
                joins.put(b.getKey(), best);
            }
        }
        return joins;
    }

    /** Calendar ticks over the days drawn, never finer than the period the rows were grouped by. */
    private DateAxis dateAxis(Map<String, TreeMap<Double, Cell>> lines) {
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (TreeMap<Double, Cell> points : lines.values()) {
            if (!points.isEmpty()) {
                first = Math.min(first, points.firstKey());
                last = Math.max(last, points.lastKey());
            }
        }
        if (first > last) {
            first = last = 0;
        }
        DateAxis.Unit finest = switch (p.period()) {
            case NONE, DAY -> DateAxis.Unit.DAY;
            case WEEK -> DateAxis.Unit.WEEK;
            case MONTH -> DateAxis.Unit.MONTH;
            case QUARTER -> DateAxis.Unit.QUARTER;
            case YEAR -> DateAxis.Unit.YEAR;
        };
        return DateAxis.of(first, last, finest);
    }

    private Object xCell(double x, FieldType type) {
        if (!isTime(type)) {
            return x;
        }
        return p.period() == Period.NONE ? LocalDateText.of(x) : p.period().format((long) x);
    }

    /** A (possibly fractional) epoch day as ISO date text. */
    private static final class LocalDateText {
        static String of(double day) {
            return java.time.LocalDate.ofEpochDay((long) Math.floor(day)).toString();
        }
    }
}
