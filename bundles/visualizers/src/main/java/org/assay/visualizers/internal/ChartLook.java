package org.assay.visualizers.internal;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The one look of Assay charts: white background, light grid, no plot border, readable
 * sans-serif text (DejaVu Sans through the JDK's logical font), and a colour-blind-safe
 * palette; {@link CategoryColours} gives each category value its colour from it, the same in
 * every chart of a run. Every chart is written as PNG and SVG from the same XChart object.
 */
final class ChartLook {

    /**
     * Twelve series colours, so a chart never repeats one below twelve series (RFM has eleven
     * segments). The first five are Okabe–Ito's blue, orange, green, pink and sky blue; the rest
     * come from Paul Tol's colour-blind-aware sets (red, indigo, wine, olive, dark green, rose)
     * and black. Okabe–Ito's vermillion is left out: next to its orange, as a translucent
     * marker, the two read as one orange. Yellow is left out too (unreadable as a line on
     * white). Checked with CIEDE2000, opaque and at the scatter plot's opacity on white, also
     * under simulated protan, deutan and tritan vision (Machado 2009): the first eight stay apart
     * for all four (smallest difference 5.4, pink against the grey of "Other"); past eight some
     * pairs come close for a colour-blind reader (olive and orange, red and dark green). Grey is
     * not in it: {@link #OTHER} is kept for "Other" and missing values, so a real category never
     * looks like the rest. Past twelve the colours repeat; the scatter plot then changes the
     * marker shape ({@link CategoryColours#round}), other charts show at most ten series.
     */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0xCC3311), new Color(0x332288), new Color(0x882255),
        new Color(0xCCBB44), new Color(0x225522), new Color(0xEE6677), new Color(0x000000),
    };
    /** "Other (n)" and "(missing)". */
    static final Color OTHER = new Color(0x999999);
    /** Reference lines (chance diagonal, baselines). */
    static final Color REFERENCE = new Color(0x777777);

    static final Color TEXT = new Color(0x222222);
    private static final Color GRID = new Color(0xE4E4E4);

    private ChartLook() {
    }

    /** The look of charts with axes (bar, scatter, line, histogram, box, heat map, ROC, lift). */
    static void apply(AxesChartStyler styler, boolean legend) {
        applyBase(styler, legend);
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAxisTickLabelsColor(TEXT);
        styler.setAxisTickMarksColor(new Color(0x888888));
        styler.setAxisTitlePadding(8);
        styler.setPlotGridLinesColor(GRID);
        styler.setPlotGridVerticalLinesVisible(false);
    }

    /** The look every chart shares, with axes or without (pie). */
    static void applyBase(Styler styler, boolean legend) {
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
        styler.setSeriesColors(PALETTE);
        styler.setLegendVisible(legend);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendBackgroundColor(Color.WHITE);
        styler.setAntiAlias(true);
        styler.setTextAntiAlias(true);
    }

    /**
     * A title with its notes (sampling, bins, imputed values) can be wider than the chart, and
     * XChart then cuts it at both edges: such a title gets a smaller font, down to 11 points.
     */
    static void fitTitle(Chart<?, ?> chart) {
        String title = chart.getTitle();
        if (title == null || title.isEmpty()) {
            return;
        }
        Font font = chart.getStyler().getChartTitleFont();
        double room = chart.getWidth() - 2.0 * chart.getStyler().getChartPadding();
        double width = font.getStringBounds(title, new java.awt.font.FontRenderContext(null, true, true)).getWidth();
        if (width > room) {
            float size = (float) Math.max(11, Math.floor(font.getSize2D() * room / width));
            chart.getStyler().setChartTitleFont(font.deriveFont(size));
        }
    }

    /** A coordinate rounded to hundredths, without trailing zeros or exponent. */
    static String svgNumber(double v) {
        long hundredths = Math.round(v * 100);
        return hundredths % 100 == 0 ? Long.toString(hundredths / 100)
                : java.math.BigDecimal.valueOf(hundredths, 2).stripTrailingZeros().toPlainString();
    }

    /** {@code c} with the given opacity (0-255), for fills and dense markers. */
    static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /**
     * Readable numbers on axes and labels: whole numbers from 100 up, with thousands separators;
     * below that three significant digits without trailing zeros. Significant digits, not a fixed
     * number of decimals: ticks 0.002 apart read "0.002, 0.004" (two decimals made them all
     * "0.00") and bars of 1.02 and 1.05 read apart (one decimal made both "1.0"/"1.1").
     */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        double abs = Math.abs(v);
        if (abs >= 100 || v == Math.rint(v) || Double.isInfinite(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (abs < 1e-9) {
            // A tick XChart computes as 0 plus rounding noise (5.6e-17).
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * Ticks of an axis that counts (rows, customers): whole numbers only. XChart puts ticks at
     * 0.1, 0.2 ... when every count is 1 or 2; those are left blank rather than read "0.10 rows".
     */
    static String count(double v) {
        return Double.isNaN(v) || v != Math.rint(v) ? "" : String.format(Locale.ROOT, "%,.0f", v);
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

    /**
     * Writes the chart as SVG: XChart paints the same chart onto JFreeSVG's Graphics2D, so the
     * SVG shows what the PNG shows, sharp at any size and when printed (XChart draws its text as
     * outlines, so the labels are paths, not selectable text). The file
     * has no DOCTYPE (nothing to fetch, safe to parse) and a viewBox, so an HTML report can
     * inline it and scale it to a phone's width; its clip and gradient ids start with the file
     * name, so several charts inlined in one page do not share ids.
     */
    static void writeSvg(Chart<?, ?> chart, Path file) throws IOException {
        int width = chart.getWidth();
        int height = chart.getHeight();
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        String name = file.getFileName().toString().replaceFirst("(?i)\\.svg$", "");
        g.setDefsKeyPrefix("assay-" + name.replaceAll("[^A-Za-z0-9_-]", "_") + "-");
        // XChart draws text as glyph outlines; JFreeSVG's default full precision made a box plot
        // 250 KB. Hundredths of a pixel are below what any screen or printer shows.
        g.setGeomDoubleConverter(ChartLook::svgNumber);
        chart.paint(g, width, height);
        String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + CompactSvg.of(g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null)) + "\n";
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(tmp, svg, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
