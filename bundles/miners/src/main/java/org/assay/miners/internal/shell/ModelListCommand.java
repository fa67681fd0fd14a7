package org.assay.miners.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.assay.api.model.ModelStore;

@Command(scope = "assay", name = "model-list", description = "Lists the stored models, or the versions of one model"
        + " with their champion, creation time and headline metric.")
@Service
public class ModelListCommand implements Action {

    @Reference
    private ModelStore store;

    @Argument(index = 0, name = "name", required = false, description = "A model name; without it, every model")
    private String name;

    @Override
    public Object execute() throws Exception {
        List<String> names = name == null ? store.names() : List.of(name);
        if (names.isEmpty()) {
            System.out.println("The model store is empty; weka-classify stores models with its storeAs parameter.");
            return null;
        }
        ShellTable t = new ShellTable();
        t.column("Model");
        t.column("Version");
        t.column("Status");
        t.column("Created");
        t.column("Algorithm");
        t.column("Measured");
        t.column("AUC / RMSE");
        for (String n : names) {
            List<ModelStore.Version> versions = store.versions(n);
            if (versions.isEmpty()) {
                throw new IllegalArgumentException("no model '" + n + "' in the store; models: " + store.names());
            }
            for (ModelStore.Version v : versions) {
                double auc = v.metric("auc");
                t.addRow().addContent(n, "v" + v.version(), v.champion() ? "champion" : "challenger", v.created(),
                        v.metadata().getOrDefault("algorithm", ""), v.metadata().getOrDefault("measured", ""),
                        ModelCommands.figure(Double.isNaN(auc) ? v.metric("rmse") : auc));
            }
        }
        t.print(System.out);
        return null;
    }
}
