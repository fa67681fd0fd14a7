package org.assay.engine;

import org.assay.api.step.StepDescriptor;

/**
 * An installed step type and the bundle that provides it.
 *
 * @param bundleSymbolicName providing bundle
 * @param bundleVersion      its version
 * @param bundleId           its id in this framework
 */
public record StepTypeInfo(StepDescriptor descriptor, String bundleSymbolicName, String bundleVersion,
        long bundleId) {

    public String typeId() {
        return descriptor.typeId();
    }

    /** The version the step declares, else the providing bundle's version. */
    public String version() {
        return descriptor.version().orElse(bundleVersion);
    }
}
