/**
 * The audit contract: who did what to workflows, runs, artifacts, data subjects, secrets and
 * roles. Any bundle that acts for a user (engine, shell, secrets, REST) records through the
 * {@link org.assay.api.audit.AuditLog} service when one is registered; the governance bundle
 * provides it as an append-only, hash-chained file. Recording is optional: a bundle must
 * work without the service (reference it with optional cardinality). {@link
 * org.assay.api.audit.ModelTaint} is the rule that a model trained on erased rows is not used.
 */
@Version("1.1.0")
package org.assay.api.audit;

import org.osgi.annotation.versioning.Version;
