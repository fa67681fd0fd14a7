package org.assay.api.data;

import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A pull-based stream of batches that share one schema. The consumer asks for the next
 * batch when it is ready for it, which bounds memory for streaming steps. Not thread-safe:
 * one consumer per stream. Always close it (try-with-resources).
 */
@ConsumerType
public interface DataStream extends AutoCloseable {

    /** The schema every batch of this stream has. Known before the first batch. */
    Schema schema();

    /**
     * The next batch, or {@code null} when the stream is exhausted. A returned batch is
     * never empty.
     *
     * @throws IOException when the underlying storage cannot be read
     */
    Batch next() throws IOException;

    @Override
    void close() throws IOException;
}
