package org.assay.cleaners.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The version step descriptors report: this bundle's version, or 1.0.0 outside OSGi (unit tests). */
final class BundleVersion {

    private BundleVersion() {
    }

    static String of(Class<?> type) {
        Bundle bundle = FrameworkUtil.getBundle(type);
        return bundle == null ? "1.0.0" : bundle.getVersion().toString();
    }
}
