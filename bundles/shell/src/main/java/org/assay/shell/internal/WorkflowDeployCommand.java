package org.assay.shell.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.ValidationProblem;
import org.assay.engine.WorkflowRejectedException;
import org.assay.engine.WorkflowService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

@Command(scope = "assay", name = "workflow-deploy",
        description = "Validates a workflow file and deploys it as the new active version. An invalid file changes nothing.")
@Service
public class WorkflowDeployCommand implements Action {

    @Reference
    private WorkflowService workflows;

    @Argument(index = 0, name = "file", required = true, description = "Path of the workflow JSON file")
    @Completion(FileCompleter.class)
    private String file;

    @Override
    public Object execute() throws Exception {
        Path path = Path.of(file).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no file " + path);
        }
        try {
            DeployedWorkflow d = workflows.deployFile(path, Principals.current());
            for (ValidationProblem w : d.warnings()) {
                System.out.println(path + ": " + w);
            }
            System.out.println("Deployed workflow " + d.id() + " version " + d.version() + " from " + path + " as "
                    + d.deployedBy());
        } catch (WorkflowRejectedException e) {
            for (ValidationProblem p : e.problems()) {
                System.out.println(path + ": " + p);
            }
            throw new IllegalArgumentException(path + " was rejected (" + e.problems().size()
                    + (e.problems().size() == 1 ? " problem" : " problems") + "); the active version, if any, is unchanged");
        }
        return null;
    }
}
