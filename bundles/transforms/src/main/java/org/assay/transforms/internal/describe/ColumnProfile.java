package org.assay.transforms.internal.describe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.assay.api.artifact.CsvTable;
import org.assay.api.data.Column;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;

/**
 * The statistics of one column, gathered batch by batch in one pass. Not thread-safe.
 *
 * <p>Methods, as the step's documentation states them: distinct values and their counts are
 * exact up to the distinct budget, after which the distinct count is a {@link HyperLogLog}
 * estimate and only values already counted keep counting (their counts stay exact; a value
 * first seen after the budget filled is not ranked among the top values). Mean and standard
 * deviation (sample, n - 1) are Welford's over every finite value. Quartiles (R type 7) and the
 * histogram come from every value up to the sample size, above it from a seeded reservoir sample.
 */
final class ColumnProfile {

    /** The header of profile.csv, in the order of {@link #row}. */
    static final List<String> HEADER = List.of("column", "type", "tags", "count", "missing", "completeness",
            "invalid", "validity", "distinct", "distinct_method", "uniqueness", "duplicates", "min", "max", "mean",
            "std", "q1", "median", "q3", "quartile_method", "top_values", "histogram", "note");

    private final Field field;
    private final int position;
    private final boolean publishValues;
    private final ProfileParameters p;
    private final Set<String> declaredCategories;
    private final Random random;

    private long count;
    private long missing;
    private long invalid;

    private final Map<Object, long[]> frequencies = new HashMap<>();
    private HyperLogLog overflow;

    private double mean;
    private double m2;
    private long finite;
    private double[] sample = new double[16];
    private int sampled;

    private Comparable<Object> min;
    private Comparable<Object> max;
    private double[] sorted;

    /**
     * @param field    the column's field
     * @param position its index in the input schema
     * @param p        the step's parameters (budgets, seed, allowPii)
     */
    ColumnProfile(Field field, int position, ProfileParameters p) {
        this.field = field;
        this.position = position;
        this.p = p;
        this.publishValues = p.allowPii() || !field.has(FieldTag.PII);
        this.declaredCategories = field.type() == FieldType.CATEGORICAL && !field.categories().isEmpty()
                ? new HashSet<>(field.categories()) : Set.of();
        // One stream per column, so adding a column does not change another column's sample.
        this.random = new Random(p.seed() * 31 + position);
    }

    int position() {
        return position;
    }

    Field field() {
        return field;
    }

    long missing() {
        return missing;
    }

    long invalid() {
        return invalid;
    }

    void add(Column c, int rows) {
        count += rows;
        switch (field.type().storage()) {
            case LONG -> {
                long[] v = c.longs();
                for (int r = 0; r < rows; r++) {
                    if (c.isNull(r)) {
                        nullValue();
                    } else {
                        value(v[r], HyperLogLog.hash(v[r]));
                        if (field.type() == FieldType.INTEGER) {
                            number(v[r]);
                        }
                    }
                }
            }
            case DOUBLE -> {
                double[] v = c.doubles();
                for (int r = 0; r < rows; r++) {
                    if (c.isNull(r)) {
                        nullValue();
                    } else if (!Double.isFinite(v[r])) {
                        // NaN and infinities are not numbers a decimal column declares.
                        invalid++;
                        value(v[r], HyperLogLog.hash(Double.doubleToLongBits(v[r])));
                    } else {
                        double d = v[r] == 0.0 ? 0.0 : v[r]; // -0.0 and 0.0 are one value
                        value(d, HyperLogLog.hash(Double.doubleToLongBits(d)));
                        number(d);
                    }
                }
            }
            case TEXT -> {
                String[] v = c.texts();
                for (int r = 0; r < rows; r++) {
                    if (v[r] == null) {
                        nullValue();
                    } else {
                        if (!declaredCategories.isEmpty() && !declaredCategories.contains(v[r])) {
                            invalid++;
                        }
                        value(v[r], HyperLogLog.hash(v[r]));
                    }
                }
            }
        }
    }

