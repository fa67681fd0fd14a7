package org.assay.miners.internal.shell;

import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.assay.api.model.ModelStore;

@Command(scope = "assay", name = "model-show", description = "Shows one stored model version: how it was made (run,"
        + " algorithm, evaluation), its metrics, its training schema and its content hash.")
@Service
public class ModelShowCommand implements Action {

    @Reference
    private ModelStore store;

    @Argument(index = 0, name = "name", required = true, description = "The model name, see assay:model-list")
    private String name;

    @Argument(index = 1, name = "version", required = false, description = "A version number (3 or v3); default the"
            + " champion")
    private String version;

    @Override
    public Object execute() throws Exception {
        ModelStore.Version v = ModelCommands.version(store, name, version);
        System.out.println(v.label() + (v.champion() ? " (champion)" : " (challenger)") + ", created " + v.created());
        ShellTable t = new ShellTable();
        t.column("Property");
        t.column("Value");
        for (Map.Entry<String, String> e : v.metadata().entrySet()) {
            t.addRow().addContent(e.getKey(), e.getValue());
        }
        t.print(System.out);
        return null;
    }
}
