package org.assay.visualizers.internal;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.assay.api.data.Batch;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepDescriptor;
import org.assay.visualizers.internal.BarAggregation.Aggregate;
import org.assay.visualizers.internal.BarAggregation.Result;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;

/** One run of {@code bar-chart}: aggregate the input batch by batch, then draw and write the table. */
final class BarChartStep implements Step {

    /** Up to this many bars, each bar carries its value as a label. */
    private static final int MAX_LABELLED_BARS = 16;

    private final BarChartParameters p;
    private final StepDescriptor descriptor;

    BarChartStep(BarChartParameters parameters, StepDescriptor descriptor) {
        this.p = parameters;
        this.descriptor = descriptor;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        String categoryName = p.category();
        String valueName = p.value().orElse(null);
        String seriesName = p.series().orElse(null);
        Aggregate aggregate = p.effectiveAggregate();

        Result result;
        Field categoryField;
        Field seriesField = null;
        long consumed = 0;
        ImputedValues imputed;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            ChartColumns columns = new ChartColumns(in.schema(), p.allowPii(), descriptor);
            imputed = ImputedValues.of(in.schema(), java.util.stream.Stream.of(categoryName, valueName, seriesName)
                    .filter(java.util.Objects::nonNull).toList());
            int category = columns.require("category", categoryName);
            int value = valueName == null ? -1 : columns.require("value", valueName);
            int series = seriesName == null ? -1 : columns.require("series", seriesName);
            categoryField = columns.field(category);
            seriesField = series < 0 ? null : columns.field(series);
            BarAggregation aggregation = new BarAggregation(aggregate, categoryName,
                    CategoryOrder.natural(columns.field(category)), seriesName,
                    series < 0 ? null : CategoryOrder.natural(columns.field(series)));
            for (Batch batch = in.next(); batch != null; batch = in.next()) {
                ctx.checkCancelled();
                imputed.add(batch);
                aggregation.add(batch.column(category), series < 0 ? null : batch.column(series),
                        value < 0 ? null : batch.column(value), batch.rowCount());
                consumed += batch.rowCount();
            }
            result = aggregation.result(p.maxCategories(), p.sort(), p.showOther());
        }

