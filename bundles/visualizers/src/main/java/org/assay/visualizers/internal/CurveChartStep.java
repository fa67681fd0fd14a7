package org.assay.visualizers.internal;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepFailure;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One run of {@code roc-chart} or {@code lift-chart}: per class, a curve read in the order of
 * its rows (weka-classify writes each class's points by threshold), thinned on a grid as it
 * streams, so memory is bounded by the grid, not by the predictions behind the curve. The area
 * under each curve is the trapezoid sum over every point read.
 */
final class CurveChartStep implements Step {

    /** Most classes drawn. */
    static final int MAX_CURVES = 10;

    /** Which chart this is: the axes' meaning and the reference line. */
    enum Kind {
        ROC("ROC curve", "false positive rate", "true positive rate (recall)", "chance"),
        GAINS("Cumulative gains", "share of rows targeted, best scores first", "share of the class found",
                "random targeting");

        final String title;
        final String xTitle;
        final String yTitle;
        final String reference;

        Kind(String title, String xTitle, String yTitle, String reference) {
            this.title = title;
            this.xTitle = xTitle;
            this.yTitle = yTitle;
            this.reference = reference;
        }
    }

    private final CurveParameters p;
    private final Kind kind;
    private final StepDescriptor descriptor;

    CurveChartStep(CurveParameters parameters, Kind kind, StepDescriptor descriptor) {
        this.p = parameters;
        this.kind = kind;
        this.descriptor = descriptor;
    }

    static List<ParameterProblem> problems(CurveParameters p) {
        List<ParameterProblem> problems = new ArrayList<>(p.commonProblems());
        if (p.x().equals(p.y())) {
            problems.add(ParameterProblem.of("y", "it names the same column as 'x'; the curve needs two columns"));
        }
        return problems;
    }

    /** One class's curve: thinned points and the running area. */
    private static final class Curve {
        final List<double[]> points = new ArrayList<>();
        double area;
        double lastX = Double.NaN;
        double lastY;
        long read;
        long lastCell = Long.MIN_VALUE;

        void add(double x, double y, int grid) {
            if (!Double.isNaN(lastX)) {
                area += Math.abs(x - lastX) * (y + lastY) / 2;
            }
            lastX = x;
            lastY = y;
            read++;
            long cell = Math.round(x * grid) * (grid + 1L) + Math.round(y * grid);
            if (cell == lastCell && !points.isEmpty()) {
                points.set(points.size() - 1, new double[] {x, y});
            } else {
                points.add(new double[] {x, y});
                lastCell = cell;
            }
        }
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Map<String, Curve> curves = new LinkedHashMap<>();
        Field classField;
        long consumed = 0;
        long skipped = 0;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            ChartColumns columns = new ChartColumns(in.schema(), p.allowPii(), descriptor);
            int c = columns.require("classColumn", p.classColumn());
            int x = columns.require("x", p.x());
            int y = columns.require("y", p.y());
            classField = columns.field(c);
            for (Batch batch = in.next(); batch != null; batch = in.next()) {
                ctx.checkCancelled();
                Column cs = batch.column(c);
                Column xs = batch.column(x);
                Column ys = batch.column(y);
                for (int r = 0; r < batch.rowCount(); r++) {
                    String cls = BarAggregation.label(cs.getString(r));
                    if (p.positiveClass().isPresent() && !p.positiveClass().get().equals(cls)) {
                        continue;
                    }
                    if (xs.isNull(r) || ys.isNull(r) || !Double.isFinite(xs.getDouble(r))
                            || !Double.isFinite(ys.getDouble(r))) {
                        skipped++;
                        continue;
                    }
                    Curve curve = curves.get(cls);
                    if (curve == null) {
                        if (curves.size() >= MAX_CURVES) {
                            throw new StepFailure("parameter 'classColumn': more than " + MAX_CURVES + " classes in '"
                                    + p.classColumn() + "'; set 'positiveClass' to draw one class's curve");
                        }
                        curve = new Curve();
                        curves.put(cls, curve);
                    }
                    curve.add(xs.getDouble(r), ys.getDouble(r), p.maxPoints() / 2);
                }
                consumed += batch.rowCount();
            }
        }
        if (p.positiveClass().isPresent() && curves.isEmpty() && consumed > 0) {
            throw new StepFailure("parameter 'positiveClass': no row of '" + p.classColumn() + "' is '"
                    + p.positiveClass().get() + "'; use one of the classes the model knows");
        }
        if (skipped > 0) {
            ctx.log().info("{} {}: {} curve rows without both values are not drawn", kind.title, ctx.stepId(), skipped);
        }
        String title = p.title().orElse(kind.title + p.positiveClass().map(c -> " for " + p.classColumn() + " = " + c)
                .orElse(""));
        if (kind == Kind.ROC && curves.size() == 1) {
            title += String.format(Locale.ROOT, " (AUC %.3f)", curves.values().iterator().next().area);
        }
        CsvTable table = new CsvTable(p.classColumn(), p.x(), p.y());
        XYChart chart = draw(curves, classField, title, table);
        ChartOutput.publish(ctx, p, chart, title, table);
        ctx.countOut(consumed);
        ctx.progress(1.0);
    }

    private XYChart draw(Map<String, Curve> curves, Field classField, String title, CsvTable table) {
        XYChart chart = new XYChartBuilder().width(p.width()).height(p.height()).title(title)
                .xAxisTitle(p.xLabel().orElse(kind.xTitle)).yAxisTitle(p.yLabel().orElse(kind.yTitle)).build();
        XYStyler styler = chart.getStyler();
        ChartLook.apply(styler, true);
        styler.setPlotGridVerticalLinesVisible(true);
        styler.setXAxisMin(0.0);
        styler.setXAxisMax(1.0);
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(1.0);
        styler.setxAxisTickLabelsFormattingFunction(v -> String.format(Locale.ROOT, "%.0f%%", 100 * v));
        styler.setyAxisTickLabelsFormattingFunction(v -> String.format(Locale.ROOT, "%.0f%%", 100 * v));
        XYSeries reference = chart.addSeries(kind.reference, new double[] {0, 1}, new double[] {0, 1});
        reference.setLineColor(ChartLook.REFERENCE);
        reference.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {6, 5}, 0));
        reference.setMarker(SeriesMarkers.NONE);
        CategoryColours colours = CategoryColours.of(classField, curves.keySet());
        for (Map.Entry<String, Curve> e : curves.entrySet()) {
            Curve curve = e.getValue();
            List<double[]> pts = new ArrayList<>(curve.points);
            // Both curves run from (0,0) to (1,1); sort by x so the line never doubles back.
            pts.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
            double[] xs = new double[pts.size()];
            double[] ys = new double[pts.size()];
            for (int i = 0; i < pts.size(); i++) {
                xs[i] = pts.get(i)[0];
                ys[i] = pts.get(i)[1];
                table.row(e.getKey(), xs[i], ys[i]);
            }
            String name = ChartLook.shorten(e.getKey(), 24) + (kind == Kind.ROC
                    ? String.format(Locale.ROOT, " (AUC %.3f)", curve.area) : "");
            XYSeries s = chart.addSeries(name, xs, ys);
            s.setLineColor(colours.colour(e.getKey()));
            s.setLineStyle(new BasicStroke(2.4f));
            s.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }
}
