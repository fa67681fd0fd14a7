/**
 * Reading named secrets: the one way a bundle gets a secret's value ({@link
 * org.assay.secrets.SecretReader}), so the place they are kept, the name rules and the audit of
 * every read stay in the secrets bundle. Cfg files keep using Karaf's {@code $[secret:NAME]}.
 */
@Version("1.0.0")
package org.assay.secrets;

import org.osgi.annotation.versioning.Version;
