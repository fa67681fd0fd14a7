package org.assay.visualizers.internal;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The one look of Assay charts: white background, light grid, no plot border, readable
 * sans-serif text (DejaVu Sans through the JDK's logical font), and a colour-blind-safe
 * palette so a series has the same colour in every chart of a report.
 */
final class ChartLook {

    /** Okabe–Ito colours (blue first), distinguishable with the common colour-vision deficiencies. */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000),
        new Color(0x999999), new Color(0x7F5F00),
    };

    private static final Color TEXT = new Color(0x222222);
    private static final Color GRID = new Color(0xE4E4E4);

    private ChartLook() {
    }

    static void apply(AxesChartStyler styler, boolean legend) {
        styler.setLocale(Locale.ROOT);
        styler.setBaseFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitlePadding(10);
        styler.setChartFontColor(TEXT);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setChartPadding(14);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridLinesColor(GRID);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAxisTickLabelsColor(TEXT);
        styler.setAxisTickMarksColor(new Color(0x888888));
        styler.setAxisTitlePadding(8);
        styler.setSeriesColors(PALETTE);
        styler.setLegendVisible(legend);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendBackgroundColor(Color.WHITE);
        styler.setAntiAlias(true);
        styler.setTextAntiAlias(true);
    }

    /** Readable numbers on axes and labels: thousands separators, at most two decimals. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        double abs = Math.abs(v);
        String pattern = abs >= 100 || v == Math.rint(v) ? "%,.0f" : abs >= 1 ? "%,.1f" : "%,.2f";
        return String.format(Locale.ROOT, pattern, v);
    }

    /** Shortens a long label for an axis; the CSV table keeps the full text. */
    static String shorten(String label, int max) {
        return label.length() <= max ? label : label.substring(0, max - 1) + "\u2026";
    }

    /**
     * Writes the chart as PNG. Written to a temporary file first, so a failed render never
     * leaves a half-written image in the report.
     */
    static void writePng(Chart<?, ?> chart, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
