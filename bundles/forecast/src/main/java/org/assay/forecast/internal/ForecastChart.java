package org.assay.forecast.internal;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The forecast chart: history as a line, the forecast as a second line, the prediction
 * interval as a shaded band and the seasonal-naive baseline dashed. Same look as the
 * visualizers' charts (white, light grid, Okabe-Ito colours).
 */
final class ForecastChart {

    private static final Color HISTORY = new Color(0x0072B2);
    private static final Color FORECAST = new Color(0xD55E00);
    private static final Color BAND = new Color(0xD5, 0x5E, 0x00, 0x40);
    private static final Color BASELINE = new Color(0x999999);

    private ForecastChart() {
    }

    static void write(Path file, String title, String valueLabel, Period period, PeriodSeries.Series s,
            Forecaster.Result r, double confidence, int width, int height) throws IOException {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(null)
                .yAxisTitle(valueLabel).build();
        var st = chart.getStyler();
        st.setLocale(Locale.ROOT);
        st.setTimezone(TimeZone.getTimeZone(ZoneOffset.UTC));
        st.setDatePattern(period == Period.MONTH ? "yyyy-MM" : "yyyy-MM-dd");
        st.setBaseFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        st.setChartTitleBoxVisible(false);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderVisible(false);
        st.setPlotGridLinesColor(new Color(0xE4E4E4));
        st.setPlotGridVerticalLinesVisible(false);
        st.setLegendPosition(Styler.LegendPosition.InsideNW);
        st.setLegendBorderColor(Color.WHITE);
        st.setAntiAlias(true);
        st.setTextAntiAlias(true);
        st.setMarkerSize(0);
        st.setXAxisLabelRotation(0);
        st.setYAxisDecimalPattern("#,##0.##");

        int n = s.values().length;
        int h = r.forecast().length;
        List<Date> bandX = new ArrayList<>();
        List<Double> bandY = new ArrayList<>();
        for (int k = 0; k < h; k++) {
            bandX.add(date(period, s.firstPeriod() + n + k));
            bandY.add(r.upper()[k]);
        }
        for (int k = h - 1; k >= 0; k--) {
            bandX.add(date(period, s.firstPeriod() + n + k));
            bandY.add(r.lower()[k]);
        }
        XYSeries band = chart.addSeries(Math.round(100 * confidence) + "% interval", bandX, bandY);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(BAND);
        band.setLineColor(BAND);
        band.setMarker(SeriesMarkers.NONE);

        List<Date> hx = new ArrayList<>();
        List<Double> hy = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hx.add(date(period, s.firstPeriod() + i));
            hy.add(s.values()[i]);
        }
        line(chart, "history", hx, hy, HISTORY, false);
        // The forecast line starts at the last observation so the two lines join.
        List<Date> fx = new ArrayList<>(List.of(hx.get(n - 1)));
        List<Double> fy = new ArrayList<>(List.of(hy.get(n - 1)));
        List<Date> bx = new ArrayList<>(fx);
        List<Double> by = new ArrayList<>(fy);
        for (int k = 0; k < h; k++) {
            fx.add(date(period, s.firstPeriod() + n + k));
            fy.add(r.forecast()[k]);
            bx.add(fx.get(k + 1));
            by.add(r.baseline()[k]);
        }
        line(chart, "forecast: " + r.model(), fx, fy, FORECAST, false);
        line(chart, "seasonal naive", bx, by, BASELINE, true);

        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void line(XYChart chart, String name, List<Date> x, List<Double> y, Color color, boolean dashed) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setLineColor(color);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineWidth(dashed ? 1.5f : 2.2f);
        if (dashed) {
            series.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT,
                    java.awt.BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
        }
    }

    private static Date date(Period period, long index) {
        return Date.from(period.start(index).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
