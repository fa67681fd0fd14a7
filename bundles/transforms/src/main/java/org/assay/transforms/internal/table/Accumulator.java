package org.assay.transforms.internal.table;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.Column;
import org.assay.api.data.FieldType;
import org.assay.api.step.StepFailure;
import org.assay.transforms.internal.SpillCells;

/**
 * The running state of one aggregate for one group. States merge, so a group whose rows fell
 * into several spilled runs is combined in the merge; runs are merged in input order, which
 * keeps first and last right. Not thread-safe; one per group and aggregate.
 */
abstract class Accumulator {

    /**
     * Takes row {@code row} of {@code c} (null for count(*)).
     *
     * @param order the order column of first or last by order ({@code first(amount, day)}), else null
     * @return values newly held in memory (median and count_distinct), for the memory budget
     */
    abstract int add(Column c, Column order, int row) throws StepFailure;

    /** Folds in the state of the same aggregate over later rows of the same group. */
    abstract void merge(Accumulator later) throws StepFailure;

    abstract void write(DataOutput out) throws IOException;

    abstract void read(DataInput in) throws IOException;

    /** Sets the result in column {@code col} of the builder's current row. */
    abstract void emit(BatchBuilder b, int col);

    /**
     * A fresh state for {@code f} over a column of type {@code type} (null for count(*)), ordered
     * by a column of type {@code orderType} for first and last by order (else null).
     */
    static Accumulator of(AggregateFunction f, FieldType type, FieldType orderType) {
        if (orderType != null) {
            return new OrderedPick(type.storage(), orderType.storage(), f == AggregateFunction.FIRST);
        }
        return switch (f) {
            case COUNT -> new Count(type == null);
            case COUNT_DISTINCT -> new Distinct(type.storage());
            case SUM -> type == FieldType.DECIMAL ? new Sums.DecimalSum() : new Sums.IntegerSum();
            case MEAN -> new Sums.Mean();
            case STD -> new Moments();
            case MEDIAN -> new Median();
            case MIN -> new Extreme(type.storage(), -1);
            case MAX -> new Extreme(type.storage(), 1);
            case FIRST -> new Pick(type.storage(), true);
            case LAST -> new Pick(type.storage(), false);
        };
    }

    /** count(*) (every row, {@code nullsToo}) or count(column) (its non-null values). */
    static final class Count extends Accumulator {
        private final boolean nullsToo;
        long n;

        Count(boolean nullsToo) {
            this.nullsToo = nullsToo;
        }

        @Override int add(Column c, Column order, int row) {
            if (nullsToo || !c.isNull(row)) {
                n++;
            }
            return 0;
        }

        @Override void merge(Accumulator later) {
            n += ((Count) later).n;
        }

        @Override void write(DataOutput out) throws IOException {
            out.writeLong(n);
        }

        @Override void read(DataInput in) throws IOException {
            n = in.readLong();
        }

        @Override void emit(BatchBuilder b, int col) {
            b.setLong(col, n);
        }
    }

    /** The sample standard deviation by Welford's update, merged by Chan's formula. */
    static final class Moments extends Accumulator {
        long n;
        double mean;
        double m2;

        @Override int add(Column c, Column order, int row) {
            if (!c.isNull(row)) {
                double v = c.getDouble(row);
                n++;
                double d = v - mean;
                mean += d / n;
                m2 += d * (v - mean);
            }
            return 0;
        }

        @Override void merge(Accumulator later) {
            Moments o = (Moments) later;
            if (o.n == 0) {
                return;
            }
            long total = n + o.n;
            double d = o.mean - mean;
            mean += d * o.n / total;
            m2 += o.m2 + d * d * ((double) n * o.n / total);
            n = total;
        }

        @Override void write(DataOutput out) throws IOException {
            out.writeLong(n);
            out.writeDouble(mean);
            out.writeDouble(m2);
        }

        @Override void read(DataInput in) throws IOException {
            n = in.readLong();
            mean = in.readDouble();
            m2 = in.readDouble();
        }

        @Override void emit(BatchBuilder b, int col) {
            if (n < 2) {
                b.setNull(col);
            } else {
                b.setDouble(col, Math.sqrt(m2 / (n - 1)));
            }
        }
    }

    /** Every non-null value of the group, for the exact median. */
    static final class Median extends Accumulator {
        double[] values = new double[2];
        int n;

        @Override int add(Column c, Column order, int row) {
            if (c.isNull(row)) {
                return 0;
            }
            push(c.getDouble(row));
            return 1;
        }

        private void push(double v) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = v;
        }

        @Override void merge(Accumulator later) {
            Median o = (Median) later;
            for (int i = 0; i < o.n; i++) {
                push(o.values[i]);
            }
        }

