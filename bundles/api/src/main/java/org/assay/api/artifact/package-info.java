/**
 * Helpers for writing a step's artifacts (the files under a run's artifacts folder): small
 * tables that people open in a spreadsheet.
 */
@Version("1.0.0")
package org.assay.api.artifact;

import org.osgi.annotation.versioning.Version;
