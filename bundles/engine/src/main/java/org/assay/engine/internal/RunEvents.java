package org.assay.engine.internal;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.assay.engine.RunEvent;
import org.assay.engine.RunListener;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RunListener} whiteboard: hands each run event to every listener service without
 * letting one harm a run or the others. Each listener has its own bounded queue and its own
 * daemon thread, so {@link #publish} never blocks and never runs listener code; a listener that
 * blocks fills only its own queue, after which its events are dropped and counted; one that
 * throws is logged and keeps getting events.
 */
@Component(service = RunEvents.class)
public final class RunEvents {

    private static final Logger LOG = LoggerFactory.getLogger(RunEvents.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Map<RunListener, Delivery> deliveries = new ConcurrentHashMap<>();
    private final int capacity;

    public RunEvents() {
        this(RunListener.QUEUE_CAPACITY);
    }

    /** @param capacity events a listener may lag behind before newer ones are dropped */
    RunEvents(int capacity) {
        this.capacity = capacity;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(RunListener listener) {
        deliveries.computeIfAbsent(listener, l -> new Delivery(l, capacity));
    }

    void removeListener(RunListener listener) {
        Delivery d = deliveries.remove(listener);
        if (d != null) {
            d.stop();
        }
    }

    /** Queues the event for every listener; returns at once, on the caller's thread. */
    void publish(RunEvent event) {
        for (Delivery d : deliveries.values()) {
            d.offer(event);
        }
    }

    /** Events dropped for a listener so far because its queue was full; for tests. */
    long dropped(RunListener listener) {
        Delivery d = deliveries.get(listener);
        return d == null ? 0 : d.dropped.get();
    }

    @Deactivate
    void close() {
        deliveries.keySet().forEach(this::removeListener);
    }

    /** One listener's queue and the thread that empties it in order. */
    private static final class Delivery implements Runnable {

        private final RunListener listener;
        private final BlockingQueue<RunEvent> queue;
        private final Thread thread;
        private final AtomicLong dropped = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private volatile boolean running = true;

        Delivery(RunListener listener, int capacity) {
            this.listener = listener;
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.thread = new Thread(this, "assay-run-listener-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }

        void offer(RunEvent event) {
            if (!queue.offer(event)) {
                long n = dropped.incrementAndGet();
                if (n == 1 || n % 1000 == 0) {
                    LOG.warn("Run listener {} lags {} events behind; {} events dropped for it so far (the run goes on)",
                            listener.getClass().getName(), queue.size(), n);
                }
            }
        }

        @Override
        public void run() {
            while (running) {
                RunEvent event;
                try {
                    event = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    listener.runEvent(event);
                } catch (RuntimeException | LinkageError e) {
                    // The first failure with its stack trace; a listener failing on every event must not flood the log.
                    long n = failures.incrementAndGet();
                    if (n == 1) {
                        LOG.error("Run listener {} failed on {} of run {}; it keeps getting events",
                                listener.getClass().getName(), event.kind(), event.runId(), e);
                    } else if (n % 1000 == 0) {
                        LOG.error("Run listener {} has failed {} times, latest: {}", listener.getClass().getName(), n,
                                e.toString());
                    }
                }
            }
        }

        /** Stops delivering; a listener blocked in a call is interrupted. */
        void stop() {
            running = false;
            thread.interrupt();
        }
    }
}
