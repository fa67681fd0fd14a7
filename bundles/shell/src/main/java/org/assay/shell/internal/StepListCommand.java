package org.assay.shell.internal;

import org.assay.engine.StepCatalog;
import org.assay.engine.StepTypeInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "assay", name = "step-list", description = "Lists the installed step types and the bundles providing them.")
@Service
public class StepListCommand implements Action {

    @Reference
    private StepCatalog catalog;

    @Override
    public Object execute() {
        ShellTable t = new ShellTable();
        t.column("Type");
        t.column("Version");
        t.column("Category");
        t.column("Title");
        t.column("Bundle");
        for (StepTypeInfo i : catalog.list()) {
            t.addRow().addContent(i.typeId(), i.version(), i.descriptor().category().jsonName(),
                    i.descriptor().title(), i.bundleSymbolicName() + " " + i.bundleVersion() + " [" + i.bundleId() + "]");
        }
        t.print(System.out);
        return null;
    }
}
