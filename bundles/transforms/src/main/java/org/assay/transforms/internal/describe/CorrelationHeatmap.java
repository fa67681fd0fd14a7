package org.assay.transforms.internal.describe;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;

/** A correlation matrix as a PNG heatmap (XChart's HeatMapChart), scaled -1 (blue) to 1 (red). */
final class CorrelationHeatmap {

    /** More columns than this make cells too small to read: no image, the table has every pair. */
    static final int MAX_COLUMNS = 40;

    private CorrelationHeatmap() {
    }

    /**
     * Writes the matrix; an undefined coefficient (NaN) is left as an empty cell.
     *
     * @param names  the columns, in matrix order
     * @param matrix symmetric, with 1 on the diagonal
     * @return false, writing nothing, when no coefficient is defined (XChart cannot draw an empty map)
     */
    static boolean write(Path file, String title, List<String> names, double[][] matrix) throws IOException {
        int size = Math.max(480, Math.min(1600, 160 + 36 * names.size()));
        HeatMapChart chart = new HeatMapChartBuilder().width(size + 120).height(size).title(title).build();
        HeatMapStyler styler = chart.getStyler();
        styler.setBaseFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setMin(-1);
        styler.setMax(1);
        styler.setRangeColors(new Color[] {new Color(0x2166ac), new Color(0xf7f7f7), new Color(0xb2182b)});
        styler.setShowValue(names.size() <= 15);
        styler.setHeatMapValueDecimalPattern("0.00");
        styler.setXAxisLabelRotation(45);
        List<String> labels = names.stream().map(n -> n.length() <= 24 ? n : n.substring(0, 23) + "\u2026").toList();
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < names.size(); j++) {
                if (!Double.isNaN(matrix[i][j])) {
                    cells.add(new Number[] {i, j, matrix[i][j]});
                }
            }
        }
        if (cells.isEmpty()) {
            return false;
        }
        chart.addSeries(title, labels, labels, cells);
        // Written beside the target first, so a failed render never leaves half an image in the report.
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
