package org.assay.visualizers.internal;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepFailure;
import org.assay.visualizers.internal.ConfusionMatrixParameters.Normalize;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;

/** One run of {@code confusion-matrix}: sum the counts per (actual, predicted) pair, draw them as a heat map. */
final class ConfusionMatrixStep implements Step {

    /** Most classes; a bigger matrix has no readable cells. */
    static final int MAX_CLASSES = 30;

    private final ConfusionMatrixParameters p;
    private final StepDescriptor descriptor;

    ConfusionMatrixStep(ConfusionMatrixParameters parameters, StepDescriptor descriptor) {
        this.p = parameters;
        this.descriptor = descriptor;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Map<String, Map<String, Double>> cells = new HashMap<>();
        Set<String> classes = new LinkedHashSet<>();
        Field actualField;
        long consumed = 0;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            ChartColumns columns = new ChartColumns(in.schema(), p.allowPii(), descriptor);
            int a = columns.require("actual", p.actual());
            int pr = columns.require("predicted", p.predicted());
            int n = p.count().isPresent() ? columns.require("count", p.count().get()) : -1;
            actualField = columns.field(a);
            for (Batch batch = in.next(); batch != null; batch = in.next()) {
                ctx.checkCancelled();
                Column as = batch.column(a);
                Column ps = batch.column(pr);
                Column ns = n < 0 ? null : batch.column(n);
                for (int r = 0; r < batch.rowCount(); r++) {
                    String actual = BarAggregation.label(as.getString(r));
                    String predicted = BarAggregation.label(ps.getString(r));
                    double count = ns == null ? 1 : ns.isNull(r) ? 0 : ns.getDouble(r);
                    classes.add(actual);
                    classes.add(predicted);
                    if (classes.size() > MAX_CLASSES) {
                        throw new StepFailure("parameter 'actual': more than " + MAX_CLASSES + " classes in '"
                                + p.actual() + "' and '" + p.predicted() + "', too many for a readable matrix");
                    }
                    cells.computeIfAbsent(actual, k -> new HashMap<>()).merge(predicted, count, Double::sum);
                }
                consumed += batch.rowCount();
            }
        }
        // Classes in the actual column's natural order (declared values first), the same on both axes.
        List<String> order = new ArrayList<>(classes);
        order.sort((x, y) -> CategoryOrder.natural(actualField).compare(unlabel(x), unlabel(y)));
        boolean share = p.normalize() == Normalize.ACTUAL;
        String title = p.title().orElse("Confusion matrix" + (share ? " (share of each actual class)" : ""));
        CsvTable table = new CsvTable("actual", "predicted", "count", "share_of_actual");
        List<Number[]> heat = new ArrayList<>();
        double correct = 0;
        double total = 0;
        for (int i = 0; i < order.size(); i++) {
            Map<String, Double> row = cells.getOrDefault(order.get(i), Map.of());
            double rowTotal = row.values().stream().mapToDouble(Double::doubleValue).sum();
            for (int j = 0; j < order.size(); j++) {
                double count = row.getOrDefault(order.get(j), 0.0);
                double s = rowTotal == 0 ? Double.NaN : count / rowTotal;
                table.row(order.get(i), order.get(j), count, s);
                // Actual classes run down the y axis from the top, as the matrix is printed.
                heat.add(new Number[] {j, order.size() - 1 - i, share ? (Double.isNaN(s) ? 0 : 100 * s) : count});
                total += count;
                if (i == j) {
                    correct += count;
                }
            }
        }
        if (total > 0) {
            title += String.format(Locale.ROOT, ", accuracy %.1f%%", 100 * correct / total);
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(p.width()).height(p.height()).title(title)
                .xAxisTitle(p.xLabel().orElse(p.predicted().equals("predicted") ? "predicted class"
                        : "predicted (" + p.predicted() + ")"))
                .yAxisTitle(p.yLabel().orElse(p.actual().equals("actual") ? "actual class"
                        : "actual (" + p.actual() + ")")).build();
        HeatMapStyler styler = chart.getStyler();
        ChartLook.apply(styler, true);
        styler.setShowValue(true);
        styler.setValueFont(styler.getAxisTickLabelsFont().deriveFont(14f));
        styler.setValueFontColor(ChartLook.TEXT);
        // XChart prints cell values with this pattern (its formatter function is not used for the cells).
        styler.setHeatMapValueDecimalPattern(share ? "0'%'" : "#,##0.#");
        // One sequential blue scale, readable with every colour-vision deficiency; its dark end stays
        // light enough for the dark cell text (looked at: 0x2171B5 made the largest count hard to read).
        styler.setRangeColors(new Color[] {new Color(0xF7FBFF), new Color(0xC6DBEF), new Color(0x6BAED6)});
        styler.setMin(0);
        styler.setMax(share ? 100 : Math.max(1, heat.stream().mapToDouble(c -> c[2].doubleValue()).max().orElse(1)));
        styler.setDrawBorder(true);
        styler.setPlotGridLinesVisible(false);
        List<String> reversed = new ArrayList<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            reversed.add(ChartLook.shorten(order.get(i), 18));
        }
        if (order.isEmpty()) {
            chart.addSeries("(no rows)", List.of("(no rows)"), List.of("(no rows)"), List.<Number[]>of(
                    new Number[] {0, 0, 0}));
        } else {
            chart.addSeries(share ? "share %" : "rows", order.stream().map(c -> ChartLook.shorten(c, 18)).toList(),
                    reversed, heat);
        }
        ChartOutput.publish(ctx, p, chart, title, table);
        ctx.countOut(consumed);
        ctx.progress(1.0);
    }

    private static String unlabel(String label) {
        return label.equals(BarAggregation.label(null)) ? null : label;
    }
}
