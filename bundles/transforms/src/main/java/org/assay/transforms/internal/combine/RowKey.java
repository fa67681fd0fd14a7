package org.assay.transforms.internal.combine;

import java.util.Arrays;
import java.util.List;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.transforms.internal.ParameterMisfit;

/**
 * The key of one row over one or more key columns, as a value fit for a hash map. Values are
 * boxed as {@link Column#get} gives them (Long, Double, Boolean, LocalDate, Instant, String), so
 * a string key equals a categorical key with the same text. A row with a null in any key column
 * has no key ({@link #of} returns null) and, as in SQL, matches nothing. Stateless.
 */
final class RowKey {

    private RowKey() {
    }

    /** The key of {@code row}, or null when one of its key cells is null. */
    static Object of(Batch batch, int[] keyColumns, int row) {
        if (keyColumns.length == 1) {
            return batch.column(keyColumns[0]).get(row);
        }
        Object[] parts = new Object[keyColumns.length];
        for (int k = 0; k < keyColumns.length; k++) {
            Object v = batch.column(keyColumns[k]).get(row);
            if (v == null) {
                return null;
            }
            parts[k] = v;
        }
        return Arrays.asList(parts);
    }

    /**
     * Positions of the named columns in {@code schema}; throws the one "no such column" wording,
     * at {@code parameter}.
     */
    static int[] positions(String parameter, List<String> names, Schema schema, String where) throws ParameterMisfit {
        int[] at = new int[names.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = schema.indexOf(names.get(i));
            if (at[i] < 0) {
                throw new ParameterMisfit(parameter,
                        org.assay.api.data.ColumnNotFound.message(names.get(i), schema, where));
            }
        }
        return at;
    }

    /**
     * Whether two key columns can be matched: the same type, or string with categorical (both
     * compared as text). Integer and decimal keys are not matched: equality of binary doubles
     * is a poor join condition; cast one side with {@code select} first.
     */
    static boolean compatible(FieldType a, FieldType b) {
        return a == b || (a.storage() == FieldType.Storage.TEXT && b.storage() == FieldType.Storage.TEXT);
    }

    /** The first key pair whose types cannot be matched, as a message; null when all match. */
    static String mismatch(List<String> leftNames, Schema left, String leftPort,
            List<String> rightNames, Schema right, String rightPort) {
        for (int i = 0; i < leftNames.size(); i++) {
            FieldType a = left.field(leftNames.get(i)).type();
            FieldType b = right.field(rightNames.get(i)).type();
            if (!compatible(a, b)) {
                return "key column '" + leftNames.get(i) + "' of input '" + leftPort + "' is " + a.jsonName()
                        + " but key column '" + rightNames.get(i) + "' of input '" + rightPort + "' is "
                        + b.jsonName() + "; keys must have the same type (string and categorical match): cast one"
                        + " side with a select step before this one";
            }
        }
        return null;
    }
}
