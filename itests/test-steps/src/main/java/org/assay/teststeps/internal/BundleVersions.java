package org.assay.teststeps.internal;

import org.osgi.framework.BundleContext;

/** The step descriptor version is the bundle version, so a hot-swap shows in the run record. */
final class BundleVersions {

    private BundleVersions() {
    }

    static String of(BundleContext context) {
        return context.getBundle().getVersion().toString();
    }
}
