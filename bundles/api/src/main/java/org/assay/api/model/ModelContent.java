package org.assay.api.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The serialized form of a model, opened as a stream. Each call to {@link #open()} returns a
 * new stream from the first byte; the caller closes it. The content lives wherever its
 * creator put it (bytes in memory for a model being written, a file in the run for a model
 * being read); nothing about it says one process holds it.
 */
@ConsumerType
@FunctionalInterface
public interface ModelContent {

    /** Opens the content from its first byte. May be called any number of times. */
    InputStream open() throws IOException;

    /** Content held in memory: a copy of {@code bytes}. */
    static ModelContent of(byte[] bytes) {
        byte[] copy = Objects.requireNonNull(bytes, "bytes").clone();
        return () -> new ByteArrayInputStream(copy);
    }
}
