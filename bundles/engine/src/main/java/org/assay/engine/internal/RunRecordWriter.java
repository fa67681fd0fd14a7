package org.assay.engine.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each run's {@code run.json} current without costing the steps: a change only marks
 * the run, and one thread writes each marked run at most once per interval, from a snapshot
 * taken without any lock. A run's end (or pause) is written at once, after any write still
 * pending for it, so the last record on disk is the final one. Between writes the thread
 * touches the records of runs in flight, so that after a crash the record's modification
 * time tells when the engine was last alive. Each of these moments is also when the
 * {@link RunObserver} compares the run with what it last told the listeners.
 */
final class RunRecordWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunRecordWriter.class);

    private final ScheduledExecutorService thread;
    private final Supplier<Collection<RunState>> inFlight;
    private final Set<RunState> changed = ConcurrentHashMap.newKeySet();
    private final AtomicLong writes = new AtomicLong();
    private final RunObserver observer;

    /**
     * @param interval longest time a change waits to be written
     * @param inFlight the runs whose records are touched while nothing changes
     * @param observer told of each change, write and touch
     */
    RunRecordWriter(Duration interval, Supplier<Collection<RunState>> inFlight, RunObserver observer) {
        this.inFlight = inFlight;
        this.observer = observer;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "assay-run-records");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, interval.toMillis());
        thread.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.MILLISECONDS);
    }

    /** The run changed: its record is rewritten within one interval. No I/O on the caller's thread. */
    void changed(RunState run) {
        changed.add(run);
        observer.observe(run, false);
    }

    /** Writes the run's record now and waits for it: for a run that ends, pauses or is resumed. */
    void writeNow(RunState run) {
        try {
            thread.submit(() -> {
                changed.remove(run);
                write(run);
            }).get();
        } catch (RejectedExecutionException e) {
            // Closed (the engine stops): write on this thread; the writer thread is gone.
            changed.remove(run);
            write(run);
        } catch (ExecutionException e) {
            LOG.error("Cannot write the record of run {}", run.runId, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            write(run);
        }
        observer.observe(run, true);
    }

    /** Records written so far; lets tests see that changes are coalesced. */
    long writes() {
        return writes.get();
    }

    private void flush() {
        for (RunState run : changed) {
            if (changed.remove(run)) {
                write(run);
            }
        }
        FileTime now = FileTime.fromMillis(System.currentTimeMillis());
        for (RunState run : inFlight.get()) {
            observer.observe(run, false);
            Path file = run.folder.resolve(RunRecords.FILE_NAME);
            try {
                Files.setLastModifiedTime(file, now);
            } catch (IOException e) {
                // Not written yet, or its folder is gone: the next change writes it.
            }
        }
    }

    private void write(RunState run) {
        if (!Files.isDirectory(run.folder)) {
            // Pruned (keepRunsPerWorkflow) or deleted since the change was marked: nothing to keep.
            return;
        }
        try {
            RunRecords.write(run.snapshot());
            writes.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot write the record of run {}: {}", run.runId, e.getMessage());
        }
    }

    /** Writes what is still pending, then stops. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (RunState run : changed) {
            if (changed.remove(run)) {
                write(run);
            }
        }
    }
}
