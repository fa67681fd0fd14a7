package org.assay.api.data;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a step writes the batches of one output port. Obtained from the step context;
 * the engine counts rows, spools them and hands them to downstream steps. Not thread-safe.
 */
@ProviderType
public interface BatchSink {

    /** The schema declared when the output was opened; every written batch must have it. */
    Schema schema();

    /**
     * Appends a batch. Empty batches are ignored.
     *
     * @throws IllegalArgumentException if the batch's schema differs from {@link #schema()}
     * @throws IOException              if the engine cannot store the batch
     */
    void write(Batch batch) throws IOException;
}
