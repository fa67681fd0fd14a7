package org.assay.engine.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.assay.api.workflow.StepDefinition;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;

/** Live state of one step of one run; the counts are those of its current attempt. */
final class StepState {

    /**
     * What one attempt counted. Each attempt gets its own, so an attempt abandoned while
     * its thread is still inside the step cannot change the counts of the attempt after it.
     */
    static final class Counts {
        final AtomicLong rowsIn = new AtomicLong();
        final AtomicLong rowsOut = new AtomicLong();
        final AtomicLong quarantined = new AtomicLong();
        final AtomicLong filtered = new AtomicLong();
        final List<ArtifactInfo> artifacts = new CopyOnWriteArrayList<>();
        volatile double progress;
    }

    final StepDefinition definition;
    volatile Counts counts = new Counts();

    volatile RunStatus status = RunStatus.QUEUED;
    volatile String provider = "";
    volatile long providerServiceId = -1;
    volatile boolean providerGone;
    volatile long startNanos;
    volatile long durationMillis;
    volatile int attempts;
    volatile String error;
    /** The error of a step stopped because another step of its run failed. */
    static final String STOPPED_BY_FAILURE = "stopped because another step failed";

    StepState(StepDefinition definition) {
        this.definition = definition;
    }

    String id() {
        return definition.id();
    }

    /** Forgets the counts and artifacts of an earlier attempt before a new one. @return the new counts */
    Counts resetForAttempt() {
        Counts fresh = new Counts();
        counts = fresh;
        providerGone = false;
        error = null;
        return fresh;
    }

    long elapsedMillis() {
        return status == RunStatus.RUNNING ? (System.nanoTime() - startNanos) / 1_000_000 : durationMillis;
    }

    StepRunInfo snapshot() {
        Counts c = counts;
        return new StepRunInfo(definition.id(), definition.type(), status, provider, c.rowsIn.get(), c.rowsOut.get(),
                c.quarantined.get(), c.filtered.get(), c.progress, elapsedMillis(), attempts, error,
                List.copyOf(c.artifacts));
    }
}
