package org.assay.visualizers.internal;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.assay.api.data.Batch;
import org.assay.api.data.DataStream;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepDescriptor;
import org.assay.visualizers.internal.BarAggregation.Aggregate;
import org.assay.visualizers.internal.BarAggregation.Result;
import org.assay.visualizers.internal.BarAggregation.Sort;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;

/**
 * One run of {@code heatmap}: the bar chart's aggregation with x as category and y as series
 * (the same caps and "Other" folding), drawn as cells on a sequential scale with the number in
 * each cell. Empty cells (no rows) stay white.
 */
final class HeatmapStep implements Step {

    private final HeatmapParameters p;
    private final StepDescriptor descriptor;

    HeatmapStep(HeatmapParameters parameters, StepDescriptor descriptor) {
        this.p = parameters;
        this.descriptor = descriptor;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Aggregate aggregate = p.effectiveAggregate();
        String valueName = p.value().orElse(null);
        Result r;
        long consumed = 0;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            ChartColumns columns = new ChartColumns(in.schema(), p.allowPii(), descriptor);
            int x = columns.require("x", p.x());
            int y = columns.require("y", p.y());
            int v = valueName == null ? -1 : columns.require("value", valueName);
            BarAggregation aggregation = new BarAggregation(aggregate, p.x(), CategoryOrder.natural(columns.field(x)),
                    p.y(), CategoryOrder.natural(columns.field(y)));
            for (Batch batch = in.next(); batch != null; batch = in.next()) {
                ctx.checkCancelled();
                aggregation.add(batch.column(x), batch.column(y), v < 0 ? null : batch.column(v), batch.rowCount());
                consumed += batch.rowCount();
            }
            r = aggregation.result(p.maxCategories(), Sort.CATEGORY);
        }
        String what = BarChartStep.defaultTitle(aggregate, valueName, p.x(), p.y());
        String title = p.title().orElse(what);
        CsvTable table = new CsvTable(p.x(), p.y(), what.substring(0, what.indexOf(" by ")), "rows");
        List<Number[]> heat = new ArrayList<>();
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int c = 0; c < r.categories().size(); c++) {
            for (int s = 0; s < r.series().size(); s++) {
                double value = r.values()[c][s];
                if (r.rows()[c][s] == 0 || Double.isNaN(value)) {
                    continue;
                }
                table.row(r.categories().get(c), r.series().get(s), value, r.rows()[c][s]);
                // Rounded as ChartLook.number writes it: XChart prints the raw double in the cell and the legend.
                heat.add(new Number[] {c, s, Double.parseDouble(ChartLook.number(value).replace(",", ""))});
                max = Math.max(max, heat.get(heat.size() - 1)[2].doubleValue());
                min = Math.min(min, heat.get(heat.size() - 1)[2].doubleValue());
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(p.width()).height(p.height()).title(title)
                .xAxisTitle(p.xLabel().orElse(p.x())).yAxisTitle(p.yLabel().orElse(p.y())).build();
        HeatMapStyler styler = chart.getStyler();
        ChartLook.apply(styler, true);
        int cells = r.categories().size() * Math.max(1, r.series().size());
        styler.setShowValue(cells <= 200);
        styler.setValueFont(styler.getAxisTickLabelsFont());
        styler.setValueFontColor(ChartLook.TEXT);
        styler.setHeatMapValueDecimalPattern("#,##0.##");
        // The confusion matrix's blue scale: one look for every heat map.
        styler.setRangeColors(new Color[] {new Color(0xF7FBFF), new Color(0xC6DBEF), new Color(0x6BAED6)});
        styler.setPlotGridLinesVisible(false);
        if (r.categories().size() > 8) {
            styler.setXAxisLabelRotation(45);
        }
        if (heat.isEmpty()) {
            ctx.log().warn("heatmap {}: no cells to draw (no rows with a value)", ctx.stepId());
            chart.addSeries("(no rows)", List.of("(no rows)"), List.of("(no rows)"), List.<Number[]>of(
                    new Number[] {0, 0, 0}));
        } else {
            styler.setMin(Math.min(0, min));
            styler.setMax(max > styler.getMin() ? max : styler.getMin() + 1);
            chart.addSeries(what, r.categories().stream().map(c -> ChartLook.shorten(c, 16)).toList(),
                    r.series().stream().map(c -> ChartLook.shorten(c, 16)).toList(), heat);
        }
        ChartOutput.publish(ctx, p, chart, title + (r.foldedCategories() + r.foldedSeries() > 0 ? String.format(
                Locale.ROOT, " (smallest values merged into Other)") : ""), table);
        ctx.countOut(consumed);
        ctx.progress(1.0);
    }
}
