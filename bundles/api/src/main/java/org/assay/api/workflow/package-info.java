@Version("1.1.0")
package org.assay.api.workflow;

import org.osgi.annotation.versioning.Version;
