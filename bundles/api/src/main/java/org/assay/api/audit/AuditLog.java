package org.assay.api.audit;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's audit log: append-only, each entry chained to the one before by a hash, so an
 * edited, removed or reordered entry is found by {@link #verify()}. Thread-safe.
 *
 * <p>Bundles that act for a user record what they did; they reference this service as optional
 * and go on without it. Never put a secret value or a personal value (a row's e-mail, a name) in
 * a target or a detail: the log is kept longer than the data.
 */
@ProviderType
public interface AuditLog {

    /**
     * Appends an entry. Never throws for a full disk or the like: the failure is logged and the
     * caller's action goes on (an audit failure must not stop a run), so check {@link #verify()}.
     *
     * @param principal who acted; null or blank means {@code system}
     * @param target    what it was done to; null means empty
     * @param details   more about it (kept in insertion order); null means none
     * @return the entry as recorded, or null when it could not be written
     */
    AuditEntry record(String principal, AuditAction action, String target, Map<String, String> details);

    /** Entries matching the query, oldest first (the newest {@code limit} of them). */
    List<AuditEntry> query(AuditQuery query);

    /** Reads the whole log again and checks the chain. */
    AuditVerification verify();
}
