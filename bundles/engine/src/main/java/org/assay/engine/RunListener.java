package org.assay.engine;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told what runs do, for live progress (a REST bundle's Server-Sent
 * Events, a dashboard) and for audit. Register one as an OSGi service; the engine finds it.
 *
 * <p>Calls come on a thread of the engine's own, one listener at a time and in order for that
 * listener, never on a thread running a step: a slow listener slows only itself. Each listener
 * has a bounded queue ({@value #QUEUE_CAPACITY} events); when it is full because the listener
 * blocks or lags, further events for it are dropped (and counted in the Karaf log) rather than
 * holding up a run. What a run did stays in its record ({@link RunService#get}), so a listener
 * that missed events reads it there. An exception thrown by a listener is logged and ignored.
 */
@ConsumerType
public interface RunListener {

    /** Events a listener may lag behind before newer ones are dropped. */
    int QUEUE_CAPACITY = 10_000;

    /** Something happened; see {@link RunEvent.Kind}. Must not assume a particular thread. */
    void runEvent(RunEvent event);
}
