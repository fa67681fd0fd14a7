/**
 * The checks every Assay step that creates a Weka scheme from a user's class name and option
 * string runs before Weka sees them: class names, loading a class without initialising it, and
 * refusing option strings that name classes outside Weka. See {@link org.assay.weka.sandbox.WekaSandbox}.
 */
@Version("1.0.0")
package org.assay.weka.sandbox;

import org.osgi.annotation.versioning.Version;
