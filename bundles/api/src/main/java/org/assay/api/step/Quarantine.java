package org.assay.api.step;

import java.util.List;
import org.assay.api.data.Batch;
import org.assay.api.data.FieldTag;
import org.assay.api.data.PiiMask;
import org.assay.api.data.Schema;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a step puts rows it cannot process. Quarantined rows are kept in the run folder
 * with the step id and the reason, and counted in the run record. Not thread-safe.
 *
 * <p>The quarantine file is a side file: it must not carry personal data. Rows of data go
 * through the schema-aware forms, which mask every field tagged
 * {@link org.assay.api.data.FieldTag#PII}. Reasons
 * must not quote the value of a pii column; see {@link #mayShow(Schema, String)}.
 */
@ProviderType
public interface Quarantine {

    /**
     * Records a rejected row given as text that holds no personal data (a line that could not
     * be split into fields when the source has no pii columns, a summary).
     *
     * @param rowNumber where the row came from: a 1-based line number for a file, else the
     *                  1-based position in the step's input
     * @param record    the row as text, as close to the source as possible; may be null
     * @param reason    plain-language reason, e.g. "column age: 'abc' is not an integer"
     */
    void reject(long rowNumber, String record, String reason);

    /**
     * Records a rejected row given as its cells, in the order of {@code schema}'s fields. The
     * engine masks the cells of pii fields; when the number of cells does not match the
     * schema (a malformed line) and the schema has a pii field, every cell is masked, since
     * no cell can be told apart.
     */
    default void reject(long rowNumber, Schema schema, List<String> cells, String reason) {
        reject(rowNumber, PiiMask.line(PiiMask.maskCells(schema, cells)), reason);
    }

    /** Records row {@code row} of {@code batch} (0-based in the batch), masking pii fields. */
    default void reject(long rowNumber, Batch batch, int row, String reason) {
        reject(rowNumber, PiiMask.line(PiiMask.maskedRow(batch, row)), reason);
    }

    /**
     * Whether a reason may quote a value of {@code column}: false for a pii column, and for a
     * column the schema does not have.
     */
    default boolean mayShow(Schema schema, String column) {
        return schema.contains(column) && !schema.field(column).has(FieldTag.PII);
    }

    /** Rows rejected so far by this step. */
    long count();
}
