package org.assay.secrets.internal;

import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.assay.api.audit.AuditLog;

@Command(scope = "assay", name = "secret-delete", description = "Deletes a named secret. Cfg files that use it keep "
        + "the value they have until they are reloaded.")
@Service
public class SecretDeleteCommand implements Action {

    @Reference(optional = true)
    private AuditLog audit;

    @Argument(index = 0, name = "name", required = true, description = "The secret's name, see assay:secret-list")
    private String name;

    @Override
    public Object execute() throws Exception {
        if (!new SecretStore(Path.of(System.getProperty("karaf.etc"))).delete(name)) {
            throw new IllegalArgumentException("no secret " + name + "; see assay:secret-list");
        }
        SecretAudit.changed(audit, name, "deleted");
        System.out.println("Deleted secret " + name);
        return null;
    }
}
