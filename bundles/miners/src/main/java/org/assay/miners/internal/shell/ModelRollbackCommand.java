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

@Command(scope = "assay", name = "model-rollback", description = "Makes the previous champion of a model the champion"
        + " again (undoes the last promotion, by hand or by weka-classify).")
@Service
public class ModelRollbackCommand implements Action {

    @Reference
    private ModelStore store;

    @Reference(optional = true)
    private AuditLog audit;

    @Argument(index = 0, name = "name", required = true, description = "The model name, see assay:model-list")
    private String name;

    @Override
    public Object execute() throws Exception {
        ModelStore.Version v = store.rollback(name);
        if (audit != null) {
            audit.record(ShellUtil.getCurrentUserName(), AuditAction.MODEL, name, Map.of("version",
                    Integer.toString(v.version()), "change", "rolled back"));
        }
        System.out.println(v.label() + " is the champion of " + name + " again.");
        return null;
    }
}
