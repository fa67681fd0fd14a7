@Version("2.0.0")
package org.assay.api.step;

import org.osgi.annotation.versioning.Version;