    private void nullValue() {
        missing++;
        if (!field.nullable()) {
            invalid++;
        }
    }

    @SuppressWarnings("unchecked")
    private void value(Object key, long hash) {
        long[] n = frequencies.get(key);
        if (n != null) {
            n[0]++;
        } else if (overflow == null && frequencies.size() < p.distinctBudget()) {
            frequencies.put(key, new long[] {1});
        } else {
            if (overflow == null) {
                overflow = new HyperLogLog();
                for (Object k : frequencies.keySet()) {
                    overflow.addHash(hashOf(k));
                }
            }
        }
        if (overflow != null) {
            overflow.addHash(hash);
        }
        if (publishValues && !(key instanceof Double d && !Double.isFinite(d))) {
            Comparable<Object> k = (Comparable<Object>) key;
            if (min == null || k.compareTo(min) < 0) {
                min = k;
            }
            if (max == null || k.compareTo(max) > 0) {
                max = k;
            }
        }
    }

    private static long hashOf(Object key) {
        if (key instanceof Long l) {
            return HyperLogLog.hash(l);
        }
        if (key instanceof Double d) {
            return HyperLogLog.hash(Double.doubleToLongBits(d));
        }
        return HyperLogLog.hash((String) key);
    }

    private void number(double x) {
        finite++;
        double delta = x - mean;
        mean += delta / finite;
        m2 += delta * (x - mean);
        if (!publishValues) {
            return;
        }
        // Reservoir sampling (Algorithm R): every value has the same chance to be kept.
        if (sampled < p.sampleSize()) {
            if (sampled == sample.length) {
                sample = Arrays.copyOf(sample, (int) Math.min((long) sample.length * 2, p.sampleSize()));
            }
            sample[sampled++] = x;
        } else {
            long j = random.nextLong(finite);
            if (j < sampled) {
                sample[(int) j] = x;
            }
        }
    }

    long distinct() {
        return overflow != null ? overflow.estimate() : frequencies.size();
    }

    boolean distinctExact() {
        return overflow == null;
    }