        @Override void write(DataOutput out) throws IOException {
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.writeDouble(values[i]);
            }
        }

        @Override void read(DataInput in) throws IOException {
            n = 0;
            int count = in.readInt();
            values = new double[Math.max(2, count)];
            for (int i = 0; i < count; i++) {
                values[n++] = in.readDouble();
            }
        }

        @Override void emit(BatchBuilder b, int col) {
            if (n == 0) {
                b.setNull(col);
                return;
            }
            Arrays.sort(values, 0, n);
            double m = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
            b.setDouble(col, m);
        }
    }

    static final class Distinct extends Accumulator {
        private final FieldType.Storage storage;
        Set<Object> seen = new HashSet<>();

        Distinct(FieldType.Storage storage) {
            this.storage = storage;
        }

        @Override int add(Column c, Column order, int row) {
            Object v = Values.get(c, row);
            return v != null && seen.add(v) ? 1 : 0;
        }

        @Override void merge(Accumulator later) {
            seen.addAll(((Distinct) later).seen);
        }

        @Override void write(DataOutput out) throws IOException {
            out.writeInt(seen.size());
            for (Object v : seen) {
                SpillCells.write(out, storage, v);
            }
        }

        @Override void read(DataInput in) throws IOException {
            int count = in.readInt();
            seen = new HashSet<>(Math.max(4, count * 2));
            for (int i = 0; i < count; i++) {
                seen.add(SpillCells.read(in, storage));
            }
        }

        @Override void emit(BatchBuilder b, int col) {
            b.setLong(col, seen.size());
        }
    }

    /** min (sign -1) or max (sign 1). */
    static final class Extreme extends Accumulator {
        private final FieldType.Storage storage;
        private final int sign;
        Object best;

        Extreme(FieldType.Storage storage, int sign) {
            this.storage = storage;
            this.sign = sign;
        }

        @Override int add(Column c, Column order, int row) {
            offer(Values.get(c, row));
            return 0;
        }

        private void offer(Object v) {
            if (v != null && (best == null || Integer.signum(Values.compare(v, best)) == sign)) {
                best = v;
            }
        }

        @Override void merge(Accumulator later) {
            offer(((Extreme) later).best);
        }

        @Override void write(DataOutput out) throws IOException {
            SpillCells.write(out, storage, best);
        }

        @Override void read(DataInput in) throws IOException {
            best = SpillCells.read(in, storage);
        }

        @Override void emit(BatchBuilder b, int col) {
            Values.set(b, col, best);
        }
    }

    /** first or last non-null value in input order. */
    static final class Pick extends Accumulator {
        private final FieldType.Storage storage;
        private final boolean first;
        Object value;

        Pick(FieldType.Storage storage, boolean first) {
            this.storage = storage;
            this.first = first;
        }

        @Override int add(Column c, Column order, int row) {
            offer(Values.get(c, row));
            return 0;
        }

        private void offer(Object v) {
            if (v != null && (!first || value == null)) {
                value = v;
            }
        }

        @Override void merge(Accumulator later) {
            offer(((Pick) later).value);
        }

        @Override void write(DataOutput out) throws IOException {
            SpillCells.write(out, storage, value);
        }

        @Override void read(DataInput in) throws IOException {
            value = SpillCells.read(in, storage);
        }

        @Override void emit(BatchBuilder b, int col) {
            Values.set(b, col, value);
        }
    }

    /**
     * first or last by order: the value of the row with the smallest (first) or largest (last)
     * order value; ties go to the earlier (first) or later (last) row in input order. Rows whose
     * value or order is null are skipped.
     */
    static final class OrderedPick extends Accumulator {
        private final FieldType.Storage storage;
        private final FieldType.Storage orderStorage;
        private final boolean first;
        Object value;
        Object key;

        OrderedPick(FieldType.Storage storage, FieldType.Storage orderStorage, boolean first) {
            this.storage = storage;
            this.orderStorage = orderStorage;
            this.first = first;
        }

        @Override int add(Column c, Column order, int row) {
            offer(Values.get(c, row), Values.get(order, row));
            return 0;
        }

        /** Offers a later row (or the state of later rows): it wins only by order, or on a tie for last. */
        private void offer(Object v, Object k) {
            if (v == null || k == null) {
                return;
            }
            int c = key == null ? (first ? -1 : 1) : Values.compare(k, key);
            if (first ? c < 0 : c >= 0) {
                value = v;
                key = k;
            }
        }

        @Override void merge(Accumulator later) {
            OrderedPick o = (OrderedPick) later;
            offer(o.value, o.key);
        }

        @Override void write(DataOutput out) throws IOException {
            SpillCells.write(out, storage, value);
            SpillCells.write(out, orderStorage, key);
        }

        @Override void read(DataInput in) throws IOException {
            value = SpillCells.read(in, storage);
            key = SpillCells.read(in, orderStorage);
        }

        @Override void emit(BatchBuilder b, int col) {
            Values.set(b, col, value);
        }
    }
}
