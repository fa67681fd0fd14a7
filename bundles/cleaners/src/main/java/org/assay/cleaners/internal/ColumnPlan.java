package org.assay.cleaners.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assay.api.data.Column;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;

/**
 * One input column: its strategy, the statistic being gathered and the outcome. Every column
 * has a plan, also those left missing ({@link Strategy#LEAVE}, with the reason), so the summary
 * can account for every column that had missing values. Not thread-safe.
 */
final class ColumnPlan {
    final int index;
    final Field field;
    final Strategy strategy;
    final boolean explicit;
    /** The global strategy this column's type did not fit, when the mode stands in for it; else null. */
    private final Strategy replaced;
    /** Why a {@link Strategy#LEAVE} column is left missing. */
    private final String leftWhy;
    TypedValue value;
    String note = "";
    long nulls;
    long filled;
    private double sum;
    private double compensation;
    private long count;
    ExactMedian median;
    private ModeCounter mode;
    /** The statistic per group of groupBy, when the column is filled per group; else null. */
    private Map<List<Object>, GroupStats> groups;
    private Map<List<Object>, TypedValue> groupValues = Map.of();
    private int medianLimit;
    private boolean overallPending;
    private List<GroupStats> pendingGroups = List.of();
    /** Values filled with the overall statistic because their group had none (or no group key). */
    long fallbackFilled;

    ColumnPlan(int index, Field field, Strategy strategy, TypedValue constant, boolean explicit) {
        this(index, field, strategy, constant, explicit, null, null);
    }

    private ColumnPlan(int index, Field field, Strategy strategy, TypedValue constant, boolean explicit,
            Strategy replaced, String leftWhy) {
        this.index = index;
        this.field = field;
        this.strategy = strategy;
        this.value = constant;
        this.explicit = explicit;
        this.replaced = replaced;
        this.leftWhy = leftWhy;
    }

    /** A column left missing; {@code why} completes "left missing: ...". */
    static ColumnPlan leave(int index, Field field, boolean explicit, String why) {
        return new ColumnPlan(index, field, Strategy.LEAVE, null, explicit, null, why);
    }

    /** A text or categorical column filled with the mode because {@code global} does not apply to it. */
    static ColumnPlan modeInstead(int index, Field field, Strategy global) {
        return new ColumnPlan(index, field, Strategy.MODE, null, false, global, null);
    }

    /** @param grouped whether groupBy is set: mean, median and mode are then gathered per group too */
    void start(int medianLimit, boolean grouped) {
        // Each group's median holds at most 65,536 keys (512 KiB, plus a histogram as large past that),
        // so memory grows with the groups but not with the rows; larger groups take another pass.
        this.medianLimit = Math.min(medianLimit, ImputeStep.MEDIAN_MIN_PER_COLUMN);
        if (grouped && (strategy == Strategy.MEAN || strategy == Strategy.MEDIAN || strategy == Strategy.MODE)) {
            groups = new HashMap<>();
        }
        switch (strategy) {
            case MEDIAN -> median = new ExactMedian(field.type() == FieldType.DECIMAL, medianLimit);
            case MODE -> mode = new ModeCounter(field.type(), ImputeStep.MODE_MAX_DISTINCT);
            default -> { }
        }
    }

    void observe(Column c) {
        nulls += c.nullCount();
        switch (strategy) {
            case MEAN -> {
                for (int r = 0; r < c.size(); r++) {
                    if (!c.isNull(r)) {
                        double v = c.getDouble(r);
                        if (!Double.isNaN(v)) {
                            add(v);
                        }
                    }
                }
            }
            case MEDIAN -> {
                boolean decimal = field.type() == FieldType.DECIMAL;
                for (int r = 0; r < c.size(); r++) {
                    if (!c.isNull(r)) {
                        if (decimal) {
                            median.addDouble(c.doubles()[r]);
                        } else {
                            median.addLong(c.longs()[r]);
                        }
                    }
                }
            }
            case MODE -> mode.add(c);
            case INTERPOLATE, KNN, CONSTANT, LEAVE -> { }
        }
    }

    boolean grouped() {
        return groups != null;
    }

    /** Adds each non-null value to its group's statistic; a row without a group key counts only overall. */
    void observeGroups(Column c, List<Object>[] keys) {
        for (int r = 0; r < c.size(); r++) {
            if (!c.isNull(r) && keys[r] != null) {
                groups.computeIfAbsent(keys[r], k -> new GroupStats(field.type(), strategy, medianLimit)).observe(c, r);
            }
        }
    }

    void endFirstPass() {
        if (median != null) {
            median.endFirstPass();
        }
        if (groups != null && median != null) {
            groups.values().forEach(g -> g.median.endFirstPass());
        }
    }

    /** Whether the overall median or some group's median needs another pass over the input. */
    boolean needsAnotherPass() {
        return median != null && (median.needsAnotherPass()
                || groups != null && groups.values().stream().anyMatch(g -> g.median.needsAnotherPass()));
    }

    void beginRefinePass() {
        overallPending = median.needsAnotherPass();
        pendingGroups = groups == null ? List.of()
                : groups.values().stream().filter(g -> g.median.needsAnotherPass()).toList();
    }

    /** One batch of a refining pass; {@code keys} is null when the column is not grouped. */
    void refine(Column c, List<Object>[] keys) {
        if (overallPending) {
            refine(c);
        }
        if (pendingGroups.isEmpty()) {
            return;
        }
        for (int r = 0; r < c.size(); r++) {
            if (!c.isNull(r) && keys[r] != null) {
                GroupStats g = groups.get(keys[r]);
                if (g.median.needsAnotherPass()) {
                    g.refine(c, r);
                }
            }
        }
    }

