package org.assay.visualizers.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.assay.api.data.Column;
import org.assay.api.step.StepFailure;
import org.assay.api.step.typed.DescribedValue;

/**
 * Aggregates bar heights batch by batch. Memory grows with the number of distinct
 * (category, series) pairs, not with rows; both counts are capped so a column with a value
 * per customer fails clearly instead of filling the heap. Not thread-safe.
 */
final class BarAggregation {

    /** How the rows of a bar become its height (parameter {@code aggregate}). */
    enum Aggregate implements DescribedValue {
        COUNT("rows, or rows with a value when 'value' is set (like SQL COUNT(column))"),
        SUM("sum of 'value', nulls skipped"),
        MEAN("mean of 'value' over the rows that have one");

        private final String description;

        Aggregate(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }

    /** Order of the bars (parameter {@code sort}). */
    enum Sort implements DescribedValue {
        CATEGORY("the category's natural order (declared categories, numbers, dates, text)"),
        VALUE_DESC("largest value first");

        private final String description;

        Sort(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }

    /** Most distinct categories held while aggregating; far more than any readable chart. */
    static final int MAX_DISTINCT_CATEGORIES = 100_000;
    /** Most distinct series values held while aggregating. */
    static final int MAX_DISTINCT_SERIES = 1_000;
    /** Most series drawn; beyond, the smallest are merged into one "Other" series. */
    static final int MAX_SERIES_SHOWN = 10;

    private final Aggregate aggregate;
    private final Comparator<String> categoryOrder;
    private final Comparator<String> seriesOrder;
    private final Map<String, Cells> groups = new HashMap<>();
    private final Map<String, Integer> seriesIds = new HashMap<>();
    private final List<String> seriesKeys = new ArrayList<>();
    private final String categoryColumn;
    private final String seriesColumn;

    /**
     * @param seriesColumn the series column's name, or null for one series
     * @param seriesOrder  the series column's natural order, or null without a series
     */
    BarAggregation(Aggregate aggregate, String categoryColumn, Comparator<String> categoryOrder,
            String seriesColumn, Comparator<String> seriesOrder) {
        this.aggregate = aggregate;
        this.categoryColumn = categoryColumn;
        this.categoryOrder = categoryOrder;
        this.seriesColumn = seriesColumn;
        this.seriesOrder = seriesOrder != null ? seriesOrder : Comparator.nullsFirst(Comparator.naturalOrder());
        if (seriesColumn == null) {
            seriesIds.put(null, 0);
            seriesKeys.add(null);
        }
    }

    /**
     * Adds one batch's rows.
     *
     * @param category the category column
     * @param series   the series column, or null
     * @param value    the value column (integer, decimal or boolean), or null to count rows
     */
    void add(Column category, Column series, Column value, int rows) throws StepFailure {
        Cells last = null;
        String lastKey = null;
        for (int r = 0; r < rows; r++) {
            String key = category.getString(r);
            // Consecutive rows often share a category (sorted or clustered input): skip the lookup.
            Cells cells = last != null && Objects.equals(key, lastKey) ? last : cellsOf(key);
            last = cells;
            lastKey = key;
            int s = series == null ? 0 : seriesId(series.getString(r));
            if (value == null) {
                cells.add(s, true, 0);
            } else {
                boolean present = !value.isNull(r);
                cells.add(s, present, present ? value.getDouble(r) : 0);
            }
        }
    }

    private Cells cellsOf(String key) throws StepFailure {
        Cells cells = groups.get(key);
        if (cells == null) {
            if (groups.size() >= MAX_DISTINCT_CATEGORIES) {
                throw new StepFailure("parameter 'category': column '" + categoryColumn + "' has more than "
                        + MAX_DISTINCT_CATEGORIES + " distinct values, too many for a bar chart; use a column"
                        + " with fewer values (a segment, a region, a binned amount)");
            }
            cells = new Cells();
            groups.put(key, cells);
        }
        return cells;
    }

