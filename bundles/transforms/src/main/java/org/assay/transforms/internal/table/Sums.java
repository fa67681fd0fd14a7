package org.assay.transforms.internal.table;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.Column;
import org.assay.api.step.StepFailure;

/** The exact sums of {@code aggregate}: sum over integers and booleans, sum and mean over decimals. */
final class Sums {

    private Sums() {
    }

    static final class IntegerSum extends Accumulator {
        long sum;
        boolean any;

        @Override int add(Column c, Column order, int row) throws StepFailure {
            if (!c.isNull(row)) {
                sum = plus(sum, c.longs()[row]);
                any = true;
            }
            return 0;
        }

        private static long plus(long a, long b) throws StepFailure {
            try {
                return Math.addExact(a, b);
            } catch (ArithmeticException e) {
                throw new StepFailure("an integer sum overflowed the 64-bit range; cast the column to decimal "
                        + "with a select step before aggregate to sum it approximately");
            }
        }

        @Override void merge(Accumulator later) throws StepFailure {
            IntegerSum o = (IntegerSum) later;
            sum = plus(sum, o.sum);
            any |= o.any;
        }

        @Override void write(DataOutput out) throws IOException {
            out.writeBoolean(any);
            out.writeLong(sum);
        }

        @Override void read(DataInput in) throws IOException {
            any = in.readBoolean();
            sum = in.readLong();
        }

        @Override void emit(BatchBuilder b, int col) {
            if (any) {
                b.setLong(col, sum);
            } else {
                b.setNull(col);
            }
        }
    }

    /** A decimal sum, exact in decimal ({@link ExactSum}): amounts with cents add up to their cents. */
    static final class DecimalSum extends Accumulator {
        final ExactSum sum = new ExactSum();
        boolean any;

        @Override int add(Column c, Column order, int row) {
            if (!c.isNull(row)) {
                sum.add(c.doubles()[row]);
                any = true;
            }
            return 0;
        }

        @Override void merge(Accumulator later) {
            DecimalSum o = (DecimalSum) later;
            sum.merge(o.sum);
            any |= o.any;
        }

        @Override void write(DataOutput out) throws IOException {
            out.writeBoolean(any);
            sum.write(out);
        }

        @Override void read(DataInput in) throws IOException {
            any = in.readBoolean();
            sum.read(in);
        }

        @Override void emit(BatchBuilder b, int col) {
            if (any) {
                b.setDouble(col, sum.value());
            } else {
                b.setNull(col);
            }
        }
    }

    /** The mean as the exact decimal sum over the count, rounded once: the mean of 0.1 and 0.2 is 0.15. */
    static final class Mean extends Accumulator {
        final ExactSum sum = new ExactSum();
        long n;

        @Override int add(Column c, Column order, int row) {
            if (!c.isNull(row)) {
                sum.add(c.getDouble(row));
                n++;
            }
            return 0;
        }

        @Override void merge(Accumulator later) {
            Mean o = (Mean) later;
            sum.merge(o.sum);
            n += o.n;
        }

        @Override void write(DataOutput out) throws IOException {
            out.writeLong(n);
            sum.write(out);
        }

        @Override void read(DataInput in) throws IOException {
            n = in.readLong();
            sum.read(in);
        }

        @Override void emit(BatchBuilder b, int col) {
            if (n == 0) {
                b.setNull(col);
            } else {
                b.setDouble(col, sum.mean(n));
            }
        }
    }
}
