package org.assay.shell.internal;

import org.assay.engine.StepCatalog;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "assay", name = "workflow-schema",
        description = "Prints the JSON Schema of workflow files for the step types installed now (for editors).")
@Service
public class WorkflowSchemaCommand implements Action {

    @Reference
    private StepCatalog catalog;

    @Override
    public Object execute() {
        System.out.println(catalog.workflowJsonSchema());
        return null;
    }
}
