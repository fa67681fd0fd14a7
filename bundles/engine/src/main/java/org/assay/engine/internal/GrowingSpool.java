package org.assay.engine.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assay.api.data.DataStream;
import org.assay.api.step.StepCancelledException;

/**
 * A spool file its readers follow while the producer still writes it: a tailed edge. The
 * writer flushes after each batch and says so here; a reader at the current end of the file
 * waits for the next batch instead of seeing its end, until the writer closes the file (its
 * end marker is then the real end) or the engine aborts the attempt. The producer never
 * waits for its readers, so a reader that reads the file twice (a two-pass step) costs the
 * producer nothing.
 */
final class GrowingSpool {

    private final String name;
    private Path file;
    private long version;
    private boolean closed;
    private String abortReason;

    /** @param name the edge as messages name it */
    GrowingSpool(String name) {
        this.name = name;
    }

    /** The producer created the file (its header is flushed). */
    synchronized void opened(Path f) {
        file = f;
        version++;
        notifyAll();
    }

    /** A batch was flushed. */
    synchronized void grew() {
        version++;
        notifyAll();
    }

    /** The file is complete: its end marker is written and flushed. */
    synchronized void closed() {
        closed = true;
        version++;
        notifyAll();
    }

    /** The producer's attempt will not complete the file: readers stop with {@code reason}. */
    synchronized void abort(String reason) {
        if (abortReason == null && !closed) {
            abortReason = reason;
        }
        notifyAll();
    }

    /** Opens the spool from its start, waiting for the producer to create it. */
    DataStream open() throws IOException {
        Path f;
        synchronized (this) {
            while (file == null && abortReason == null && !closed) {
                await();
            }
            failIfAborted();
            if (file == null) {
                throw new StepCancelledException("the producer of " + name + " ended without opening its output");
            }
            f = file;
        }
        return SpoolFile.open(new Following(Files.newInputStream(f)), f.toString());
    }

    private void failIfAborted() {
        if (abortReason != null) {
            throw new StepCancelledException(abortReason);
        }
    }

    private void await() throws InterruptedIOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while following " + name);
        }
    }

    /** Reads on at the end of the file once the writer flushed more. */
    private final class Following extends FilterInputStream {

        Following(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (true) {
                long seen;
                boolean complete;
                synchronized (GrowingSpool.this) {
                    failIfAborted();
                    seen = version;
                    complete = closed;
                }
                int n = in.read(b, off, len);
                if (n > 0 || complete || len == 0) {
                    // Closed before this read: whatever the file holds is all there will be.
                    return n;
                }
                synchronized (GrowingSpool.this) {
                    while (version == seen && abortReason == null) {
                        await();
                    }
                }
            }
        }
    }
}