    private int seriesId(String key) throws StepFailure {
        Integer id = seriesIds.get(key);
        if (id == null) {
            if (seriesKeys.size() >= MAX_DISTINCT_SERIES) {
                throw new StepFailure("parameter 'series': column '" + seriesColumn + "' has more than "
                        + MAX_DISTINCT_SERIES + " distinct values; use a column with a few values, such as a"
                        + " cluster or a segment");
            }
            id = seriesKeys.size();
            seriesIds.put(key, id);
            seriesKeys.add(key);
        }
        return id;
    }

    /**
     * The bars to draw: at most {@code maxCategories} categories (the smallest merged into
     * "Other (n)", which always comes last) and at most {@link #MAX_SERIES_SHOWN} series.
     * Categories are ranked by their aggregate for count and sum and by their row count
     * for mean, whose small groups are noisy.
     */
    Result result(int maxCategories, Sort sort) {
        return result(maxCategories, sort, true);
    }

    /**
     * As {@link #result(int, Sort)}; {@code otherIsDrawn} false keeps {@code maxCategories} categories
     * before the "Other (n)" entry, since that entry will not take a bar: a "top 10" chart drawn
     * without its Other bar showed 9.
     */
    Result result(int maxCategories, Sort sort, boolean otherIsDrawn) {
        int kept = otherIsDrawn ? maxCategories - 1 : maxCategories;
        // Series: keep the largest by rows, show them in natural order, fold the rest.
        int seriesCount = seriesKeys.size();
        long[] seriesRows = new long[seriesCount];
        for (Cells c : groups.values()) {
            for (int s = 0; s < c.rows.length && s < seriesCount; s++) {
                seriesRows[s] += c.rows[s];
            }
        }
        List<Integer> seriesByRows = new ArrayList<>();
        for (int s = 0; s < seriesCount; s++) {
            seriesByRows.add(s);
        }
        seriesByRows.sort(Comparator.<Integer>comparingLong(s -> -seriesRows[s])
                .thenComparing(s -> seriesKeys.get(s), seriesOrder));
        List<Integer> keptSeries = new ArrayList<>(seriesByRows);
        int foldedSeries = 0;
        if (seriesCount > MAX_SERIES_SHOWN) {
            keptSeries = new ArrayList<>(seriesByRows.subList(0, MAX_SERIES_SHOWN - 1));
            foldedSeries = seriesCount - keptSeries.size();
        }
        keptSeries.sort(Comparator.comparing(s -> seriesKeys.get(s), seriesOrder));
        int[] seriesSlot = new int[seriesCount];
        Arrays.fill(seriesSlot, keptSeries.size());
        List<String> seriesLabels = new ArrayList<>();
        for (int i = 0; i < keptSeries.size(); i++) {
            seriesSlot[keptSeries.get(i)] = i;
            seriesLabels.add(label(seriesKeys.get(keptSeries.get(i))));
        }
        if (foldedSeries > 0) {
            seriesLabels.add(otherLabel(foldedSeries));
        }
        int slots = seriesLabels.size();

        // Categories: merge each group's series into the displayed slots.
        Map<String, Cells> merged = new HashMap<>();
        for (Map.Entry<String, Cells> e : groups.entrySet()) {
            merged.put(e.getKey(), e.getValue().regroup(seriesSlot, slots));
        }
        List<String> keys = new ArrayList<>(merged.keySet());
        Comparator<String> natural = categoryOrder;
        Comparator<String> byRank = Comparator.<String>comparingDouble(k -> -rankOf(merged.get(k))).thenComparing(natural);
        Map<String, Cells> shown = new LinkedHashMap<>();
        Cells other = null;
        int folded = 0;
        if (keys.size() > maxCategories) {
            keys.sort(byRank);
            for (int i = 0; i < keys.size(); i++) {
                if (i < kept) {
                    shown.put(keys.get(i), merged.get(keys.get(i)));
                } else {
                    other = other == null ? new Cells() : other;
                    other.addAll(merged.get(keys.get(i)));
                    folded++;
                }
            }
            keys = new ArrayList<>(shown.keySet());
        } else {
            keys.forEach(k -> shown.put(k, merged.get(k)));
        }
        keys.sort(sort == Sort.CATEGORY ? natural
                : Comparator.<String>comparingDouble(k -> -valueOrZero(total(shown.get(k)))).thenComparing(natural));

        List<String> categoryLabels = new ArrayList<>();
        List<Cells> rowsOf = new ArrayList<>();
        for (String k : keys) {
            categoryLabels.add(label(k));
            rowsOf.add(shown.get(k));
        }
        if (other != null) {
            categoryLabels.add(otherLabel(folded));
            rowsOf.add(other);
        }
        double[][] values = new double[rowsOf.size()][slots];
        long[][] rows = new long[rowsOf.size()][slots];
        for (int c = 0; c < rowsOf.size(); c++) {
            Cells cells = rowsOf.get(c);
            for (int s = 0; s < slots; s++) {
                rows[c][s] = s < cells.rows.length ? cells.rows[s] : 0;
                values[c][s] = rows[c][s] == 0 ? Double.NaN : value(cells.counted[s], cells.sums[s]);
            }
        }
        return new Result(categoryLabels, seriesColumn == null ? List.of() : seriesLabels, values, rows,
                folded, foldedSeries);
    }

