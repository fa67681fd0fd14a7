package org.assay.api.step;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a step puts rows it cannot process. Quarantined rows are kept in the run folder
 * with the step id and the reason, and counted in the run record. Not thread-safe.
 */
@ProviderType
public interface Quarantine {

    /**
     * Records a rejected row.
     *
     * @param rowNumber where the row came from: a 1-based line number for a file, else the
     *                  1-based position in the step's input
     * @param record    the raw row as text, as close to the source as possible; may be null
     * @param reason    plain-language reason, e.g. "column age: 'abc' is not an integer"
     */
    void reject(long rowNumber, String record, String reason);

    /** Rows rejected so far by this step. */
    long count();
}
