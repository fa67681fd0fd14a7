package org.assay.miners.internal.shell;

import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.ShellUtil;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditLog;
import org.assay.miners.internal.ModelStore;

@Command(scope = "assay", name = "model-promote", description = "Makes a stored model version the champion that"
        + " weka-score uses by name; assay:model-rollback undoes it.")
@Service
public class ModelPromoteCommand implements Action {

    @Reference
    private ModelStore store;

    @Reference(optional = true)
    private AuditLog audit;

    @Argument(index = 0, name = "name", required = true, description = "The model name, see assay:model-list")
    private String name;

    @Argument(index = 1, name = "version", required = true, description = "The version to promote (3 or v3)")
    private String version;

    @Override
    public Object execute() throws Exception {
        ModelStore.Version v = store.promote(name, ModelCommands.number(version));
        if (audit != null) {
            audit.record(ShellUtil.getCurrentUserName(), AuditAction.MODEL, name, Map.of("version",
                    Integer.toString(v.version()), "change", "promoted"));
        }
        System.out.println(v.label() + " is now the champion of " + name + ".");
        return null;
    }
}
