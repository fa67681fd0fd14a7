@Version("1.1.0")
package org.assay.api.data;

import org.osgi.annotation.versioning.Version;
