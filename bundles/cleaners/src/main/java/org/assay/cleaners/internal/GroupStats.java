package org.assay.cleaners.internal;

import org.assay.api.data.Column;
import org.assay.api.data.FieldType;

/**
 * The statistic of one column within one group of {@code groupBy}: the same mean, exact
 * median and mode the whole column gets, so each group's median keeps the bounded memory
 * and extra passes of {@link ExactMedian}. Not thread-safe.
 */
final class GroupStats {
    private final FieldType type;
    private final Strategy strategy;
    private double sum;
    private double compensation;
    private long count;
    final ExactMedian median;
    private final ModeCounter mode;

    GroupStats(FieldType type, Strategy strategy, int medianLimit) {
        this.type = type;
        this.strategy = strategy;
        this.median = strategy == Strategy.MEDIAN ? new ExactMedian(type == FieldType.DECIMAL, medianLimit, 8) : null;
        this.mode = strategy == Strategy.MODE ? new ModeCounter(type, ImputeStep.MODE_MAX_DISTINCT) : null;
    }

    /** Adds the value in row {@code r} of {@code c}, which is not null. */
    void observe(Column c, int r) {
        switch (strategy) {
            case MEAN -> {
                double v = c.getDouble(r);
                if (!Double.isNaN(v)) {
                    // Kahan summation, as for the whole column.
                    double y = v - compensation;
                    double t = sum + y;
                    compensation = (t - sum) - y;
                    sum = t;
                    count++;
                }
            }
            case MEDIAN -> {
                if (type == FieldType.DECIMAL) {
                    median.addDouble(c.doubles()[r]);
                } else {
                    median.addLong(c.longs()[r]);
                }
            }
            case MODE -> mode.addRow(c, r);
            default -> { }
        }
    }

    void refine(Column c, int r) {
        if (type == FieldType.DECIMAL) {
            median.refineDouble(c.doubles()[r]);
        } else {
            median.refineLong(c.longs()[r]);
        }
    }

    /**
     * The group's fill value, or null when it has none; a stand-in mode (for a numeric-only
     * strategy on text) only when some value occurs twice in the group.
     */
    TypedValue value(boolean standIn) {
        return switch (strategy) {
            case MEAN -> count == 0 ? null : TypedValue.ofNumber(type, sum / count);
            case MEDIAN -> median.count() == 0 ? null : TypedValue.ofNumber(type, median.median());
            case MODE -> standIn && mode.modeCount() < 2 ? null : mode.mode();
            default -> null;
        };
    }
}
