package org.assay.cleaners.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.assay.api.data.Column;
import org.assay.api.step.StepFailure;

/**
 * Linear interpolation of the {@code interpolate} columns along {@code orderBy}, per series
 * of {@code groupBy}. The input need not be sorted: during the statistics pass it buffers,
 * per row, only the order value (8 bytes), the series (4 bytes) and each interpolated value
 * (8 bytes), then sorts the row numbers by (series, order, row) and computes the fill value
 * of every missing cell (8 bytes per row and column), which the fill pass reads by row
 * number. Rows with no order value are left missing and counted. Not thread-safe.
 */
final class Interpolation {

    private final List<ColumnPlan> plans;
    private final boolean edgeNearest;
    private double[] order = new double[1024];
    private int[] series = new int[1024];
    private final double[][] values;
    private final Map<List<Object>, Integer> seriesIds = new HashMap<>();
    private int rows;
    /** Per plan, per row: the fill value, NaN where the cell stays as it is. */
    private double[][] fills;

    Interpolation(List<ColumnPlan> plans, boolean edgeNearest) {
        this.plans = plans;
        this.edgeNearest = edgeNearest;
        this.values = new double[plans.size()][1024];
    }

    /** Buffers one batch; {@code keys} is null without groupBy. */
    void observe(Column orderColumn, List<Object>[] keys, List<Column> columns) throws StepFailure {
        int n = orderColumn.size();
        if ((long) rows + n > Integer.MAX_VALUE - 16) {
            throw new StepFailure("interpolate buffers the order column in memory and takes at most "
                    + (Integer.MAX_VALUE - 16) + " rows; split the input, e.g. by a groupBy column");
        }
        if (rows + n > order.length) {
            int size = Math.max(rows + n, order.length * 2);
            order = Arrays.copyOf(order, size);
            series = Arrays.copyOf(series, size);
            for (int i = 0; i < values.length; i++) {
                values[i] = Arrays.copyOf(values[i], size);
            }
        }
        for (int r = 0; r < n; r++) {
            order[rows + r] = orderColumn.isNull(r) ? Double.NaN : orderColumn.getDouble(r);
            List<Object> key = keys == null ? List.of() : keys[r];
            series[rows + r] = key == null ? -1 : seriesIds.computeIfAbsent(key, k -> seriesIds.size());
            for (int i = 0; i < values.length; i++) {
                Column c = columns.get(i);
                values[i][rows + r] = c.isNull(r) ? Double.NaN : c.getDouble(r);
            }
        }
        rows += n;
    }

    /** Sorts the rows into series and computes every fill value; sets each plan's counts and note. */
    void compute() {
        int[] sorted = IntStream.range(0, rows).boxed().sorted((a, b) -> {
            int c = Integer.compare(series[a], series[b]);
            if (c != 0) {
                return c;
            }
            c = Double.compare(order[a], order[b]);
            return c != 0 ? c : Integer.compare(a, b);
        }).mapToInt(Integer::intValue).toArray();
        fills = new double[plans.size()][];
        for (int i = 0; i < plans.size(); i++) {
            fills[i] = new double[rows];
            Arrays.fill(fills[i], Double.NaN);
            compute(i, sorted);
        }
        order = null;
        series = null;
    }

    private void compute(int column, int[] sorted) {
        double[] v = values[column];
        double[] fill = fills[column];
        long noOrder = 0;
        long atEdge = 0;
        int start = 0;
        while (start < rows) {
            int end = start;
            while (end < rows && series[sorted[end]] == series[sorted[start]]) {
                end++;
            }
            // Within one series, in order; rows with no order value (or no series key) sort last or apart.
            int previous = -1;
            int nextPos = start;
            for (int k = start; k < end; k++) {
                int row = sorted[k];
                if (!Double.isNaN(v[row]) || series[row] < 0 || Double.isNaN(order[row])) {
                    if (!Double.isNaN(v[row]) && series[row] >= 0 && !Double.isNaN(order[row])) {
                        previous = row;
                    } else if (Double.isNaN(v[row])) {
                        noOrder++;
                    }
                    continue;
                }
                // The next known value moves only forward: the whole series is walked once.
                if (nextPos <= k) {
                    nextPos = k + 1;
                    while (nextPos < end && (Double.isNaN(v[sorted[nextPos]]) || Double.isNaN(order[sorted[nextPos]]))) {
                        nextPos++;
                    }
                }
                int next = nextPos < end ? sorted[nextPos] : -1;
                if (previous >= 0 && next >= 0) {
                    double span = order[next] - order[previous];
                    fill[row] = span == 0 ? (v[previous] + v[next]) / 2
                            : v[previous] + (v[next] - v[previous]) * (order[row] - order[previous]) / span;
                } else if (edgeNearest && (previous >= 0 || next >= 0)) {
                    fill[row] = v[previous >= 0 ? previous : next];
                } else {
                    atEdge++;
                }
            }
            start = end;
        }
        values[column] = null;
        ColumnPlan p = plans.get(column);
        p.interpolated(noOrder, atEdge, edgeNearest);
    }

    /** The fill value of row {@code row} (counted over the whole input) of plan {@code i}, or null. */
    TypedValue valueAt(int i, long row) {
        double f = fills[i][(int) row];
        return Double.isNaN(f) ? null : TypedValue.ofNumber(plans.get(i).field.type(), f);
    }
}
