package org.assay.secrets.internal;

import java.nio.file.Path;
import java.util.Arrays;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.assay.api.audit.AuditLog;

@Command(scope = "assay", name = "secret-set", description = "Sets a named secret (a password or token), asking for "
        + "its value twice without showing it. A cfg file uses it as $[secret:NAME], e.g. password=$[secret:crm_db_password] "
        + "in etc/org.ops4j.datasource-crm.cfg; workflows never hold it.")
@Service
public class SecretSetCommand implements Action {

    @Reference
    private Session session;

    @Reference(optional = true)
    private AuditLog audit;

    @Argument(index = 0, name = "name", required = true, description = "The secret's name: lower-case letters, digits "
            + "and _, e.g. crm_db_password")
    private String name;

    @Override
    public Object execute() throws Exception {
        SecretStore.checkName(name);
        SecretStore store = new SecretStore(Path.of(System.getProperty("karaf.etc")));
        String first = session.readLine("Value of " + name + ": ", '*');
        String again = session.readLine("Again: ", '*');
        if (first == null || !first.equals(again)) {
            throw new IllegalArgumentException("the two values differ; nothing was changed");
        }
        char[] value = first.toCharArray();
        try {
            boolean existed = store.exists(name);
            store.set(name, value);
            SecretAudit.changed(audit, name, existed ? "replaced" : "set");
            System.out.println((existed ? "Replaced" : "Set") + " secret " + name + " (etc/" + name
                    + ", readable by the Karaf user only). Cfg files using it are reloaded when they change; "
                    + "to apply it now to a data source, touch its cfg file.");
        } finally {
            Arrays.fill(value, '\0');
        }
        return null;
    }
}
