package org.assay.engine.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Where steps wait for the step type they need to be installed. One signal per type: an
 * arriving type wakes only the steps that wait for it, and nothing else happens under the
 * signal's lock (the caller announces the wait and writes records outside it). A cancel or
 * an engine stop wakes every waiter.
 */
final class ProviderWaiters {

    /** How a wait ended. */
    enum Ending { FOUND, STOPPED, TIMED_OUT, MISSPELLED }

    /** {@code waited}: the type was missing at first, so the wait was announced. */
    record Wait(Ending ending, Optional<RegisteredStep> provider, String suggestion, boolean waited) { }

    /** Counts arrivals, so that one between a look-up and the wait is not missed. */
    private static final class Signal {
        private long arrivals;
    }

    private final StepRegistry registry;
    private final Map<String, Signal> signals = new ConcurrentHashMap<>();

    ProviderWaiters(StepRegistry registry) {
        this.registry = registry;
    }

    private Signal signal(String typeId) {
        return signals.computeIfAbsent(typeId, t -> new Signal());
    }

    /** A provider of the type was registered. */
    void arrived(String typeId) {
        Signal s = signal(typeId);
        synchronized (s) {
            s.arrivals++;
            s.notifyAll();
        }
    }

    /** Wakes every waiter, to look at its run again (cancelled, engine stopping). */
    void wakeAll() {
        for (Signal s : signals.values()) {
            synchronized (s) {
                s.notifyAll();
            }
        }
    }

    /**
     * Waits until the type is installed, {@code stop} says so or {@code timeout} passes.
     * {@code announce} runs once, on this thread and outside any lock, when the wait begins.
     * A type one slip away from an installed one is not waited for: that is a typo.
     */
    Wait await(String typeId, BooleanSupplier stop, Duration timeout, Runnable announce) {
        Signal signal = signal(typeId);
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean announced = false;
        while (true) {
            long seen;
            synchronized (signal) {
                seen = signal.arrivals;
            }
            Optional<RegisteredStep> p = registry.provider(typeId);
            if (p.isPresent()) {
                return new Wait(Ending.FOUND, p, null, announced);
            }
            if (stop.getAsBoolean()) {
                return new Wait(Ending.STOPPED, Optional.empty(), null, announced);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new Wait(Ending.TIMED_OUT, Optional.empty(), null, announced);
            }
            Optional<String> slip = WorkflowValidator.oneSlipFrom(typeId,
                    registry.list().stream().map(i -> i.typeId()).toList());
            if (slip.isPresent()) {
                return new Wait(Ending.MISSPELLED, Optional.empty(), slip.get(), announced);
            }
            if (!announced) {
                announced = true;
                announce.run();
            }
            try {
                synchronized (signal) {
                    if (signal.arrivals == seen) {
                        // Bounded: the stop condition is looked at again at least once a second.
                        signal.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 1000)));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Wait(Ending.STOPPED, Optional.empty(), null, announced);
            }
        }
    }
}
