package org.assay.visualizers.internal;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.assay.api.data.Batch;
import org.assay.api.data.Column;
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

    /** Most columns of a correlation matrix: beyond, the values in the cells cannot be read. */
    static final int MAX_CORRELATION_COLUMNS = 20;
    /**
     * Diverging and colour-blind safe (the inner seven of ColorBrewer's RdBu): blue for -1, white
     * for 0, red for 1, as {@code correlate} draws its matrix. The darkest ends are left out so the
     * dark value written in a cell stays readable on it.
     */
    static final Color[] DIVERGING = {new Color(0x4393C3), new Color(0x92C5DE), new Color(0xD1E5F0),
        new Color(0xF7F7F7), new Color(0xFDDBC7), new Color(0xF4A582), new Color(0xD6604D)};

    private final HeatmapParameters p;
    private final StepDescriptor descriptor;

    HeatmapStep(HeatmapParameters parameters, StepDescriptor descriptor) {
        this.p = parameters;
        this.descriptor = descriptor;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        if (p.correlation()) {
            correlation(ctx);
            return;
        }
        Aggregate aggregate = p.effectiveAggregate();
        String valueName = p.value().orElse(null);
        Result r;
        long consumed = 0;
        ImputedValues imputed;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            ChartColumns columns = new ChartColumns(in.schema(), p.allowPii(), descriptor);
            imputed = ImputedValues.of(in.schema(), valueName == null ? List.of() : List.of(valueName));
            int x = columns.require("x", p.x().orElseThrow());
            int y = columns.require("y", p.y().orElseThrow());
            int v = valueName == null ? -1 : columns.require("value", valueName);
            BarAggregation aggregation = new BarAggregation(aggregate, p.x().get(),
                    CategoryOrder.natural(columns.field(x)), p.y().get(), CategoryOrder.natural(columns.field(y)));
            for (Batch batch = in.next(); batch != null; batch = in.next()) {
                ctx.checkCancelled();
                imputed.add(batch);
                aggregation.add(batch.column(x), batch.column(y), v < 0 ? null : batch.column(v), batch.rowCount());
                consumed += batch.rowCount();
            }
            r = aggregation.result(p.maxCategories(), Sort.CATEGORY);
        }
        String what = BarChartStep.defaultTitle(aggregate, valueName, p.x().get(), p.y().get());
        String title = p.title().orElse(what) + (r.foldedCategories() + r.foldedSeries() > 0
                ? " (smallest values merged into Other)" : "") + imputed.suffix();
        CsvTable table = new CsvTable(p.x().get(), p.y().get(), what.substring(0, what.indexOf(" by ")), "rows");
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
                .xAxisTitle(p.xLabel().orElse(p.x().get())).yAxisTitle(p.yLabel().orElse(p.y().get())).build();
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
        ChartOutput.publish(ctx, p, chart, title, table);
        ctx.countOut(consumed);
        ctx.progress(1.0);
    }

    /**
     * The correlation matrix of 'columns': Pearson's r per pair in one pass, drawn -1 to 1 on the
     * diverging scale with r in each cell, the diagonal from top left. An undefined r (a column
     * constant over the pair's rows, fewer than two rows with both) is an empty cell, and the
     * caption says how many there are.
     */
    private void correlation(StepContext ctx) throws Exception {
        List<String> names = p.columns();
        int k = names.size();
        CorrelationMatrix matrix = new CorrelationMatrix(k);
        long consumed = 0;
        ImputedValues imputed;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            ChartColumns columns = new ChartColumns(in.schema(), p.allowPii(), descriptor);
            imputed = ImputedValues.of(in.schema(), names);
            int[] at = new int[k];
            for (int i = 0; i < k; i++) {
                at[i] = columns.require("columns", names.get(i));
            }
            Column[] batchColumns = new Column[k];
            for (Batch batch = in.next(); batch != null; batch = in.next()) {
                ctx.checkCancelled();
                for (int i = 0; i < k; i++) {
                    batchColumns[i] = batch.column(at[i]);
                }
                matrix.add(batchColumns, batch.rowCount());
                imputed.add(batch);
                consumed += batch.rowCount();
            }
        }
        CsvTable table = new CsvTable("column_a", "column_b", "pearson_r", "n");
        List<Number[]> cells = new ArrayList<>();
        int undefined = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double r = matrix.r(a, b);
                if (b > a) {
                    table.row(names.get(a), names.get(b), r, matrix.n(a, b));
                }
                if (Double.isNaN(r)) {
                    undefined += b >= a ? 1 : 0;
                    continue;
                }
                // Rows drawn bottom up: the first column is the top row.
                cells.add(new Number[] {b, k - 1 - a, Math.round(r * 100) / 100.0});
            }
        }
        String title = p.title().orElse("Correlation (Pearson's r) of " + k + " columns");
        String shown = title + (undefined > 0 ? " (" + undefined + " undefined, left empty)" : "") + imputed.suffix();
        List<String> labels = names.stream().map(n -> ChartLook.shorten(n, 16)).toList();
        List<String> down = new ArrayList<>(labels);
        java.util.Collections.reverse(down);
        HeatMapChart chart = new HeatMapChartBuilder().width(p.width()).height(p.height()).title(shown)
                .xAxisTitle(p.xLabel().orElse(" ")).yAxisTitle(p.yLabel().orElse(" ")).build();
        HeatMapStyler styler = chart.getStyler();
        ChartLook.apply(styler, true);
        styler.setShowValue(true);
        styler.setValueFont(styler.getAxisTickLabelsFont());
        styler.setValueFontColor(ChartLook.TEXT);
        styler.setHeatMapValueDecimalPattern("0.00");
        styler.setRangeColors(DIVERGING);
        styler.setMin(-1);
        styler.setMax(1);
        styler.setPlotGridLinesVisible(false);
        // Every column named on both axes: XChart skips category labels closer than its hint.
        styler.setYAxisTickMarkSpacingHint(12);
        styler.setXAxisTickMarkSpacingHint(12);
        if (k * labels.stream().mapToInt(String::length).max().orElse(0) * 8 > p.width() * 0.6) {
            styler.setXAxisLabelRotation(45);
        }
        if (cells.isEmpty()) {
            ctx.log().warn("heatmap {}: no correlation is defined (no rows, or constant columns)", ctx.stepId());
            cells.add(new Number[] {0, 0, 0});
        }
        chart.addSeries("Pearson's r", labels, down, cells);
        ChartOutput.publish(ctx, p, chart, shown, table);
        ctx.countOut(consumed);
        ctx.progress(1.0);
    }
}
