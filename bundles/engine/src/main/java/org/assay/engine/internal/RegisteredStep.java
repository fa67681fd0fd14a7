package org.assay.engine.internal;

import org.assay.api.step.StepType;
import org.assay.engine.StepTypeInfo;

/**
 * A step type service as the registry holds it.
 *
 * @param serviceId identity of the service registration: a run remembers which one it
 *                  used, so it can tell when exactly that provider goes away
 */
record RegisteredStep(StepType type, StepTypeInfo info, long serviceId) {

    String typeId() {
        return info.typeId();
    }

    /** "bundle-symbolic-name version", as run records show it. */
    String provider() {
        return info.bundleSymbolicName() + " " + info.bundleVersion();
    }
}
