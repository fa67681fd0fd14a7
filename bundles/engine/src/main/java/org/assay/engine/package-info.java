/**
 * The engine's services for the shell, REST and tests: deploy and validate workflows,
 * start and follow runs, list installed step types.
 */
@Version("1.3.0")
package org.assay.engine;

import org.osgi.annotation.versioning.Version;
