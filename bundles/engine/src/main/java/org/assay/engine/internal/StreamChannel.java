package org.assay.engine.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import org.assay.api.data.Batch;
import org.assay.api.data.DataStream;
import org.assay.api.data.Schema;
import org.assay.api.step.StepCancelledException;

/**
 * A streamed edge: a bounded queue of batches from one producer output to one consumer
 * input, both running at once. The producer blocks when {@link #DEPTH} batches wait, the
 * consumer when none does. Either side (or the engine) can abort it, which wakes both with
 * the reason; a consumer that closes its input early makes further writes vanish, as a
 * spool it stopped reading would. Batches are immutable, so they pass as they are.
 */
final class StreamChannel {

    /** Batches in flight per edge: enough to smooth out uneven steps, few enough to bound memory. */
    static final int DEPTH = 4;

    private final String name;
    private final ArrayDeque<Batch> queue = new ArrayDeque<>(DEPTH);
    private Schema schema;
    private boolean complete;
    private boolean consumerDone;
    private String abortReason;

    /** @param name the edge as messages name it, e.g. {@code "a.out -> b.in"} */
    StreamChannel(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** The producer opened its output: the consumer learns the schema. */
    synchronized void open(Schema s) {
        schema = s;
        notifyAll();
    }

    /** Waits for the producer to open its output. */
    synchronized Schema awaitSchema() throws InterruptedIOException {
        while (schema == null && abortReason == null && !complete) {
            await();
        }
        failIfAborted();
        if (schema == null) {
            throw new StepCancelledException("the producer of " + name + " ended without opening its output");
        }
        return schema;
    }

    /** The consumer's side, once the producer opened its output; closing it means the rest is not wanted. */
    DataStream reader() throws IOException {
        Schema s = awaitSchema();
        return new DataStream() {
            @Override
            public Schema schema() {
                return s;
            }

            @Override
            public Batch next() throws IOException {
                return take();
            }

            @Override
            public void close() {
                consumerDone();
            }
        };
    }

    /** Hands a batch to the consumer, waiting while the queue is full. */
    synchronized void put(Batch batch) throws InterruptedIOException {
        while (queue.size() >= DEPTH && abortReason == null && !consumerDone) {
            await();
        }
        failIfAborted();
        if (!consumerDone) {
            queue.addLast(batch);
            notifyAll();
        }
    }

    /** The next batch, or null once the producer completed and the queue is drained. */
    synchronized Batch take() throws InterruptedIOException {
        while (queue.isEmpty() && abortReason == null && !complete) {
            await();
        }
        failIfAborted();
        Batch b = queue.pollFirst();
        if (b != null) {
            notifyAll();
        }
        return b;
    }

    /** The producer's attempt committed: no more batches. */
    synchronized void complete() {
        complete = true;
        notifyAll();
    }

    /** The consumer closed its input (or its attempt ended): the rest is not wanted. */
    synchronized void consumerDone() {
        consumerDone = true;
        queue.clear();
        notifyAll();
    }

    /** Stops both sides: the next or pending call on either throws with {@code reason}. */
    synchronized void abort(String reason) {
        if (abortReason == null && !(complete && queue.isEmpty())) {
            abortReason = reason;
        }
        queue.clear();
        notifyAll();
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
            throw new InterruptedIOException("interrupted while streaming " + name);
        }
    }
}