    private double rankOf(Cells cells) {
        return aggregate == Aggregate.MEAN ? cells.totalRows() : valueOrZero(total(cells));
    }

    private double total(Cells cells) {
        long counted = 0;
        double sum = 0;
        for (int s = 0; s < cells.rows.length; s++) {
            counted += cells.counted[s];
            sum += cells.sums[s];
        }
        return value(counted, sum);
    }

    private double value(long counted, double sum) {
        return switch (aggregate) {
            case COUNT -> counted;
            case SUM -> sum;
            case MEAN -> counted == 0 ? Double.NaN : sum / counted;
        };
    }

    private static double valueOrZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    static String label(String key) {
        return key == null ? "(missing)" : key;
    }

    private static String otherLabel(int merged) {
        return "Other (" + merged + ")";
    }

    /**
     * Bars ready to draw.
     *
     * @param categories     labels along the x axis, in display order
     * @param series         legend labels; empty when there is no series column
     * @param values         [category][series] bar height; NaN where the pair has no rows
     * @param rows           [category][series] rows behind each bar
     * @param foldedCategories categories merged into "Other", 0 if none
     * @param foldedSeries   series merged into "Other", 0 if none
     */
    record Result(List<String> categories, List<String> series, double[][] values, long[][] rows,
            int foldedCategories, int foldedSeries) {

        int seriesCount() {
            return Math.max(1, series.size());
        }
    }

    /** Per category, running totals indexed by series id. */
    private static final class Cells {
        long[] rows = new long[1];
        long[] counted = new long[1];
        double[] sums = new double[1];

        void add(int series, boolean hasValue, double value) {
            if (series >= rows.length) {
                grow(series + 1);
            }
            rows[series]++;
            if (hasValue) {
                counted[series]++;
                sums[series] += value;
            }
        }

        private void grow(int size) {
            int n = Math.max(size, rows.length * 2);
            rows = Arrays.copyOf(rows, n);
            counted = Arrays.copyOf(counted, n);
            sums = Arrays.copyOf(sums, n);
        }

        void addAll(Cells other) {
            if (other.rows.length > rows.length) {
                grow(other.rows.length);
            }
            for (int s = 0; s < other.rows.length; s++) {
                rows[s] += other.rows[s];
                counted[s] += other.counted[s];
                sums[s] += other.sums[s];
            }
        }

        Cells regroup(int[] slotOfSeries, int slots) {
            Cells out = new Cells();
            out.grow(slots);
            for (int s = 0; s < rows.length && s < slotOfSeries.length; s++) {
                int slot = slotOfSeries[s];
                out.rows[slot] += rows[s];
                out.counted[slot] += counted[s];
                out.sums[slot] += sums[s];
            }
            return out;
        }

        long totalRows() {
            long n = 0;
            for (long r : rows) {
                n += r;
            }
            return n;
        }
    }
}
