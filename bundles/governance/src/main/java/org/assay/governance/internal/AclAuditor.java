package org.assay.governance.internal;

import java.util.Map;
import org.apache.karaf.shell.support.ShellUtil;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditLog;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.SynchronousConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Records changes of who may do what: Karaf's command and JMX ACLs and the JAAS configuration.
 * Synchronous, so it runs on the thread making the change and sees its user (a shell
 * {@code config:edit}); an edit of the file under {@code etc/} is by {@code system}.
 * User and group assignments in {@code etc/users.properties} are not configurations: {@link
 * org.assay.governance.internal.roles.UsersFileAuditor} records those.
 */
@Component(service = SynchronousConfigurationListener.class)
public final class AclAuditor implements SynchronousConfigurationListener {

    private final AuditLog audit;

    @Activate
    public AclAuditor(@Reference AuditLog audit) {
        this.audit = audit;
    }

    static boolean aboutRoles(String pid) {
        return pid != null && (pid.startsWith("org.apache.karaf.command.acl") || pid.startsWith("jmx.acl")
                || pid.startsWith("org.apache.karaf.jaas"));
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (!aboutRoles(event.getPid())) {
            return;
        }
        String change = switch (event.getType()) {
            case ConfigurationEvent.CM_DELETED -> "deleted";
            case ConfigurationEvent.CM_LOCATION_CHANGED -> "location changed";
            default -> "updated";
        };
        audit.record(ShellUtil.getCurrentUserName(), AuditAction.ROLE, event.getPid(), Map.of("change", change));
    }
}
