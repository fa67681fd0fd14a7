package org.assay.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Rough heap figures for one measured section. The heap used right after each garbage
 * collection bounds what the code really keeps alive (the live set plus old garbage not yet
 * collected), so its maximum over a run is the number that shows whether memory stays
 * bounded. A sampling thread reads the heap in use every few milliseconds: its maximum is the
 * peak heap the process really occupied (garbage included), below the limit by construction.
 */
final class HeapWatch implements NotificationListener, AutoCloseable {

    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final List<MemoryPoolMXBean> heapPools = new ArrayList<>();
    private final AtomicLong maxSampled = new AtomicLong();
    private final Thread sampler;
    private volatile boolean closed;

    HeapWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(this, null, null);
                emitters.add(emitter);
            }
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool);
            }
        }
        sampler = new Thread(this::sample, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (!closed) {
            maxSampled.accumulateAndGet(usedNow(), Math::max);
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Often enough to see a peak between two collections of a young generation of some MiB. */
    private static final long SAMPLE_MILLIS = 5;

    /** Collects, then starts a new section: maxima are forgotten. */
    void reset() {
        System.gc();
        maxAfterGc.set(usedNow());
        maxSampled.set(usedNow());
        collections.set(0);
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Highest heap use seen right after a collection since {@link #reset()}, in bytes. */
    long maxAfterGc() {
        return maxAfterGc.get();
    }

    /** Highest heap use (garbage included) the sampling thread saw since {@link #reset()}, in bytes. */
    long maxSampled() {
        maxSampled.accumulateAndGet(usedNow(), Math::max);
        return maxSampled.get();
    }

    long collections() {
        return collections.get();
    }

    /**
     * Sum of the heap pools' peaks since {@link #reset()}, in bytes: an upper bound on the
     * heap in use at any moment (pools peak at different times), garbage included.
     */
    long peakUsed() {
        return heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long usedNow() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (isHeapPool(e.getKey())) {
                used += e.getValue().getUsed();
            }
        }
        collections.incrementAndGet();
        maxAfterGc.accumulateAndGet(used, Math::max);
    }

    private boolean isHeapPool(String name) {
        for (MemoryPoolMXBean pool : heapPools) {
            if (pool.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        closed = true;
        sampler.interrupt();
        for (NotificationEmitter emitter : emitters) {
            emitter.removeNotificationListener(this);
        }
    }
}
