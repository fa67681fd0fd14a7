package org.assay.api.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the audit log. Immutable.
 *
 * @param seq       its position in the log, from 1, without gaps
 * @param at        when it was recorded
 * @param principal who acted (a Karaf user name, or {@code system})
 * @param action    what was done
 * @param target    what it was done to (workflow id, run id, subject key, secret name, ...)
 * @param details   more about it, e.g. the version deployed or the rows erased; never a secret
 *                  or a personal value
 * @param previous  the SHA-256 (hex) of the previous line as stored, 64 zeros for the first
 */
public record AuditEntry(long seq, Instant at, String principal, AuditAction action, String target,
        Map<String, String> details, String previous) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        principal = principal == null || principal.isBlank() ? "system" : principal;
        target = target == null ? "" : target;
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        previous = previous == null ? "" : previous;
    }
}
