package org.assay.transforms.internal.combine;

import org.assay.api.data.BatchBuilder;
import org.assay.api.data.Column;

/** Copies one cell between columns of the same storage. Stateless. */
final class Cells {

    private Cells() {
    }

    /** Sets column {@code to} of the builder's current row to {@code from[row]} (null stays null). */
    static void copy(BatchBuilder b, int to, Column from, int row) {
        if (from.isNull(row)) {
            b.setNull(to);
            return;
        }
        switch (from.type().storage()) {
            case LONG -> b.setLong(to, from.longs()[row]);
            case DOUBLE -> b.setDouble(to, from.doubles()[row]);
            case TEXT -> b.setString(to, from.texts()[row]);
        }
    }
}
