package org.assay.cleaners.internal;

import java.util.ArrayList;
import java.util.List;
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

    void start(int medianLimit) {
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
            case CONSTANT, LEAVE -> { }
        }
    }

    /** Kahan summation: a mean over millions of values keeps its last digits. */
    private void add(double v) {
        double y = v - compensation;
        double t = sum + y;
        compensation = (t - sum) - y;
        sum = t;
        count++;
    }

    void refine(Column c) {
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
        if (field.type() == FieldType.CATEGORICAL && !field.categories().isEmpty()
                && !field.categories().contains(value.text())) {
            List<String> categories = new ArrayList<>(field.categories());
            categories.add(value.text());
            return field.withCategories(categories);
        }
        return field;
    }
}
