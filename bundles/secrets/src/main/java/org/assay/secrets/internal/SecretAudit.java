package org.assay.secrets.internal;

import java.util.Map;
import org.apache.karaf.shell.support.ShellUtil;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditLog;

/** Records a change of a secret (its name, never its value) when an audit log is installed. */
final class SecretAudit {

    private SecretAudit() {
    }

    /** @param audit null when no audit log is installed: then nothing is recorded */
    static void changed(AuditLog audit, String name, String change) {
        if (audit != null) {
            audit.record(ShellUtil.getCurrentUserName(), AuditAction.SECRET, name, Map.of("change", change));
        }
    }
}
