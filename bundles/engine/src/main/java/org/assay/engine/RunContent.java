package org.assay.engine;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A file of a run opened for reading: an artifact, the report, the quarantine or the run's
 * log, with what a download needs. The caller closes it; the stream reads the file as it is
 * on disk (a log still being written grows).
 *
 * @param runId       the run
 * @param id          the file's id within the run ({@link ArtifactInfo#id()}, or {@code report},
 *                    {@code quarantine}, {@code log})
 * @param fileName    a name to save it under, without folders
 * @param contentType a MIME type, e.g. {@code text/html; charset=utf-8}
 * @param size        bytes at the moment it was opened
 * @param stream      its content from the first byte
 */
public record RunContent(String runId, String id, String fileName, String contentType, long size, InputStream stream)
        implements Closeable {

    public RunContent {
        Objects.requireNonNull(stream, "stream");
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
