package org.assay.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditLog;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Writes who read which run file over the API to the audit log (assay-governance), when one
 * is installed: artifacts, reports, quarantine rows and logs may hold personal data, so a
 * read is an act to account for, like a write. The entry's time is the log's own.
 */
@Component(service = ReadAudit.class)
public final class ReadAudit {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog log;

    public ReadAudit() {
    }

    /** For tests: a given log, or none. */
    ReadAudit(AuditLog log) {
        this.log = log;
    }

    /**
     * Records a read (never throws for the log's sake: the log reports its own failures).
     *
     * @param what   {@code artifact}, {@code report}, {@code quarantine}, {@code quarantine-summary} or {@code log}
     * @param detail the artifact id, the page read, or null
     */
    void read(String principal, String runId, String what, String detail) {
        AuditLog l = log;
        if (l == null) {
            return;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put(what, detail == null ? "" : detail);
        details.put("via", "rest");
        l.record(principal, AuditAction.READ, runId, details);
    }
}
