package org.assay.secrets.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.karaf.shell.support.ShellUtil;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditLog;
import org.assay.secrets.SecretReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link SecretReader} service: reads {@code etc/NAME} through the {@link SecretStore} (no
 * symbolic links, names that cannot reach other files) and audits each read when an audit log is
 * installed. The audit reference is optional and dynamic: secrets are read without governance too.
 */
@Component(service = SecretReader.class)
public final class FileSecretReader implements SecretReader {

    private final SecretStore store;
    private volatile AuditLog audit;

    @Activate
    public FileSecretReader() {
        this(new SecretStore(Path.of(System.getProperty("karaf.etc", "etc"))));
    }

    FileSecretReader(SecretStore store) {
        this.store = store;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAudit(AuditLog log) {
        audit = log;
    }

    void unsetAudit(AuditLog log) {
        if (audit == log) {
            audit = null;
        }
    }

    @Override
    public Optional<byte[]> read(String name, String usedBy) throws IOException {
        SecretStore.checkName(name);
        Optional<byte[]> value = store.read(name);
        AuditLog log = audit;
        if (log != null) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("change", value.isPresent() ? "read" : "read, not set");
            details.put("by", usedBy == null || usedBy.isBlank() ? "unnamed" : usedBy);
            log.record(ShellUtil.getCurrentUserName(), AuditAction.SECRET, name, details);
        }
        return value;
    }
}
