package org.assay.secrets.internal;

import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "assay", name = "secret-list", description = "Lists the named secrets, never their values: when each "
        + "was set and which cfg files use it (a name used but not set is shown as missing).")
@Service
public class SecretListCommand implements Action {

    @Override
    public Object execute() throws Exception {
        ShellTable table = new ShellTable();
        table.column("Name");
        table.column("Set");
        table.column("Used by");
        for (SecretStore.Info s : new SecretStore(Path.of(System.getProperty("karaf.etc"))).list()) {
            table.addRow().addContent(s.name(), s.modified() == null ? "MISSING" : s.modified().toString(),
                    s.usedBy().isEmpty() ? "-" : String.join(", ", s.usedBy()));
        }
        table.print(System.out);
        return null;
    }
}
