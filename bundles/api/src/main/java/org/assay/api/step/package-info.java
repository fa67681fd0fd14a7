@Version("1.0.0")
package org.assay.api.step;

import org.osgi.annotation.versioning.Version;