    void endRefinePass() {
        if (overallPending) {
            median.endRefinePass();
        }
        pendingGroups.forEach(g -> g.median.endRefinePass());
    }

    /** Kahan summation: a mean over millions of values keeps its last digits. */
    private void add(double v) {
        double y = v - compensation;
        double t = sum + y;
        compensation = (t - sum) - y;
        sum = t;
        count++;
    }

    private void refine(Column c) {
        boolean decimal = field.type() == FieldType.DECIMAL;
        for (int r = 0; r < c.size(); r++) {
            if (!c.isNull(r)) {
                if (decimal) {
                    median.refineDouble(c.doubles()[r]);
                } else {
                    median.refineLong(c.longs()[r]);
                }
            }
        }
    }

    void decide() {
        if (nulls == 0) {
            note = "no missing values";
            value = null;
            return;
        }
        switch (strategy) {
            case MEAN -> value = count == 0 ? null : TypedValue.ofNumber(field.type(), sum / count);
            case MEDIAN -> value = median.count() == 0 ? null : TypedValue.ofNumber(field.type(), median.median());
            case MODE -> {
                value = mode.mode();
                if (mode.approximate()) {
                    note = "mode among the first " + ImputeStep.MODE_MAX_DISTINCT + " distinct values";
                }
            }
            case CONSTANT -> { }
            case INTERPOLATE, KNN -> {
                return;
            }
            case LEAVE -> {
                note = "left missing: " + leftWhy;
                return;
            }
        }
        if (value == null) {
            note = "no values to compute the " + strategy.jsonName() + " from; left empty";
        } else if (replaced != null) {
            decideStandIn();
        }
        if (groups != null && value != null) {
            Map<List<Object>, TypedValue> values = new HashMap<>();
            groups.forEach((k, g) -> {
                TypedValue v = g.value(replaced != null);
                if (v != null) {
                    values.put(k, v);
                }
            });
            groupValues = values;
        }
    }

    /** What interpolation could not fill, for the summary. */
    void interpolated(long noOrder, long atEdge, boolean edgeNearest) {
        List<String> parts = new ArrayList<>();
        if (noOrder > 0) {
            parts.add(noOrder + " left missing: no orderBy value (or no groupBy value) to place them");
        }
        if (atEdge > 0) {
            parts.add(atEdge + " left missing: " + (edgeNearest ? "their series has no known value"
                    : "before the first or after the last known value (edge leave)"));
        }
        note = String.join("; ", parts);
    }

    /** The fill value for a missing value in a row of group {@code key} (null: no group key). */
    TypedValue valueFor(List<Object> key) {
        TypedValue v = key == null ? null : groupValues.get(key);
        if (v == null) {
            fallbackFilled++;
            return value;
        }
        return v;
    }

    /** After the fill: the summary says how many groups had a value and what fell back to the overall one. */
    void noteGroups(List<String> groupBy) {
        if (groups == null || value == null || filled == 0) {
            return;
        }
        String g = "per group of " + String.join(", ", groupBy) + " (" + groupValues.size() + " groups with a "
                + strategy.jsonName() + "); value is the overall " + strategy.jsonName();
        if (fallbackFilled > 0) {
            g += "; " + fallbackFilled + " filled with it because their group had no value or no group key";
        }
        note = note.isEmpty() ? g : note + "; " + g;
    }

    /**
     * The mode in place of a numeric-only strategy: only when some value repeats, since a
     * "most frequent" value seen once is just the alphabetically first (free text, names).
     */
    private void decideStandIn() {
        String doesNotApply = replaced.jsonName() + " does not apply to " + field.type().jsonName();
        if (mode.modeCount() < 2) {
            value = null;
            note = "left missing: " + doesNotApply + ", and no value occurs twice, so there is no mode to fill"
                    + " with; name it in columns with \"constant:<value>\" to fill it";
            return;
        }
        note = (note.isEmpty() ? "" : note + "; ") + doesNotApply + ", so filled with the mode; name it in columns"
                + " with \"leave\" to keep it missing";
    }

    /** What was done, as a sentence for the log: "city: 37 missing, filled with the mode 'Oslo' (...)". */
    String outcome() {
        String head = field.name() + ": " + nulls + " missing, ";
        if (strategy == Strategy.INTERPOLATE) {
            return head + filled + " filled by linear interpolation" + (note.isEmpty() ? "" : "; " + note);
        }
        if (strategy == Strategy.KNN) {
            return head + filled + " filled from the nearest rows" + (note.isEmpty() ? "" : "; " + note);
        }
        if (value == null || filled == 0) {
            return head + note;
        }
        String how = replaced != null ? "the mode" : strategy == Strategy.CONSTANT ? "the constant"
                : "the " + strategy.jsonName();
        return head + "filled with " + how + " '" + value.display() + "'"
                + (replaced != null ? " (" + replaced.jsonName() + " does not apply to " + field.type().jsonName()
                        + ")" : "");
    }

    /** The field after filling: a categorical fill value joins the known categories. */
    Field outField() {
        if (field.type() != FieldType.CATEGORICAL || field.categories().isEmpty()) {
            return field;
        }
        Set<String> added = new LinkedHashSet<>();
        added.add(value.text());
        groupValues.values().stream().map(TypedValue::text).sorted().forEach(added::add);
        added.removeAll(field.categories());
        if (added.isEmpty()) {
            return field;
        }
        List<String> categories = new ArrayList<>(field.categories());
        categories.addAll(added);
        return field.withCategories(categories);
    }
}
