package org.assay.rest.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.assay.engine.RunEvent;
import org.assay.engine.RunListener;
import org.osgi.service.component.annotations.Component;

/**
 * The engine's run events (RunListener whiteboard), fanned out to the event streams open on
 * each run. A stream's queue is bounded: one that falls behind is closed with an overflow
 * event (its client reads the run again) rather than holding memory.
 */
@Component(service = {RunListener.class, RunEventHub.class})
public final class RunEventHub implements RunListener {

    /** Events one stream may lag behind. */
    static final int STREAM_CAPACITY = 1000;

    /** A stream's inbox; {@link #overflowed} is set when an event did not fit. */
    static final class Subscription implements AutoCloseable {
        final String runId;
        final BlockingQueue<RunEvent> queue = new ArrayBlockingQueue<>(STREAM_CAPACITY);
        volatile boolean overflowed;
        private final RunEventHub hub;

        private Subscription(RunEventHub hub, String runId) {
            this.hub = hub;
            this.runId = runId;
        }

        @Override
        public void close() {
            hub.unsubscribe(this);
        }
    }

    private final Map<String, Set<Subscription>> byRun = new ConcurrentHashMap<>();

    Subscription subscribe(String runId) {
        Subscription s = new Subscription(this, runId);
        byRun.computeIfAbsent(runId, k -> new CopyOnWriteArraySet<>()).add(s);
        return s;
    }

    private void unsubscribe(Subscription s) {
        byRun.computeIfPresent(s.runId, (k, set) -> {
            set.remove(s);
            return set.isEmpty() ? null : set;
        });
    }

    /** Streams open now, over all runs. */
    int open() {
        return byRun.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void runEvent(RunEvent event) {
        Set<Subscription> subs = byRun.get(event.runId());
        if (subs == null) {
            return;
        }
        for (Subscription s : subs) {
            if (!s.queue.offer(event)) {
                s.overflowed = true;
            }
        }
    }
}
