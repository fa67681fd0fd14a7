package org.assay.forecast.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepContext;

/**
 * Rows aggregated into one value per period and series. Holds one sum and count per
 * (series, period), so memory follows the periods, not the rows.
 */
final class PeriodSeries {

    /** A series ready to forecast: consecutive periods from its first to its last. */
    record Series(String name, long firstPeriod, double[] values, boolean[] filled, double total) {
    }

    private final Period period;
    private final Aggregation aggregation;
    private final int date;
    private final int value;
    private final int[] groups;
    private final Map<String, TreeMap<Long, double[]>> cells = new LinkedHashMap<>();
    private long rows;
    private long rejected;

    PeriodSeries(Schema schema, ForecastParameters p) {
        this.period = p.period();
        this.aggregation = p.aggregation();
        this.date = schema.require(p.dateColumn());
        this.value = p.aggregation() == Aggregation.COUNT ? -1 : schema.require(p.valueColumn().orElseThrow());
        this.groups = p.groupBy().stream().mapToInt(schema::require).toArray();
    }

    void add(Batch b, StepContext ctx) {
        Column d = b.column(date);
        Column v = value < 0 ? null : b.column(value);
        boolean timestamp = d.type() == FieldType.TIMESTAMP;
        for (int r = 0; r < b.rowCount(); r++) {
            rows++;
            if (d.isNull(r) || (v != null && v.isNull(r))) {
                int missing = d.isNull(r) ? date : value;
                ctx.quarantine().reject(rows, b, r, "'" + b.schema().field(missing).name() + "' is empty");
                rejected++;
                continue;
            }
            double x = v == null ? 1 : v.type() == FieldType.DECIMAL ? v.getDouble(r) : v.getLong(r);
            if (!Double.isFinite(x)) {
                ctx.quarantine().reject(rows, b, r, "'" + b.schema().field(value).name() + "' is not a finite number");
                rejected++;
                continue;
            }
            long day = timestamp ? Math.floorDiv(d.getLong(r), 86_400_000L) : d.getLong(r);
            double[] cell = cells.computeIfAbsent(seriesName(b, r), k -> new TreeMap<>())
                    .computeIfAbsent(period.index(day), k -> new double[2]);
            cell[0] += x;
            cell[1]++;
        }
    }

    private String seriesName(Batch b, int r) {
        if (groups.length == 0) {
            return "all";
        }
        StringBuilder name = new StringBuilder();
        for (int g = 0; g < groups.length; g++) {
            Column c = b.column(groups[g]);
            name.append(g == 0 ? "" : " / ").append(c.isNull(r) ? "(empty)" : c.getString(r));
        }
        return name.toString();
    }

    /**
     * Each series over consecutive periods, missing ones filled as asked, largest total first.
     *
     * @throws IllegalStateException naming the gaps when {@code missing} is FAIL
     */
    List<Series> series(MissingPeriods missing) {
        List<Series> result = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Long, double[]>> e : cells.entrySet()) {
            TreeMap<Long, double[]> byPeriod = e.getValue();
            long first = byPeriod.firstKey();
            int n = (int) (byPeriod.lastKey() - first + 1);
            double[] values = new double[n];
            boolean[] filled = new boolean[n];
            double total = 0;
            List<String> gaps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double[] cell = byPeriod.get(first + i);
                if (cell == null) {
                    filled[i] = true;
                    values[i] = Double.NaN;
                    gaps.add(period.start(first + i).toString());
                } else {
                    values[i] = aggregation == Aggregation.MEAN ? cell[0] / cell[1] : cell[0];
                    total += values[i];
                }
            }
            if (!gaps.isEmpty()) {
                if (missing == MissingPeriods.FAIL) {
                    throw new IllegalStateException("series '" + e.getKey() + "' has no rows in " + gaps.size()
                            + " periods (" + String.join(", ", gaps.subList(0, Math.min(5, gaps.size())))
                            + (gaps.size() > 5 ? ", ..." : "") + ")");
                }
                fill(values, missing);
            }
            result.add(new Series(e.getKey(), first, values, filled, total));
        }
        result.sort((a, c) -> Double.compare(Math.abs(c.total()), Math.abs(a.total())));
        return result;
    }

    /** Fills NaN gaps with 0 or along the straight line between the known neighbours (ends are never gaps). */
    private static void fill(double[] values, MissingPeriods missing) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                continue;
            }
            if (missing == MissingPeriods.ZERO) {
                values[i] = 0;
                continue;
            }
            int next = i;
            while (Double.isNaN(values[next])) {
                next++;
            }
            double from = values[i - 1];
            double to = values[next];
            for (int k = i; k < next; k++) {
                values[k] = from + (to - from) * (k - i + 1) / (next - i + 1);
            }
        }
    }

    Period period() {
        return period;
    }

    long rows() {
        return rows;
    }

    long rejected() {
        return rejected;
    }
}
