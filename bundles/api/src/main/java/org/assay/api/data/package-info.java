@Version("1.3.0")
package org.assay.api.data;

import org.osgi.annotation.versioning.Version;
