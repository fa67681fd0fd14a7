package org.assay.engine.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.assay.api.workflow.StepDefinition;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;

/** Live state of one step of one run; counters are reset when the step is replayed. */
final class StepState {

    final StepDefinition definition;
    final AtomicLong rowsIn = new AtomicLong();
    final AtomicLong rowsOut = new AtomicLong();
    final AtomicLong quarantined = new AtomicLong();
    final AtomicLong filtered = new AtomicLong();
    final List<ArtifactInfo> artifacts = new CopyOnWriteArrayList<>();

    volatile RunStatus status = RunStatus.QUEUED;
    volatile String provider = "";
    volatile long providerServiceId = -1;
    volatile boolean providerGone;
    volatile double progress;
    volatile long startNanos;
    volatile long durationMillis;
    volatile int attempts;
    volatile String error;

    StepState(StepDefinition definition) {
        this.definition = definition;
    }

    String id() {
        return definition.id();
    }

    /** Forgets the counts and artifacts of a failed attempt before a replay. */
    void resetForAttempt() {
        rowsIn.set(0);
        rowsOut.set(0);
        quarantined.set(0);
        filtered.set(0);
        artifacts.clear();
        progress = 0;
        providerGone = false;
        error = null;
    }

    long elapsedMillis() {
        return status == RunStatus.RUNNING ? (System.nanoTime() - startNanos) / 1_000_000 : durationMillis;
    }

    StepRunInfo snapshot() {
        return new StepRunInfo(definition.id(), definition.type(), status, provider, rowsIn.get(), rowsOut.get(),
                quarantined.get(), filtered.get(), progress, elapsedMillis(), attempts, error, List.copyOf(artifacts));
    }
}