        String title = p.title().orElseGet(() -> defaultTitle(aggregate, valueName, categoryName, seriesName))
                + imputed.suffix();
        String yLabel = p.yLabel().orElseGet(() -> valueLabel(aggregate, valueName));
        String xLabel = p.xLabel().orElse(categoryName);
        if (result.categories().isEmpty()) {
            ctx.log().warn("bar-chart {}: the input has no rows; drawing an empty chart", ctx.stepId());
        }
        boolean dropOther = result.foldedCategories() > 0 && !p.showOther();
        CategoryChart chart = draw(result, result.categories().size() - (dropOther ? 1 : 0), title, xLabel, yLabel,
                p.width(), p.height(), categoryField, seriesField, aggregate == Aggregate.COUNT);
        ChartOutput.publish(ctx, p, chart, title,
                table(result, categoryName, seriesName, valueLabel(aggregate, valueName), valueName != null));
        ctx.countOut(consumed);
        ctx.progress(1.0);
    }

    static String defaultTitle(Aggregate aggregate, String value, String category, String series) {
        String what = switch (aggregate) {
            case COUNT -> value == null ? "Rows" : "Count of " + value;
            case SUM -> "Sum of " + value;
            case MEAN -> "Mean of " + value;
        };
        return what + " by " + category + (series == null ? "" : " and " + series);
    }

    private static String valueLabel(Aggregate aggregate, String value) {
        return switch (aggregate) {
            case COUNT -> value == null ? "rows" : "count of " + value;
            case SUM -> "sum of " + value;
            case MEAN -> "mean of " + value;
        };
    }

    /** Draws the first {@code categoryCount} categories of {@code r}. */
    private static CategoryChart draw(Result r, int categoryCount, String title, String xLabel, String yLabel,
            int width, int height, Field categoryField, Field seriesField, boolean counts) {
        boolean legend = !r.series().isEmpty();
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        CategoryStyler styler = chart.getStyler();
        ChartLook.apply(styler, legend);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setAvailableSpaceFill(legend ? 0.8 : 0.6);
        styler.setYAxisMin(0.0);
        styler.setYAxisTickLabelsFormattingFunction(counts ? ChartLook::count : ChartLook::number);
        List<String> categories = r.categories().subList(0, categoryCount);
        int bars = categories.size() * r.seriesCount();
        if (bars > 0 && bars <= MAX_LABELLED_BARS) {
            styler.setLabelsVisible(true);
            styler.setLabelsFont(styler.getAxisTickLabelsFont());
            styler.setLabelsFontColorAutomaticEnabled(false);
            styler.setLabelsFontColor(new Color(0x222222));
            // Just above the bar top, outside it, so dark and light bars read the same.
            styler.setLabelsPosition(1.04);
        }
        int longest = categories.stream().mapToInt(String::length).max().orElse(0);
        CategoryAxisLayout axis = CategoryAxisLayout.of(categories.size(), longest);
        styler.setXAxisLabelRotation(axis.rotation());
        styler.setXAxisTickMarkSpacingHint(axis.tickSpacingHint());

        List<String> labels = new ArrayList<>();
        for (String c : categories) {
            String label = ChartLook.shorten(c, axis.maxLabelChars());
            // Two long labels may shorten alike; XChart needs distinct categories, so keep those in full.
            labels.add(labels.contains(label) ? c : label);
        }
        if (labels.isEmpty()) {
            // XChart cannot draw a series without points; an empty chart still tells the reader there were no rows.
            labels.add("(no rows)");
        }
        if (!legend && colourByCategory(categoryField, categories)) {
            // One series per bar, stacked: XChart colours per series, and a declared category
            // (a segment) keeps its run-wide colour here too. The series' names stay off the legend.
            CategoryColours colours = CategoryColours.of(categoryField, categories);
            styler.setStacked(true);
            styler.setLegendVisible(false);
            for (int c = 0; c < labels.size(); c++) {
                List<Double> heights = new ArrayList<>();
                for (int other = 0; other < labels.size(); other++) {
                    double v = other == c && c < categories.size() ? r.values()[c][0] : Double.NaN;
                    // Null, not 0: XChart draws no bar and no "0" label over the other bars' labels.
                    heights.add(Double.isNaN(v) ? null : v);
                }
                CategorySeries series = chart.addSeries(labels.get(c), labels, heights);
                series.setFillColor(colours.colour(c < categories.size() ? categories.get(c) : null));
            }
            return chart;
        }
        CategoryColours colours = CategoryColours.of(seriesField, r.series());
        for (int s = 0; s < r.seriesCount(); s++) {
            List<Double> heights = new ArrayList<>();
            for (int c = 0; c < labels.size(); c++) {
                double v = c < categories.size() ? r.values()[c][s] : Double.NaN;
                heights.add(Double.isNaN(v) ? 0.0 : v);
            }
            String name = legend ? r.series().get(s) : yLabel;
            CategorySeries series = chart.addSeries(name, labels, heights);
            series.setFillColor(legend ? colours.colour(name) : ChartLook.PALETTE[0]);
        }
        return chart;
    }

    /** Bars take their category's colour when the column declares a few categories (segments, clusters). */
    private static boolean colourByCategory(Field field, List<String> categories) {
        return !field.categories().isEmpty() && categories.size() <= ChartLook.PALETTE.length;
    }

    /**
     * The plotted numbers, one line per (category, series) pair that has rows. A rows column
     * is added when the value is not itself a row count.
     */
    private static CsvTable table(Result r, String category, String series, String valueHeader, boolean withRows) {
        List<String> header = new ArrayList<>();
        header.add(category);
        if (series != null) {
            header.add(series);
        }
        header.add(valueHeader);
        if (withRows) {
            header.add("rows");
        }
        CsvTable table = new CsvTable(header);
        for (int c = 0; c < r.categories().size(); c++) {
            for (int s = 0; s < r.seriesCount(); s++) {
                if (r.rows()[c][s] == 0) {
                    continue;
                }
                List<Object> row = new ArrayList<>();
                row.add(r.categories().get(c));
                if (series != null) {
                    row.add(r.series().get(s));
                }
                row.add(r.values()[c][s]);
                if (withRows) {
                    row.add(r.rows()[c][s]);
                }
                table.row(row.toArray());
            }
        }
        return table;
    }
}