    /** The column's line in profile.csv. */
    List<String> row() {
        long present = count - missing;
        boolean numeric = field.type().isNumeric();
        List<String> cells = new ArrayList<>(HEADER.size());
        cells.add(field.name());
        cells.add(field.type().jsonName());
        cells.add(field.tags().stream().map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).sorted()
                .collect(Collectors.joining(" ")));
        cells.add(Long.toString(count));
        cells.add(Long.toString(missing));
        cells.add(count == 0 ? "" : CsvTable.number((double) present / count));
        cells.add(Long.toString(invalid));
        cells.add(count == 0 ? "" : CsvTable.number(1 - (double) invalid / count));
        long distinct = distinct();
        cells.add(Long.toString(distinct));
        cells.add(distinctExact() ? "exact" : "hyperloglog");
        if (field.has(FieldTag.ID) && present > 0) {
            cells.add(CsvTable.number(Math.min(1.0, (double) distinct / present)));
            cells.add(Long.toString(Math.max(0, present - distinct)));
        } else {
            cells.add("");
            cells.add("");
        }
        if (!publishValues) {
            for (int i = cells.size(); i < HEADER.size() - 1; i++) {
                cells.add("");
            }
            cells.add("pii: counts only (set allowPii to publish values)");
            return cells;
        }
        cells.add(min == null ? "" : display(min));
        cells.add(max == null ? "" : display(max));
        cells.add(numeric && finite > 0 ? CsvTable.number(mean) : "");
        cells.add(numeric && finite > 1 ? CsvTable.number(Math.sqrt(m2 / (finite - 1))) : "");
        double[] sorted = sortedSample();
        double q1 = Quantiles.of(sorted, sampled, 0.25);
        double q3 = Quantiles.of(sorted, sampled, 0.75);
        cells.add(numeric ? CsvTable.number(q1) : "");
        cells.add(numeric ? CsvTable.number(Quantiles.of(sorted, sampled, 0.5)) : "");
        cells.add(numeric ? CsvTable.number(q3) : "");
        cells.add(!numeric || sampled == 0 ? "" : sampled == finite ? "exact"
                : "sample of " + sampled + " (seed " + p.seed() + ")");
        cells.add(topValues());
        cells.add(numeric ? histogramText() : "");
        cells.add(distinctExact() ? "" : "top values ranked among the first " + p.distinctBudget()
                + " distinct values seen");
        return cells;
    }

    private String topValues() {
        return top().stream().map(e -> e.label() + "=" + e.count()).collect(Collectors.joining("; "));
    }

    /** A value or bin and how many values it holds. */
    record Bar(String label, long count) { }

    /**
     * The most frequent values (at most topValues), most frequent first, ties in value order;
     * empty for a pii column unless allowPii.
     */
    List<Bar> top() {
        if (p.topValues() == 0 || !publishValues) {
            return List.of();
        }
        Comparator<Map.Entry<Object, long[]>> order = Comparator.comparingLong(e -> -e.getValue()[0]);
        @SuppressWarnings("unchecked")
        Comparator<Map.Entry<Object, long[]>> byValue = (a, b) -> ((Comparable<Object>) a.getKey())
                .compareTo(b.getKey());
        return frequencies.entrySet().stream().sorted(order.thenComparing(byValue)).limit(p.topValues())
                .map(e -> new Bar(display(e.getKey()), e.getValue()[0])).toList();
    }

    /** The kept numeric values, sorted once (the profile is complete when it is asked for). */
    private double[] sortedSample() {
        if (sorted == null) {
            sorted = Arrays.copyOf(sample, sampled);
            Arrays.sort(sorted);
        }
        return sorted;
    }

    private String histogramText() {
        return histogram().stream().map(b -> b.label() + ":" + b.count()).collect(Collectors.joining("; "));
    }

    /**
     * Equal-width bins over [min, max] of the kept values, labelled "lo..hi", each bin from lo
     * (inclusive) to hi (exclusive, the last inclusive); empty for a column that is not numeric,
     * has no values, or is pii without allowPii. Integer columns get whole-number widths and
     * inclusive integer bounds, so no bin straddles half a value (which would alternate counts).
     */
    List<Bar> histogram() {
        if (!field.type().isNumeric() || !publishValues || sampled == 0) {
            return List.of();
        }
        double[] values = sortedSample();
        double lo = values[0];
        double hi = values[sampled - 1];
        double iqr = Quantiles.of(values, sampled, 0.75) - Quantiles.of(values, sampled, 0.25);
        int bins = p.bins().bins(sampled, lo, hi, iqr, p.maxBins());
        boolean integer = field.type() == FieldType.INTEGER;
        double width = (hi - lo) / bins;
        if (integer) {
            width = Math.max(1, Math.ceil((hi - lo + 1) / bins));
            bins = (int) Math.ceil((hi - lo + 1) / width);
        }
        long[] counts = new long[bins];
        for (int i = 0; i < sampled; i++) {
            int b = width == 0 ? 0 : (int) Math.min(bins - 1, Math.floor((values[i] - lo) / width));
            counts[b]++;
        }
        List<Bar> out = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            double from = lo + b * width;
            double to = integer ? Math.min(hi, from + width - 1) : b == bins - 1 ? hi : lo + (b + 1) * width;
            out.add(new Bar(CsvTable.number(from) + ".." + CsvTable.number(to), counts[b]));
        }
        return out;
    }

    private String display(Object key) {
        if (key instanceof Long l) {
            return switch (field.type()) {
                case BOOLEAN -> l != 0 ? "true" : "false";
                case DATE -> LocalDate.ofEpochDay(l).toString();
                case TIMESTAMP -> Instant.ofEpochMilli(l).toString();
                default -> Long.toString(l);
            };
        }
        if (key instanceof Double d) {
            return Column.formatDecimal(d);
        }
        return key.toString();
    }
}
