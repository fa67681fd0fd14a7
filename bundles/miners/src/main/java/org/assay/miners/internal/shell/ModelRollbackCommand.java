package org.assay.miners.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.ShellUtil;
import org.assay.api.model.ModelStore;

@Command(scope = "assay", name = "model-rollback", description = "Makes the previous champion of a model the champion"
        + " again (undoes the last promotion, by hand or by weka-classify).")
@Service
public class ModelRollbackCommand implements Action {

    @Reference
    private ModelStore store;

    @Argument(index = 0, name = "name", required = true, description = "The model name, see assay:model-list")
    private String name;

    @Override
    public Object execute() throws Exception {
        ModelStore.Version v = store.rollback(name, ShellUtil.getCurrentUserName());
        System.out.println(v.label() + " is the champion of " + name + " again.");
        return null;
    }
}
