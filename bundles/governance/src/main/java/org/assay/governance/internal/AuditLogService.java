package org.assay.governance.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditEntry;
import org.assay.api.audit.AuditLog;
import org.assay.api.audit.AuditQuery;
import org.assay.api.audit.AuditVerification;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/** The {@link AuditLog} service: a {@link FileAuditLog} at the configured place. */
@Component(service = AuditLog.class, configurationPid = "org.assay.governance")
@Designate(ocd = GovernanceConfig.class)
public final class AuditLogService implements AuditLog {

    private final FileAuditLog log;

    @Activate
    public AuditLogService(GovernanceConfig config) throws IOException {
        this.log = new FileAuditLog(auditFile(config), Clock.systemUTC());
    }

    static Path auditFile(GovernanceConfig config) {
        return config.auditFile().isBlank() ? karafData().resolve("audit").resolve("audit.jsonl")
                : Path.of(config.auditFile()).toAbsolutePath().normalize();
    }

    static Path karafData() {
        return Path.of(System.getProperty("karaf.data", "data")).toAbsolutePath().normalize();
    }

    @Override
    public AuditEntry record(String principal, AuditAction action, String target, Map<String, String> details) {
        return log.record(principal, action, target, details);
    }

    @Override
    public List<AuditEntry> query(AuditQuery query) {
        return log.query(query);
    }

    @Override
    public AuditVerification verify() {
        return log.verify();
    }
}
