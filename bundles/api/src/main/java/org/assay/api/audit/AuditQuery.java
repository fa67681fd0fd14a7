package org.assay.api.audit;

import java.time.Instant;

/**
 * Which entries {@link AuditLog#query} returns: all criteria that are set must hold. Immutable;
 * start from {@link #all()}.
 *
 * @param principal only this user's entries, or null for everyone's
 * @param action    only this action, or null for all
 * @param target    only entries whose target equals this, or null for all
 * @param since     only entries recorded at or after this, or null
 * @param until     only entries recorded before this, or null
 * @param limit     at most this many, the newest ones (1..100,000)
 */
public record AuditQuery(String principal, AuditAction action, String target, Instant since, Instant until,
        int limit) {

    public static final int MAX_LIMIT = 100_000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
    }

    /** Every entry, up to 1,000 of the newest. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, 1000);
    }

    public AuditQuery withPrincipal(String p) {
        return new AuditQuery(p, action, target, since, until, limit);
    }

    public AuditQuery withAction(AuditAction a) {
        return new AuditQuery(principal, a, target, since, until, limit);
    }

    public AuditQuery withTarget(String t) {
        return new AuditQuery(principal, action, t, since, until, limit);
    }

    public AuditQuery withSince(Instant s) {
        return new AuditQuery(principal, action, target, s, until, limit);
    }

    public AuditQuery withUntil(Instant u) {
        return new AuditQuery(principal, action, target, since, u, limit);
    }

    public AuditQuery withLimit(int l) {
        return new AuditQuery(principal, action, target, since, until, l);
    }

    /** Whether an entry matches every criterion set. */
    public boolean matches(AuditEntry e) {
        return (principal == null || principal.equals(e.principal()))
                && (action == null || action == e.action())
                && (target == null || target.equals(e.target()))
                && (since == null || !e.at().isBefore(since))
                && (until == null || e.at().isBefore(until));
    }
}
