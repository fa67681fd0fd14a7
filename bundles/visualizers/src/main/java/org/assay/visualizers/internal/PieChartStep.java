package org.assay.visualizers.internal;

import java.util.List;
import java.util.Locale;

import org.assay.api.data.Batch;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepFailure;
import org.assay.visualizers.internal.BarAggregation.Aggregate;
import org.assay.visualizers.internal.BarAggregation.Result;
import org.assay.visualizers.internal.BarAggregation.Sort;
import org.knowm.xchart.PieChart;
import org.knowm.xchart.PieChartBuilder;
import org.knowm.xchart.PieSeries;
import org.knowm.xchart.style.PieStyler;

/** One run of {@code pie-chart}: row counts or sums per category (as the bar chart aggregates them), as slices. */
final class PieChartStep implements Step {

    private final PieChartParameters p;
    private final StepDescriptor descriptor;

    PieChartStep(PieChartParameters parameters, StepDescriptor descriptor) {
        this.p = parameters;
        this.descriptor = descriptor;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        String valueName = p.value().orElse(null);
        Aggregate aggregate = valueName == null ? Aggregate.COUNT : Aggregate.SUM;
        Result result;
        Field categoryField;
        long consumed = 0;
        ImputedValues imputed;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            ChartColumns columns = new ChartColumns(in.schema(), p.allowPii(), descriptor);
            imputed = ImputedValues.of(in.schema(), valueName == null ? List.of(p.category())
                    : List.of(p.category(), valueName));
            int category = columns.require("category", p.category());
            int value = valueName == null ? -1 : columns.require("value", valueName);
            categoryField = columns.field(category);
            BarAggregation aggregation = new BarAggregation(aggregate, p.category(),
                    CategoryOrder.natural(categoryField), null, null);
            for (Batch batch = in.next(); batch != null; batch = in.next()) {
                imputed.add(batch);
                ctx.checkCancelled();
                aggregation.add(batch.column(category), null, value < 0 ? null : batch.column(value),
                        batch.rowCount());
                consumed += batch.rowCount();
            }
            // Largest slice first; "Other" last.
            result = aggregation.result(p.maxSlices(), Sort.VALUE_DESC);
        }
        double total = 0;
        for (int c = 0; c < result.categories().size(); c++) {
            double v = result.values()[c][0];
            if (v < 0) {
                throw new StepFailure("parameter 'value': the sum of '" + valueName + "' for '"
                        + result.categories().get(c) + "' is negative (" + ChartLook.number(v) + "), which a pie"
                        + " cannot show; use a bar chart for values that can be negative");
            }
            total += Double.isNaN(v) ? 0 : v;
        }
        String measure = valueName == null ? "rows" : valueName;
        String title = p.title().orElse("Share of " + measure + " by " + p.category()) + imputed.suffix();
        CsvTable table = new CsvTable(p.category(), measure, "share", "rows");
        PieChart chart = new PieChartBuilder().width(p.width()).height(p.height()).title(title).build();
        PieStyler styler = chart.getStyler();
        ChartLook.applyBase(styler, true);
        styler.setLabelType(PieStyler.LabelType.Percentage);
        styler.setLabelsVisible(true);
        styler.setLabelsFont(styler.getLegendFont());
        styler.setLabelsFontColorAutomaticEnabled(true);
        styler.setLabelsDistance(p.donut() ? 0.82 : 0.72);
        styler.setSliceBorderWidth(1.5);
        styler.setCircular(true);
        if (p.donut()) {
            styler.setDefaultSeriesRenderStyle(PieSeries.PieSeriesRenderStyle.Donut);
            styler.setDonutThickness(0.42);
            styler.setSumVisible(true);
            styler.setSumFont(styler.getChartTitleFont());
            styler.setSumFormat("Total %,.0f");
        }
        List<String> categories = result.categories();
        boolean drawn = false;
        CategoryColours colours = CategoryColours.of(categoryField, categories);
        for (int c = 0; c < categories.size(); c++) {
            double v = result.values()[c][0];
            double share = total == 0 ? Double.NaN : v / total;
            table.row(categories.get(c), v, share, result.rows()[c][0]);
            if (v > 0) {
                // The legend carries name and share, so a thin slice without room for its label still reads.
                String label = ChartLook.shorten(categories.get(c), 26)
                        + String.format(Locale.ROOT, " (%.0f%%)", 100 * share);
                PieSeries slice = chart.addSeries(label, v);
                slice.setFillColor(colours.colour(categories.get(c)));
                drawn = true;
            }
        }
        if (!drawn) {
            ctx.log().warn("pie-chart {}: nothing to draw (no rows, or every value is zero)", ctx.stepId());
            styler.setLegendVisible(false);
            chart.setTitle(title + " (no data)");
        }
        ChartOutput.publish(ctx, p, chart, title, table);
        ctx.countOut(consumed);
        ctx.progress(1.0);
    }
}
