@Version("1.2.0")
package org.assay.api.data;

import org.osgi.annotation.versioning.Version;
