package org.assay.visualizers.internal;

import java.util.Optional;

import org.assay.api.data.Field;

/**
 * Names in a chart's legend that read as words, not as column names: the legend is for the
 * reader of the report, the CSV beside the chart keeps the exact column names.
 */
final class LegendNames {

    private LegendNames() {
    }

    /**
     * The legend's name of a line: a 'y' column's name read as words ("repeat_rate" reads "repeat
     * rate"); a value of the series column as it is, since it is data the reader knows. The CSV
     * keeps the column name.
     */
    static String line(String line, Field seriesField) {
        return seriesField == null ? words(line) : line;
    }

    /**
     * The legend's name of a line's band: the step's 'bandLabel' when given (prefixed with the
     * line when several lines are drawn, so each band is told apart), else "nps interval (nps low
     * to nps high)" from the column names.
     */
    static String band(String line, String lower, String upper, Optional<String> label, boolean onlyLine) {
        if (label.isPresent()) {
            return onlyLine ? label.get() : ChartLook.shorten(line, 24) + " " + label.get();
        }
        return ChartLook.shorten(line, 24) + " interval (" + words(lower) + " to " + words(upper) + ")";
    }

    /** A column name as words: underscores read as spaces; a name of only underscores stays as it is. */
    static String words(String name) {
        String w = name.replace('_', ' ').trim().replaceAll(" +", " ");
        return w.isEmpty() ? name : w;
    }
}
