package org.assay.transforms.internal.describe;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;

/**
 * The profile's report section: one small chart per column, tiled into PNG sheets (a numeric
 * column's histogram, any other column's top values), so a reader sees every distribution at
 * a glance beside the table. A column with nothing to draw (a pii column without allowPii, all
 * values missing) gets no tile. XChart CategoryChart, rendered headless. Stateless.
 */
final class ProfileCharts {

    /** Tiles per sheet, and the columns of the sheet's grid. */
    static final int PER_SHEET = 12;
    static final int GRID_COLUMNS = 3;
    /** Sheets per run: wide tables still get a bounded report; the CSV has every column. */
    static final int MAX_SHEETS = 5;
    private static final int TILE_WIDTH = 360;
    private static final int TILE_HEIGHT = 220;
    private static final int MAX_LABEL = 14;
    private static final Color BAR = new Color(0x0072B2);
    private static final Color TOP_BAR = new Color(0x009E73);

    private ProfileCharts() {
    }

    /** One tile: the column, what the bars are, and the bars. */
    record Tile(String column, boolean histogram, List<ColumnProfile.Bar> bars) { }

    /** The tiles of the columns that have something to draw, in column order. */
    static List<Tile> tiles(List<ColumnProfile> columns) {
        List<Tile> tiles = new ArrayList<>();
        for (ColumnProfile c : columns) {
            List<ColumnProfile.Bar> histogram = c.histogram();
            if (!histogram.isEmpty()) {
                tiles.add(new Tile(c.field().name(), true, histogram));
                continue;
            }
            List<ColumnProfile.Bar> top = c.top();
            if (!top.isEmpty()) {
                tiles.add(new Tile(c.field().name(), false, top));
            }
        }
        return tiles;
    }

    /**
     * Writes the sheets as {@code profile-charts-1.png}, ... into {@code dir}.
     *
     * @return the files written, at most {@link #MAX_SHEETS}
     */
    static List<Path> write(Path dir, List<Tile> tiles) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int from = 0; from < tiles.size() && files.size() < MAX_SHEETS; from += PER_SHEET) {
            List<Tile> sheet = tiles.subList(from, Math.min(tiles.size(), from + PER_SHEET));
            Path file = dir.resolve("profile-charts-" + (files.size() + 1) + ".png");
            writeSheet(file, sheet);
            files.add(file);
        }
        return files;
    }

    private static void writeSheet(Path file, List<Tile> tiles) throws IOException {
        int columns = Math.min(GRID_COLUMNS, tiles.size());
        int rows = (tiles.size() + GRID_COLUMNS - 1) / GRID_COLUMNS;
        BufferedImage sheet = new BufferedImage(columns * TILE_WIDTH, rows * TILE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            for (int i = 0; i < tiles.size(); i++) {
                BufferedImage tile = BitmapEncoder.getBufferedImage(chart(tiles.get(i)));
                g.drawImage(tile, (i % GRID_COLUMNS) * TILE_WIDTH, (i / GRID_COLUMNS) * TILE_HEIGHT, null);
            }
        } finally {
            g.dispose();
        }
        // Written beside the target first, so a failed render never leaves half an image in the report.
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        if (!ImageIO.write(sheet, "png", tmp.toFile())) {
            throw new IOException("no PNG writer in this JVM");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static CategoryChart chart(Tile t) {
        CategoryChart chart = new CategoryChartBuilder().width(TILE_WIDTH).height(TILE_HEIGHT)
                .title(shorten(t.column(), 40) + (t.histogram() ? "" : " (top values)")).build();
        CategoryStyler s = chart.getStyler();
        s.setLocale(Locale.ROOT);
        s.setBaseFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        s.setChartTitleBoxVisible(false);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridVerticalLinesVisible(false);
        s.setPlotGridLinesColor(new Color(0xE4E4E4));
        s.setChartPadding(6);
        s.setLegendVisible(false);
        s.setYAxisMin(0.0);
        s.setYAxisDecimalPattern("#,##0");
        s.setAvailableSpaceFill(t.histogram() ? 0.98 : 0.7);
        s.setOverlapped(false);
        s.setXAxisLabelRotation(t.bars().size() > 4 ? 45 : 0);
        // A histogram's many bins are read by shape; only a few of their bounds fit under the bars.
        s.setXAxisTickMarkSpacingHint(t.histogram() ? 40 : 10);
        List<String> labels = labels(t.bars());
        List<Long> counts = t.bars().stream().map(ColumnProfile.Bar::count).toList();
        CategorySeries series = chart.addSeries(t.column(), labels, counts);
        series.setFillColor(t.histogram() ? BAR : TOP_BAR);
        return chart;
    }

    /** Short, distinct labels: XChart needs distinct categories, so a clash keeps the full text. */
    private static List<String> labels(List<ColumnProfile.Bar> bars) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ColumnProfile.Bar b : bars) {
            String label = shorten(b.label(), MAX_LABEL);
            if (!seen.add(label)) {
                label = b.label() + " #" + out.size();
                seen.add(label);
            }
            out.add(label);
        }
        return out;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
