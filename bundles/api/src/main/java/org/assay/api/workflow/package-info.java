@Version("1.0.0")
package org.assay.api.workflow;

import org.osgi.annotation.versioning.Version;
